/**
 * Images in the CLI: `clearpost scan IMAGE` (burned-in text, metadata and faces, src/ocr/node.ts)
 * and `clearpost redact IMAGE -o OUT`. The OCR worker and the face model are loaded on the first
 * image only (a text-only scan never pays for them) and released by `closeImages()` before exit.
 * An image that could not be checked is never reported as clean: it is an input error (exit 2).
 */
import type { AnalyzeOptions } from '../engine/types';
import type { ImageFinding, ScanResult } from '../ocr/types';
import type { Paint } from './report';
import { sanitize } from './report';

type NodeOcr = typeof import('../ocr/node');
let loaded: Promise<NodeOcr> | null = null;
const ocr = () => (loaded ??= import('../ocr/node'));

export interface ImageScan extends ScanResult {
  readonly file: string;
}

export async function scanImage(file: string, label: string, rules: AnalyzeOptions): Promise<ImageScan> {
  const res = await (await ocr()).scanImageFile(file, { analyze: rules });
  return { file: label, ...res };
}

/** Releases the OCR worker (and the face model) if an image was scanned; a no-op otherwise. */
export async function closeImages(): Promise<void> {
  if (loaded) await (await loaded).closeOcr();
}

/** One `--json` line: `{"file", "findings", "ms"}`, plus `partial` / `notChecked` when so. */
export function imageJsonLine(r: ImageScan): string {
  return `${JSON.stringify({
    file: r.file, findings: r.findings, ms: r.ms,
    ...(r.partial ? { partial: r.partial } : {}), ...(r.notChecked ? { notChecked: r.notChecked } : {}),
  })}\n`;
}

/** Where a finding is: its pixel box or its metadata field. */
export function where(f: ImageFinding): string {
  if (f.bbox) return `box ${f.bbox[0]},${f.bbox[1]} to ${f.bbox[2]},${f.bbox[3]}`;
  return `metadata ${sanitize(f.field ?? '?')}`;
}

const MAX_TEXT = 60;

/** The readable report of one image: each finding with its box or field, and what was read. */
export function imageReport(r: ImageScan, paint: Paint): string {
  const head = `${paint('bold', r.file)} ${paint('dim', `(image, ${r.ms} ms)`)}`;
  const notes: string[] = [];
  if (r.notChecked) notes.push(`  ${paint('block', 'NOT CHECKED')}  ${sanitize(r.notChecked)}: do not treat this image as clean`);
  if (r.partial) notes.push(`  ${paint('warn', 'partly checked')}  ${sanitize(r.partial)}`);
  if (!r.findings.length && !r.notChecked) return `${head}: ${paint('ok', 'no findings')}${notes.length ? `\n${notes.join('\n')}` : ''}\n`;
  const out = [head, ...notes];
  for (const f of r.findings) {
    const text = sanitize(f.text);
    const shown = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
    out.push(`  ${paint(f.severity, f.severity.padEnd(5))}  ${paint('bold', f.type)}  ${f.message}  ${paint('dim', f.ruleId)}`);
    out.push(`         ${paint('dim', where(f))}${shown ? `  read: ${shown}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

export interface RedactIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/**
 * `clearpost redact IMAGE -o OUT`: writes the redacted copy. Exit 0 when written (the PHI found
 * was covered), 2 when the image could not be checked (no copy is written: it would look clean).
 */
export async function runRedact(opts: { file: string; out: string; json: boolean; rules?: AnalyzeOptions }, io: RedactIO = process): Promise<number> {
  const node = await ocr();
  try {
    const res = await node.redactImageFile(opts.file, opts.out, { analyze: opts.rules ?? {} });
    const meta = res.findings.filter((f) => f.field).length;
    if (opts.json) {
      io.stdout.write(`${JSON.stringify({ file: opts.file, out: res.out, format: res.format, boxes: res.boxes, findings: res.findings, ms: res.ms, ...(res.partial ? { partial: res.partial } : {}) })}\n`);
    } else {
      const parts = [`${res.boxes.length} region${res.boxes.length === 1 ? '' : 's'} blacked out`, 'metadata removed'];
      if (meta) parts.push(`${meta} metadata finding${meta === 1 ? '' : 's'} dropped with it`);
      io.stdout.write(`wrote ${res.out} (${res.format}): ${parts.join(', ')}\n`);
    }
    if (res.partial) io.stderr.write(`clearpost: ${opts.file}: partly checked (${res.partial}); check the rest of the copy yourself\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof node.ImageInputError)) throw err;
    io.stderr.write(`clearpost: ${opts.file}: ${err.message}\n`);
    return 2;
  } finally {
    await node.closeOcr();
  }
}
