import type { Finding, Severity } from '../engine/types';

/**
 * What `clearpost scan` prints: the readable report (each finding with its line quoted and the
 * span underlined), the --json lines, and the summary. Only the report on stdout quotes draft
 * text; the summary holds counts only.
 */

export interface Paint {
  (style: Style, s: string): string;
}
type Style = 'block' | 'warn' | 'info' | 'dim' | 'bold' | 'ok';

const CODES: Record<Style, [number, number]> = {
  block: [31, 39], warn: [33, 39], info: [36, 39], dim: [2, 22], bold: [1, 22], ok: [32, 39],
};

export function makePaint(enabled: boolean): Paint {
  return enabled ? (style, s) => `\x1b[${CODES[style][0]}m${s}\x1b[${CODES[style][1]}m` : (_style, s) => s;
}

/** Colour on a terminal unless NO_COLOR is set (no-color.org); FORCE_COLOR turns it on. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && !['', '0', 'false'].includes(env.FORCE_COLOR)) return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Where a draft came from: a whole file, or a line of a JSON Lines file. */
export interface DraftRef {
  readonly file: string;
  readonly line?: number;
  readonly id?: string | number | null;
}

export function jsonLine(ref: DraftRef, findings: readonly Finding[]): string {
  const head = ref.line === undefined ? { file: ref.file } : { id: ref.id ?? `${ref.file}:${ref.line}`, file: ref.file, line: ref.line };
  return `${JSON.stringify({ ...head, findings })}\n`;
}

const MAX_COLS = 100;
const CONTEXT_COLS = 36;

export function textReport(ref: DraftRef, text: string, findings: readonly Finding[], paint: Paint): string {
  const where = ref.line === undefined ? ref.file : `${ref.file}:${ref.line}`;
  const id = ref.id === undefined || ref.id === null ? '' : paint('dim', ` (id ${sanitize(String(ref.id))})`);
  if (!findings.length) return `${paint('bold', where)}${id}: ${paint('ok', 'no findings')}\n`;
  const out = [`${paint('bold', where)}${id}`];
  for (const f of findings) {
    const { lineNo, col, lineText, spanStart, spanEnd } = locate(text, f.start, f.end);
    const sev = paint(f.severity, f.severity.padEnd(5));
    out.push(`  ${paint('dim', `${lineNo}:${col}`.padEnd(7))} ${sev}  ${paint('bold', f.type)}  ${f.message}  ${paint('dim', f.ruleId)}`);
    const [shown, uStart, uLen] = excerpt(lineText, spanStart, spanEnd);
    const gutter = String(lineNo).padStart(5);
    out.push(`  ${paint('dim', `${gutter} |`)} ${shown}`);
    out.push(`  ${paint('dim', `${' '.repeat(gutter.length)} |`)} ${' '.repeat(uStart)}${paint(f.severity, '^'.repeat(Math.max(1, uLen)))}`);
  }
  return `${out.join('\n')}\n`;
}

/** Line (1-based), column (1-based, in code points) and the line holding a span's start. */
function locate(text: string, start: number, end: number) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = text.length;
  let lineNo = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) lineNo++;
  const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const col = [...text.slice(lineStart, start)].length + 1;
  return { lineNo, col, lineText, spanStart: start - lineStart, spanEnd: Math.min(end, lineEnd) - lineStart };
}

/** The line cut to fit, sanitised, and the underline's offset and length in terminal columns. */
function excerpt(line: string, s: number, e: number): [string, number, number] {
  let from = 0;
  let to = line.length;
  if (width(line) > MAX_COLS) {
    from = Math.max(0, s - CONTEXT_COLS);
    to = Math.min(line.length, Math.max(e, s + 1) + CONTEXT_COLS);
  }
  const pre = (from > 0 ? '…' : '') + sanitize(line.slice(from, s));
  const span = sanitize(line.slice(s, e));
  const post = sanitize(line.slice(e, to)) + (to < line.length ? '…' : '');
  return [pre + span + post, width(pre), width(span)];
}

/** Control characters (terminal escapes in a draft) are shown, not obeyed; tabs become a space. */
export function sanitize(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\t' ? ' ' : '\uFFFD'));
}

/** Terminal columns: wide CJK and emoji take two, combining marks and invisibles none. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || (c >= 0xfe00 && c <= 0xfe0f) || c === 0xad || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff) continue;
    if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)
      || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd)) w += 2;
    else w += 1;
  }
  return w;
}

/** Counts for the summary: no draft text. */
export class Tally {
  drafts = 0;
  draftsWithFindings = 0;
  draftsBlocked = 0;
  findings = 0;
  inputErrors = 0;
  readonly bySeverity: Record<Severity, number> = { block: 0, warn: 0, info: 0 };
  readonly byType = new Map<string, Record<Severity, number>>();

  add(findings: readonly Pick<Finding, 'severity' | 'type'>[]): void {
    this.drafts++;
    if (!findings.length) return;
    this.draftsWithFindings++;
    if (findings.some((f) => f.severity === 'block')) this.draftsBlocked++;
    for (const f of findings) {
      this.findings++;
      this.bySeverity[f.severity]++;
      let row = this.byType.get(f.type);
      if (!row) this.byType.set(f.type, (row = { block: 0, warn: 0, info: 0 }));
      row[f.severity]++;
    }
  }
}

export function summary(t: Tally, seconds: number, paint: Paint): string {
  const plural = (n: number, w: string) => `${n.toLocaleString('en-US')} ${w}${n === 1 ? '' : 's'}`;
  const lines = [
    `${paint('bold', 'Summary:')} ${plural(t.drafts, 'draft')} scanned in ${seconds.toFixed(1)} s; ` +
      `${t.draftsWithFindings.toLocaleString('en-US')} with findings, ${paint(t.draftsBlocked ? 'block' : 'ok', `${t.draftsBlocked.toLocaleString('en-US')} blocked`)}` +
      (t.inputErrors ? `; ${paint('block', plural(t.inputErrors, 'input error'))}` : ''),
    `  ${plural(t.findings, 'finding')}: ${(['block', 'warn', 'info'] as const).map((s) => paint(s, `${s} ${t.bySeverity[s]}`)).join(', ')}`,
  ];
  const types = [...t.byType].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  const pad = Math.max(0, ...types.map(([k]) => k.length));
  for (const [type, row] of types) {
    const parts = (['block', 'warn', 'info'] as const).filter((s) => row[s]).map((s) => paint(s, `${s} ${row[s]}`));
    lines.push(`    ${type.padEnd(pad)}  ${String(total(row)).padStart(6)}  (${parts.join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}

function total(r: Record<Severity, number>): number {
  return r.block + r.warn + r.info;
}
