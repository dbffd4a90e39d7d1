import dateWords from '../../../rules/date-words.json';
import events from '../../../rules/traceable-events.json';
import features from '../../../rules/traceable-features.json';
import { PhraseIndex, type QuasiPart, type Token } from './phrases';

/**
 * TIME, EVENT and FEATURE quasi-identifiers of one sentence (GUIDELINE.md `traceable`).
 *
 * TIME: when the case happened (`this morning`, `last Saturday`, `Friday night's`, `over the
 * holiday`, a year before an event: `the 2023 silo rescue`), not a conference session, a quiz,
 * an awareness day or the author's own appointment (`years ago` and `recently` are not narrow).
 * EVENT: a newsworthy circumstance (`the propane explosion at the diner`, `mauled by a grizzly`,
 * `the county fair ride collapse`); everyday injuries (a fall on ice, a fender bender) are not news.
 * FEATURE: a unique physical feature or object (`27 magnets`, `a screwdriver in his orbit`, `a
 * port-wine stain over the forehead`, `identical twin with the same films`, `twin pregnancy at 61`).
 */

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const alt = (xs: readonly string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map(esc).join('|');

const WEEKDAY = alt(dateWords.weekdays.filter((d) => d.length > 3));
const TIME_RE = new RegExp(String.raw`(?<![\w'])(?:(?:${alt(dateWords.relative)})(?:'s)?|(?:${alt(dateWords.holidays)})(?:'s)?|(?:over|during|on|after)\s+the\s+(?:holidays?|long weekend|break)|(?:(?:last|this past|this|past|on)\s+)?(?:${WEEKDAY})(?:'s)?(?:\s+(?:night|morning|afternoon|evening)(?:'s)?)?|(?:last|this)\s+(?:month|week|weekend|summer|winter|spring|fall)|(?:a|one|two|three|a few|several|\d{1,2})\s+(?:days?|nights?|weeks?)\s+ago|earlier\s+(?:today|this\s+week))(?![\w'])`, 'gi');
/** A time that dates something other than the patient's care. */
const NOT_CARE = new RegExp(String.raw`\b(?:${alt(dateWords.event)}|awareness|day\s+today|unknown|webinar|ama|my own|my (?:hand|chest|knee|own|x-rays?|scans?|mri|results))\b`, 'i');
/** `the 2024 fireworks barge explosion`: a year right before an event phrase */
const YEAR_BEFORE = /\b((?:19|20)\d\d)\s+$/;

const EVENT_INDEX = new PhraseIndex<'strong' | 'weak' | 'verb'>();
for (const n of events.nouns) EVENT_INDEX.add(n, 'strong');
for (const v of events.verbPhrases) EVENT_INDEX.add(v, 'verb');
const WEAK = new Set(events.weakNouns);
const NEWSY = new PhraseIndex<true>();
for (const n of events.newsy) NEWSY.add(n, true);
/** Head nouns that are ambiguous in radiology: a newsy word must be right before them. */
const NEEDS_NEWSY = new Set(['collapse', 'rescue', 'blast', 'rollover', 'flood', 'shooting', 'drowning', 'electrocution']);
const EVENT_STOP_AFTER = /^\s*(?:pain|pains|sensation|therapy|medication|dose|star|gun\b)/i;
const DETERMINER = new Set(['the', 'a', 'an', 'that', 'this', 'our', 'last', 'saturday', 'sunday', 'friday']);

const OBJECTS = alt(features.objects);
const SITES = alt(features.bodySites);
const COUNT = String.raw`(?:\d{1,3}\+?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|several dozen|hundreds of|over \d{1,3}|more than \d{1,3})`;
/** 27 magnets, 11 sewing needles embedded in the gastric wall, 40+ metallic fragments */
const COUNTED = new RegExp(String.raw`\b${COUNT}\s+(?:[a-z-]+\s+){0,2}?(?:${OBJECTS})\b(?:\s+(?:embedded|lodged|stuck|sitting|swallowed)\s+in\s+(?:the|his|her|their)\s+(?:[a-z-]+\s+){0,2}?(?:${SITES}))?`, 'gi');
/** a 9-inch screwdriver in his orbit, a nail through her skull */
const IMPALED = new RegExp(String.raw`\b(?:an?\s+|the\s+)?(?:[\d.]+[- ](?:inch|in|cm|foot|ft)[- ])?(?:${OBJECTS})\s+(?:lodged\s+|embedded\s+|stuck\s+|impaled\s+)?(?:in|into|through|inside)\s+(?:his|her|their|the)\s+(?:(?:left|right)\s+)?(?:${SITES})\b`, 'gi');
const MARKS = new RegExp(String.raw`\b(?:${alt(features.marks)})(?:\s+(?:over|on|across|covering|of)\s+(?:the|his|her|their|a|an)\s+(?:[a-z-]+\s+){0,3}?(?:${SITES}|forehead|shoulder|cheek|[a-z]+))?`, 'gi');
const FAMILY = new RegExp(String.raw`\b(?:${alt(features.familyFeature)})\b`, 'gi');
const RELATIVE_IN = /\b(?:twin|mom|mother|dad|father|sister|brother|grandmother|grandfather|grandma|grandpa|son|daughter|aunt|uncle|cousin|family)\b/i;
const LIFE_FIRST = new RegExp(String.raw`\b(?:${alt(features.lifeFirsts)})(?:\s+(?:his|her|their)\s+(?:entire\s+|whole\s+)?life)?`, 'gi');
/** twin pregnancy at 61, gave birth at 62, a mother at 60 */
const LATE_BIRTH = /\b(?:(?:twin\s+|triplet\s+)?pregnan(?:cy|t)|gave birth|giving birth|delivered|new mom|mother|mom)\s+at\s+(\d{2})\b/gi;
/** His 4th in 20 years, her fifth over 10 years */
const REPEAT = /\b(?:his|her|their)\s+(?:\d{1,2}(?:st|nd|rd|th)|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:[a-z]+\s+)?(?:in|over)\s+(?:\d{1,2}|[a-z]+)\s+years(?:\s+of\s+[a-z]+)?/gi;

export function findTime(text: string): QuasiPart[] {
  if (NOT_CARE.test(text)) return [];
  const out: QuasiPart[] = [];
  TIME_RE.lastIndex = 0;
  for (const m of text.matchAll(TIME_RE)) {
    const w = m[0].toLowerCase();
    // `on Monday` in `every Monday`, `next Friday` (future / generic) never dates a case
    if (/\b(?:every|each|next|coming)\s+$/i.test(text.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    if (/^(?:sun|sat)$/.test(w)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'TIME', rule: 'relative-time' });
  }
  return out;
}

export function findEvent(text: string, tokens: readonly Token[]): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = EVENT_INDEX.at(tokens, i);
    const weak = !hit && WEAK.has(tokens[i].key);
    if (!hit && !weak) continue;
    const to = hit ? hit.to : i + 1;
    const kind = hit ? hit.value : 'weak';
    const headKey = tokens[to - 1].key;
    const end = tokens[to - 1].end;
    if (EVENT_STOP_AFTER.test(text.slice(end, end + 12))) { i = to - 1; continue; }
    // modifiers before the head: up to three words back to a determiner (`the county fair ride collapse`)
    let from = i;
    let newsy = false;
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      const key = tokens[k].key;
      if (/[.!?;:,]/.test(text.slice(tokens[k].end, tokens[k + 1].start))) break;
      if (DETERMINER.has(key)) { from = k; break; }
      if (NEWSY.at(tokens, k) || /^(?:i|us|[a-z]?\d{1,3})$/.test(key) || /^[A-Z]/.test(text[tokens[k].start])) { newsy = true; from = k; continue; }
      if (/^(?:is|was|are|were|and|or|but|with|of|for|to|in|on|at|from|by|after|before|during|his|her|my|we|he|she|they|it)$/.test(key)) break;
      from = k;
    }
    if (kind === 'verb') {
      out.push({ start: tokens[i].start, end, kind: 'EVENT', rule: 'event-verb' });
      i = to - 1;
      continue;
    }
    if (kind === 'weak' || (NEEDS_NEWSY.has(headKey) && to - i === 1)) {
      // `apartment fire`, `bus crash`, `roof collapse`, not `a fall`, `lobar collapse`
      const prevNewsy = [i - 1, i - 2, i - 3].some((k) => { if (k < 0) return false; const h = NEWSY.at(tokens, k); return !!h && h.to <= i; });
      if (!prevNewsy) { i = to - 1; continue; }
      newsy = true;
    }
    const start = tokens[from].start;
    // `the 2024 fireworks barge explosion`: the year is the TIME of the event
    const y = YEAR_BEFORE.exec(text.slice(Math.max(0, start - 6), start)) ?? /^(?:the\s+)?((?:19|20)\d\d)\b/i.exec(text.slice(start, end));
    if (y) {
      const ys = text.indexOf(y[1], Math.max(0, start - 6));
      if (ys >= 0) out.push({ start: ys, end: ys + 4, kind: 'TIME', rule: 'event-year' });
    }
    out.push({ start, end, kind: 'EVENT', rule: newsy || kind === 'strong' ? 'event-noun' : 'event-weak' });
    i = to - 1;
  }
  return out;
}

export function findFeature(text: string): QuasiPart[] {
  const out: QuasiPart[] = [];
  const add = (re: RegExp, rule: string, ok: (m: RegExpMatchArray) => boolean = () => true) => {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) if (ok(m)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'FEATURE', rule });
  };
  add(COUNTED, 'counted-objects', (m) => !/^(?:1|one)\b/i.test(m[0]) && !/^(?:two|2)\s/i.test(m[0]) && !/\b(?:mm|cm|mg|ml)\b/i.test(m[0]));
  add(IMPALED, 'impaled-object');
  add(MARKS, 'visible-mark');
  add(FAMILY, 'family-pattern', (m) => !/^same\b/i.test(m[0]) || RELATIVE_IN.test(text));
  add(LIFE_FIRST, 'life-first');
  add(LATE_BIRTH, 'late-birth', (m) => Number(m[1]) >= 50);
  add(REPEAT, 'repeat');
  return out;
}
