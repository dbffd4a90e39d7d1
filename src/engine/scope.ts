import { boundedCache, setBounded } from './bounded';
import { BLANK_LINE, caseCues } from './cues';
import type { Candidate, DetectContext, Detector, Sentence } from './types';

/**
 * Running detectors, each at most once per analysed draft, and a paragraph-scoped detector once
 * per distinct paragraph (issue 3: "re-use what did not change").
 *
 * A detector marked `scope: 'paragraph'` promises that its candidates in a paragraph (the text
 * between blank lines) depend only on that paragraph's text and on two draft-level flags,
 * `patientContext` and `caseCues(ctx).draftCase`. The engine then runs it on a context of one
 * paragraph and caches the result under (options, flags, paragraph text): after a keystroke only
 * the edited paragraph is scanned again. tests/engine/scope.test.ts checks that promise for every
 * paragraph-scoped detector against a run over the whole draft.
 */

/** A blank line (optionally holding spaces or tabs) and the whitespace after it. */
const PARAGRAPH_BREAK = new RegExp(`${BLANK_LINE.source}\\s*`, 'g');
/** Distinct paragraphs remembered (with every paragraph-scoped detector's result for each). */
const MAX_PARAGRAPHS = 1000;
/** A longer paragraph is scanned but not kept: the cache stays a few MB at most. */
const MAX_CACHED_LENGTH = 5000;

interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  /** Its cache entry, looked up once per analysed draft. */
  entry?: Map<string, readonly Span[]>;
}

const cache = boundedCache<string, Map<string, readonly Span[]>>();
const perDraft = new WeakMap<DetectContext, Map<string, readonly Candidate[]>>();
const paragraphMemo = new WeakMap<DetectContext, Paragraph[]>();
const optionKeys = new WeakMap<object, string>();

/** Candidates of `d` on the draft of `ctx`: computed once per context, whoever asks first. */
export function detectOnce(d: Detector, ctx: DetectContext): readonly Candidate[] {
  let memo = perDraft.get(ctx);
  if (!memo) perDraft.set(ctx, (memo = new Map()));
  const hit = memo.get(d.id);
  if (hit) return hit;
  const out = d.scope === 'paragraph' ? byParagraph(d, ctx) : d.detect(ctx);
  memo.set(d.id, out);
  return out;
}

/** Distinct option sets seen, each by a short number: a paragraph's key does not repeat a rule pack. */
const optionIds = boundedCache<string, string>();
let nextOptionId = 0;

function optionsKey(options: object): string {
  let key = optionKeys.get(options);
  if (key === undefined) {
    const json = JSON.stringify(options);
    key = optionIds.get(json);
    if (key === undefined) setBounded(optionIds, json, (key = `o${nextOptionId++}`), 64);
    optionKeys.set(options, key);
  }
  return key;
}

/** The paragraphs of the draft, each with its cache key. */
export function paragraphsOf(ctx: DetectContext): Paragraph[] {
  const hit = paragraphMemo.get(ctx);
  if (hit) return hit;
  const flags = `${ctx.patientContext ? 1 : 0}${caseCues(ctx).draftCase ? 1 : 0}${optionsKey(ctx.options)}\u0000`;
  const out: Paragraph[] = [];
  const push = (start: number, end: number) => {
    if (end > start) out.push({ start, end, key: flags + ctx.text.slice(start, end) });
  };
  let start = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(ctx.text); m; m = PARAGRAPH_BREAK.exec(ctx.text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, ctx.text.length);
  paragraphMemo.set(ctx, out);
  return out;
}

/** A context of one paragraph: its text, its sentences (re-based), the draft's flags. */
function paragraphContext(ctx: DetectContext, p: Paragraph): DetectContext {
  if (p.start === 0 && p.end === ctx.text.length) return ctx;
  const sentences: Sentence[] = [];
  for (const s of ctx.sentences) {
    if (s.end <= p.start) continue;
    if (s.start >= p.end) break;
    sentences.push({ start: s.start - p.start, end: s.end - p.start, text: s.text });
  }
  return {
    text: ctx.text.slice(p.start, p.end),
    lower: ctx.lower.slice(p.start, p.end),
    sentences,
    patientContext: ctx.patientContext,
    options: ctx.options,
    draft: ctx,
  };
}

function byParagraph(d: Detector, ctx: DetectContext): Candidate[] {
  return perParagraph(ctx, d.id, (p) => d.detect(p));
}

/**
 * `compute` once per distinct paragraph of the draft (keyed as paragraph-scoped detectors are,
 * under `name`), its spans moved to draft offsets. For a detector's own paragraph-local phase
 * (the name detector's finders).
 */
export function perParagraph<T extends Span>(ctx: DetectContext, name: string, compute: (paragraph: DetectContext) => readonly T[]): T[] {
  const out: T[] = [];
  for (const p of paragraphsOf(ctx)) {
    const entry = p.entry ?? (p.entry = entryOf(p));
    let found = entry.get(name) as readonly T[] | undefined;
    if (!found) entry.set(name, (found = compute(paragraphContext(ctx, p))));
    for (const c of found) out.push(p.start === 0 ? c : shift(c, p.start));
  }
  return out;
}

/** The cache entry of a paragraph (most recently used now), or a fresh one. */
function entryOf(p: Paragraph): Map<string, readonly Span[]> {
  let entry = cache.get(p.key);
  if (entry) {
    cache.delete(p.key);
    cache.set(p.key, entry);
  } else {
    entry = new Map();
    if (p.end - p.start <= MAX_CACHED_LENGTH) setBounded(cache, p.key, entry, MAX_PARAGRAPHS);
  }
  return entry;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly parts?: readonly { start: number; end: number }[];
}

function shift<T extends Span>(c: T, by: number): T {
  return {
    ...c,
    start: c.start + by,
    end: c.end + by,
    ...(c.parts ? { parts: c.parts.map((x) => ({ ...x, start: x.start + by, end: x.end + by })) } : {}),
  };
}
