import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Builds the Chrome MV3 extension into `outDir` (its own folder, so a build running elsewhere in
 * the working tree is not clobbered) and returns the unpacked extension's path.
 */
export async function buildExtension(outDir: string): Promise<string> {
  const script = `import('wxt').then((w) => w.build({ browser: 'chrome', outDir: ${JSON.stringify(outDir)} }))`;
  await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
  const dir = join(outDir, 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`extension build produced no manifest in ${dir}`);
  return dir;
}
