import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/engine/registry';

const dir = join(__dirname, '../../src/engine/detectors');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));

describe('detector registry', () => {
  it('lists every detector file exactly once, under its file name as id', () => {
    expect([...DETECTORS.map((d) => d.id)].sort()).toEqual([...files].sort());
  });

  it.each(files)('%s has its own test file', (id) => {
    expect(existsSync(join(__dirname, 'detectors', `${id}.test.ts`))).toBe(true);
  });

  it('registers frozen detectors with unique ids', () => {
    for (const d of DETECTORS) expect(Object.isFrozen(d)).toBe(true);
    expect(new Set(DETECTORS.map((d) => d.id)).size).toBe(DETECTORS.length);
  });
});
