import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * Inputs of `clearpost scan`: which kind a path is, and JSON Lines read as a pull stream. The
 * line generator only reads the next chunk when its consumer asks for the next line, so a slow
 * consumer (a full worker queue, a blocked stdout) stops the reading: constant memory.
 */

export type SourceKind = 'text' | 'jsonl' | 'image';

export interface Source {
  /** As the user typed it ('-' for standard input). */
  readonly path: string;
  /** How reports and errors name it. */
  readonly label: string;
  readonly kind: SourceKind;
}

const TEXT_EXT = new Set(['.txt', '.md', '.markdown', '.text', '']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
/** Images checked for burned-in text, metadata and faces (the same list as src/ocr/node.ts IMAGE_EXTENSIONS). */
export const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp']);

/** Returns the source, or an error message for a file type the CLI does not read. */
export function classify(path: string): Source | string {
  if (path === '-') return { path, label: '<stdin>', kind: 'jsonl' };
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) return { path, label: path, kind: 'jsonl' };
  if (TEXT_EXT.has(ext)) return { path, label: path, kind: 'text' };
  if (IMAGE_EXT.has(ext)) return { path, label: path, kind: 'image' };
  return `${path}: unsupported file type '${ext}' (expected .txt, .md, .jsonl or an image: ${[...IMAGE_EXT].join(' ')})`;
}

export function openStream(source: Source): AsyncIterable<Buffer | string> {
  return source.path === '-' ? process.stdin : createReadStream(source.path, { highWaterMark: 64 * 1024 });
}

/**
 * Splits a byte stream into lines (\n or \r\n), decoding UTF-8 across chunk boundaries. A line
 * longer than a chunk is gathered in pieces and joined once (linear, not quadratic).
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pieces: string[] = [];
  let first = true;
  for await (const chunk of stream) {
    let s = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && s) {
      s = s.replace(/^\uFEFF/, '');
      first = false;
    }
    let from = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
      pieces.push(s.slice(from, nl));
      const line = pieces.length === 1 ? pieces[0] : pieces.join('');
      pieces = [];
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      from = nl + 1;
    }
    if (from < s.length) pieces.push(s.slice(from));
  }
  pieces.push(decoder.end());
  const last = pieces.join('');
  if (last) yield last.endsWith('\r') ? last.slice(0, -1) : last;
}
