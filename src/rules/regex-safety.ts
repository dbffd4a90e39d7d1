import { checkSync } from 'recheck';

/**
 * Whether a pack's regex is safe to run on every keystroke. Checked with recheck (automata
 * theory plus fuzzing): only a regex recheck proves `safe` (constant or linear matching time) is
 * accepted; exponential and polynomial ones are rejected, and so is one it cannot decide in
 * time. Results are cached by flags and source (a pack re-validates on every policy change).
 * The custom-pattern detector bounds matching as well (segments, match cap, time budget).
 */

export const CHECK_TIMEOUT_MS = 3000;
const cache = new Map<string, string | null>();

/** Returns null when the regex is safe, else a one-line reason for the pack author. */
export function regexProblem(source: string, flags = ''): string | null {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (err) {
    return `is not a valid regular expression (${err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err)})`;
  }
  if (re.test('')) return 'matches the empty string: every position would be a finding';
  const key = `${flags}/${source}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = redosProblem(source, flags);
  if (cache.size > 2000) cache.clear();
  cache.set(key, result);
  return result;
}

function redosProblem(source: string, flags: string): string | null {
  let d;
  try {
    d = checkSync(source, flags, { timeout: CHECK_TIMEOUT_MS });
  } catch (err) {
    return `could not be checked for catastrophic backtracking (${err instanceof Error ? err.message : String(err)})`;
  }
  if (d.status === 'safe') return null;
  if (d.status === 'vulnerable') {
    const kind = d.complexity.type === 'exponential' ? 'exponential' : `polynomial (degree ${d.complexity.type === 'polynomial' ? d.complexity.degree : '?'})`;
    const hot = d.hotspot?.length ? `; simplify near: ${d.hotspot.map((h) => JSON.stringify(source.slice(h.start, h.end))).slice(0, 3).join(', ')}` : '';
    return `can backtrack catastrophically (${kind} time)${hot}. Avoid nested or adjacent overlapping repetition such as (a+)+, (\\w|\\d)* or \\d+\\d+`;
  }
  const why = d.error.kind === 'timeout' ? `within ${CHECK_TIMEOUT_MS / 1000} s` : `(${d.error.kind}${'message' in d.error ? `: ${d.error.message}` : ''})`;
  return `could not be proven safe from catastrophic backtracking ${why}: simplify it`;
}
