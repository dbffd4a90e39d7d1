import { general } from '../../../rules/traceable-roles.json';
import type { QuasiKind, QuasiPart } from './phrases';

/**
 * The message and the fix of a traceable case. The message names the kinds that combine (`age +
 * role + place + a rare condition`), never the matched words. The fix rewrites the finding's span
 * so the case stays a teaching case but no longer points at one person (GUIDELINE.md `traceable`:
 * `a man in his 40s`, `recently`): an exact age becomes a decade, times become `recently`, places
 * go (with their preposition), a role becomes general (`athlete`, `first responder`), an event
 * becomes `an incident`. The rare condition and the findings stay: they are the teaching content.
 */

export const KIND_LABEL: Record<QuasiKind, string> = {
  AGE: 'exact age',
  SEX: 'sex',
  TIME: 'time',
  PLACE: 'place',
  ROLE: 'job or role',
  EVENT: 'a newsworthy event',
  RARITY: 'a rare condition',
  FEATURE: 'a unique feature',
};
const ORDER: QuasiKind[] = ['AGE', 'ROLE', 'PLACE', 'TIME', 'EVENT', 'FEATURE', 'RARITY'];

export function traceableMessage(kinds: ReadonlySet<QuasiKind>): string {
  const named = ORDER.filter((k) => kinds.has(k)).map((k) => KIND_LABEL[k]).join(' + ');
  return `Traceable case: ${named} together can let someone who knows the patient, the community or the local news recognise them, even with no name. Generalise the details (a decade instead of the age, no time or place, a general role) and keep the teaching content.`;
}

const GENERAL = Object.entries(general).filter(([k]) => !k.startsWith('$')) as [string, string[]][];
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

function ageYears(s: string): number | undefined {
  const lower = s.toLowerCase();
  const n = /\d{1,3}/.exec(lower);
  let value = n ? Number(n[0]) : (lower.match(/[a-z]+/g) ?? []).reduce((acc, w) => acc + (NUMBER_WORDS[w] ?? 0), 0);
  if (!value) return undefined;
  if (/month|mo\b|week|wk|day/.test(lower)) value = 0;
  return value;
}

/** `34-year-old` -> `30-something` (before a noun) or `patient in their 30s` (used as a noun). */
export function generaliseAge(part: string, nounUse: boolean): string {
  const y = ageYears(part);
  if (y === undefined) return nounUse ? 'patient' : '';
  if (y < 1) return nounUse ? 'infant' : 'young';
  if (y < 13) return nounUse ? 'child' : 'young';
  if (y < 20) return nounUse ? 'teenager' : 'teenage';
  const decade = Math.floor(y / 10) * 10;
  return nounUse ? `patient in their ${decade}s` : `${decade}-something`;
}

export function generaliseRole(part: string): string {
  const words = part.toLowerCase().split(/[\s-]+/);
  const retired = words.includes('retired') || words.includes('former') ? 'retired ' : '';
  for (const [general, keys] of GENERAL) if (keys.some((k) => words.includes(k))) return retired + general;
  return retired + 'worker';
}

const PREP_BEFORE = /\s*\b(?:from|in|at|near|outside(?: of)?|of|on|into|to)\s+(?:the\s+)?$/i;
const NOUN_AFTER = /^\s*(?:[,.;:!?)]|from\b|with\b|who\b|in\b|at\b|on\b|and\b|was\b|is\b|had\b|has\b|came\b|presented\b|$)/i;

/** Rewrites `text` (the finding's span, starting at `offset` in the draft) with its parts generalised. */
export function generalise(text: string, offset: number, parts: readonly QuasiPart[]): string {
  const sorted = [...parts].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const p of sorted) {
    const s = p.start - offset, e = p.end - offset;
    if (s < at || e > text.length) continue;
    let head = text.slice(at, s);
    const word = text.slice(s, e);
    // keep a capital only where the part starts a sentence (`Tuesday` mid-sentence becomes `recently`)
    const cap = /^[A-Z]/.test(word) && (s === 0 || /[.!?]\s+$|\n\s*$/.test(text.slice(0, s)));
    let repl: string;
    switch (p.kind) {
      case 'AGE':
        repl = generaliseAge(word, NOUN_AFTER.test(text.slice(e, e + 12)) && p.rule !== 'age-sex');
        if (p.rule === 'age-sex' || p.rule === 'comma-age') repl = `${Math.floor((ageYears(word) ?? 0) / 10) * 10}s`;
        if (p.rule === 'age-sex' && /^[A-Za-z]/.test(text[e] ?? '')) repl += ' ';
        break;
      case 'TIME':
        repl = /['’]s$/.test(word) ? 'a recent' : 'recently';
        if (repl === 'recently') head = head.replace(/\b(?:on|last|this past|this|during|over)\s+$/i, '');
        break;
      case 'PLACE': {
        const prep = PREP_BEFORE.exec(head);
        if (prep) head = head.slice(0, head.length - prep[0].length);
        repl = prep ? '' : 'a local';
        break;
      }
      case 'ROLE':
        repl = generaliseRole(word);
        break;
      case 'EVENT':
        repl = /\bby\b/i.test(word) ? 'injured' : /^(?:the|a|an|that|this)\b/i.test(word) ? 'an incident' : 'incident';
        break;
      default:
        repl = word;
    }
    if (cap && repl) repl = repl[0].toUpperCase() + repl.slice(1);
    // a 34-year-old -> a 30-something; a 8yo -> an infant: fix the article right before
    head = head.replace(/\b([Aa])n?(\s+)$/, (_m, a: string, sp: string) => (/^[aeiou]/i.test(repl) ? `${a}n${sp}` : `${a}${sp}`));
    out += head + repl;
    at = e;
  }
  out += text.slice(at);
  return out.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.;:!?])/g, '$1').replace(/,\s*,/g, ',');
}
