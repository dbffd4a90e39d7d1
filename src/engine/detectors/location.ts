import placeWords from '../../../rules/place-words.json';
import states from '../../../rules/us-states.json';
import { caseCues, clamp, esc, paragraphAfter, paragraphBefore, sameParagraph } from '../cues';
import { parse } from '../nlp';
import { capitalisedRun, LOCALITY, lowerSet, NOT_PLACE, NOT_SMALL, personBefore, personCueIn, STATE_CODES } from '../places';
import type { Candidate, DetectContext, Sentence } from '../types';
import { defineDetector } from '../types';

/**
 * LOCATION: a street address, city, county, town, ZIP code or any geographic unit smaller than a
 * state tied to the patient (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(B); guideline in
 * shared/corpus/GUIDELINE.md). States and countries alone are never reported; a conference city,
 * the author's travel or an employer's city in a professional post is not PHI, so a place only
 * counts in a draft that is about a patient's case and outside professional sentences.
 *
 * Patterns: street addresses (USPS Publication 28 suffixes), "City, ST 12345", ZIP codes,
 * "X County", a capitalised place after from/in/near/outside/lives in, a room number, and
 * compromise's #City tag (src/engine/nlp.ts, cached per sentence) on sentences of a case draft.
 */

// ---------------------------------------------------------------------------------------------
// Place vocabulary

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
const suffixAlt = (xs: readonly string[]) =>
  [...new Set(xs.flatMap((s) => [s, cap(s), s.toUpperCase()]))].sort((a, b) => b.length - a.length).map(esc).join('|');
const STREET = suffixAlt(placeWords.streetSuffixes);
/** Suffixes that also name a street without a house number (not Dr, Ct, Way, Run: too ambiguous). */
const STREET_NAMED = suffixAlt(['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'drive', 'lane', 'ln', 'highway', 'hwy', 'parkway', 'pkwy', 'pike', 'terrace']);
const UNIT = suffixAlt(placeWords.unitWords.filter((u) => u !== '#'));
const STATE_ALT = [...states.codes, ...states.names].sort((a, b) => b.length - a.length).map(esc).join('|');
const LOCALITY_ALT = suffixAlt(placeWords.localitySuffixes).split('|').filter((x) => /^[A-Z][a-z]/.test(x)).join('|');
const VENUE_ALT = suffixAlt(placeWords.venues.flatMap((v) => [v, v.split(' ').map(cap).join(' ')]));
const VENUE_RE = new RegExp(String.raw`\b(?:at|near|from|in|outside|by|on|along|off|ran|run|running|finished|completed|walked)\s+(?:the\s+)?((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?)\s+(?:${VENUE_ALT})\b`, 'g');
/** at Tamarack Ridge, at Cedar Bluff: a place named by its locality word after "at" */
const AT_LOCALITY_RE = new RegExp(String.raw`\b[Aa]t\s+((?:[A-Z][a-z]+ ){1,2}(?:${LOCALITY_ALT}))\b`, 'g');
/** After `a guy from X`: what makes him a patient rather than a sales rep (`with a firework injury`, `came in`). */
const CASE_AFTER = /\b(?:with|who had|whose|came in|in for|in with|presented|brought in|rolled in|showed up|got hit|fell|(?:saw|seen|treated|scanned|admitted|examined) (?:him|her))\b/i;
/** `based out of X`, `a farm out of X`: a home base (not `ran out of` a drug). */
const OUT_OF_BEFORE = /\b(?:based|lives|living|live|works|working|farms|farming|ranches|ranching|operates|operating|hails|comes|coming|came|drove|driving|flew|flown|transferred|referred|sent)\s+$/i;
/** `drove the van out to X`: a trip, not `reached out to` someone. */
const TRIP_BEFORE = /\b(?:drove|drive|drives|driving|went|go|goes|going|headed|heading|flew|fly|flying|moved|moving|travel(?:l?ed|l?ing|s)?|took|take|taking|brought|bring|ride|rode|riding|hiked|walked|sailed|shipped)\b/i;
const ROLES = lowerSet(placeWords.roles);
/** Lower-case words naming a part of a town after its name: the Fruitvale district. */
const DISTRICT = 'district|neighborhood|neighbourhood|area|side|projects|barrio|section|quarter|ward';
const BEFORE_CASES = [...new Set([...placeWords.before, ...placeWords.roles.map((r) => `${r} of`), 'island of', 'isle of'].flatMap((b) => [b, cap(b)]))].sort((a, b) => b.length - a.length).map(esc).join('|');

/** Words after a capitalised name that make it an eponym or a citation, not a place. */
const EPONYM_NEXT = /^\s*(?:disease|syndrome|sign|tumou?r|fracture|lymphoma|palsy|cyst|criteria|classification|score|scale|procedure|maneuver|manoeuvre|type|et al|lesion|line|view|method|protocol|test|ratio|triad|law|rule|effect|index|'s\b)/i;

/** 1420 Old Mill Rd, 418 Maple Ave, Apt 2B */
const ADDR_RE = new RegExp(
  String.raw`(?<![\w-])\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))(?:\s+[A-Z][a-z]+){0,3}\s+(?:${STREET})\b\.?(?:,?\s+(?:${UNIT})\.?\s*#?\s*[A-Za-z0-9-]{1,5}\b|,?\s+#\s?[A-Za-z0-9-]{1,5}\b)?`, 'g');

/** lives off Glenwood Ave, on maple st */
const STREET_NAME_RE = new RegExp(
  String.raw`\b(?:on|off|lives on|lives off|lived on|corner of|near|at)\s+((?:[A-Z][a-z]+|[a-z]{3,})(?:\s+[A-Z][a-z]+){0,2}\s+(?:${STREET_NAMED}))\b(?!\.?\s*[A-Z][a-z]+'s)`, 'g');

/** City, ST 12345 */
const CITY_STATE_RE = new RegExp(String.raw`\b((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z]+){0,2}),\s+(?:${STATE_ALT})\b(?:\.?,?\s+(\d{5})(?:-\d{4})?\b)?`, 'g');

/** from / in / near / outside / lives in ... then a capital (the words themselves in either case) */
const PREP_RE = new RegExp(String.raw`(?<![\w'])(${BEFORE_CASES})\s+(?:the\s+(?=[A-Z][a-z]+ (?:${LOCALITY_ALT}|${DISTRICT})\b))?(?=[A-Z\u00C0-\u00DE])`, 'g');

/** on Vinalhaven, in a paragraph that calls it an island (`on` + a capital is usually a drug or a weekday) */
const ON_ISLAND_RE = /\b[Oo]n\s+(?=[A-Z])/g;
/** the intersection of Ferris and 9th, at Main & 5th, the corner of Elm and Grant */
const CROSS_RE = new RegExp(String.raw`\b(?:(?:intersection|corner) of|at)\s+((?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))(?: [A-Z][a-z]+)?(?: (?:${STREET_NAMED}))?\.? (?:and|&) (?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))(?: [A-Z][a-z]+)?(?: (?:${STREET_NAMED}))?)\b`, 'g');
/** A street right before the town: `on Larch Street in Westbury` */
const STREET_BEFORE_RE = new RegExp(String.raw`(?:${STREET_NAMED})\.?,?\s+(?:in\s*)?$`);


/** The author speaking of where they live or work, right before the preposition. */
const SELF_BEFORE = /\b(?:i|we)(?:['’](?:m|re))?\s+(?:(?:still|now|currently|also|mostly)\s+)?(?:live|lived|work|worked|practice|practiced|practise|coach|coached|teach|taught|train|trained|grew up|moved|am based|are based|based|volunteer|volunteered|run|ran|am|was|a [a-z]+|an [a-z]+)\s*$|\b(?:i['’]m|i am|we['’]re)\s+(?:[\w,'’-]+\s+){0,3}(?:radiologist|doctor|physician|surgeon|nurse|resident|fellow|attending|pediatrician|internist|hospitalist|pharmacist|[a-z]+ologist)\s*,?\s*$/i;

export const location = defineDetector({
  id: 'location',
  category: 'phi',
  scope: 'paragraph',
  types: ['LOCATION'],
  detect(ctx) {
    const cues = caseCues(ctx);
    const text = ctx.text;
    const out: Candidate[] = [];
    const add = (start: number, end: number, pattern: string, base: number, score: number, notes: string[] = []) => {
      if (end <= start) return;
      out.push({
        detectorId: 'location', type: 'LOCATION', start, end, score: clamp(score), contextDone: true,
        explanation: { pattern, baseScore: base, ...(notes.length ? { context: notes } : {}) },
      });
    };
    /** Case and professional context shared by every place pattern. */
    const personIn = new Map<Sentence, boolean>();
    const person = (s: Sentence | undefined) => {
      if (!s) return false;
      let p = personIn.get(s);
      if (p === undefined) personIn.set(s, (p = personCueIn(s.text)));
      return p;
    };
    /** A clinical cue in the sentence at `pos` or a neighbour in its paragraph. */
    const clinicalNear = (pos: number): boolean => {
      const s = cues.sentenceAt(pos);
      if (!s) return false;
      const i = ctx.sentences.indexOf(s);
      return [i - 1, i, i + 1].some((k) => k >= 0 && k < ctx.sentences.length && cues.patientIn(ctx.sentences[k]) && sameParagraph(text, s, ctx.sentences[k]));
    };
    /** `personHere`: a person right before the place (`a guy from`) makes it someone's place. */
    const weigh = (start: number, base: number, needCase: boolean, personHere = false): { score: number; notes: string[] } | undefined => {
      const s = cues.sentenceAt(start);
      const notes: string[] = [];
      let score = base;
      if (cues.strongIn(s)) { score += 0.3; notes.push('+0.3 patient cue in sentence'); }
      else if (cues.patientIn(s)) { score += 0.15; notes.push('+0.15 clinical cue in sentence'); }
      if (cues.draftCase) { score += 0.15; notes.push('+0.15 case draft'); }
      else if (personHere || (person(s) && !!s && CASE_AFTER.test(s.text))) { score += 0.15; notes.push('+0.15 a particular person in the sentence'); }
      else if (needCase) return undefined;
      if (!cues.strongIn(s) && s) {
        const i = ctx.sentences.indexOf(s);
        if ([i - 1, i + 1].some((k) => k >= 0 && k < ctx.sentences.length && cues.strongIn(ctx.sentences[k]) && sameParagraph(text, s, ctx.sentences[k]))) { score += 0.1; notes.push('+0.1 patient cue next to the sentence'); }
      }
      if (cues.professionalIn(s) && !cues.strongIn(s)) { score -= 0.5; notes.push('-0.5 professional cue'); }
      return { score, notes };
    };

    // 1. Street address: 1420 Old Mill Rd, 418 Maple Ave, Apt 2B
    const addr = ADDR_RE;
    for (const m of text.matchAll(addr)) {
      const w = weigh(m.index!, 0.7, false);
      if (w) add(m.index!, m.index! + m[0].length, 'street-address', 0.7, w.score, w.notes);
    }

    // 2. Street name without number: lives off Glenwood Ave, on maple st
    const street = STREET_NAME_RE;
    for (const m of text.matchAll(street)) {
      const first = m[1].split(/\s+/)[0].toLowerCase();
      if (NOT_PLACE.has(first) || /^(?:the|a|an|this|that|same|main|each|every|first|last|next)$/.test(first)) continue;
      const start = m.index! + m[0].length - m[1].length;
      const w = weigh(start, 0.4, true);
      if (w) add(start, start + m[1].length, 'street-name', 0.4, w.score, w.notes);
    }
    // Route 9, Highway 12, County Road 4
    for (const m of text.matchAll(/\b(?:Route|Rte\.?|Highway|Hwy\.?|County Road|State Road|Farm Road|FM)\s?-?\d{1,4}\b/g)) {
      const w = weigh(m.index!, 0.35, true);
      if (w) add(m.index!, m.index! + m[0].length, 'route', 0.35, w.score, w.notes);
    }

    // 3. City, ST 12345 (the city and the ZIP are separate findings)
    const cityState = CITY_STATE_RE;
    for (const m of text.matchAll(cityState)) {
      const city = m[1];
      const start = m.index!;
      if (NOT_SMALL.has(city.toLowerCase()) || NOT_PLACE.has(city.split(/\s+/)[0].toLowerCase())) continue;
      const base = m[2] ? 0.75 : 0.4;
      const w = weigh(start, base, !m[2]);
      if (!w) continue;
      add(start, start + city.length, 'city-state', base, w.score, w.notes);
      if (m[2]) {
        const zs = m.index! + m[0].lastIndexOf(m[2]);
        add(zs, zs + m[2].length, 'zip-after-state', base, w.score, w.notes);
      }
    }

    // 4. ZIP codes: labelled, in parentheses after a place, or after a state code
    for (const m of text.matchAll(/\b(?:zip(?:\s?code)?|postal code)\s*[:#]?\s*(\d{5})(?:-\d{4})?\b|\b(\d{5})(?:-\d{4})?\s+zip(?:\s?code)?\b|(?<=[A-Za-z]\s?\()(\d{5})(?=\))/gi)) {
      const z = m[1] ?? m[2] ?? m[3];
      const zs = m.index! + m[0].indexOf(z);
      const base = m[3] ? 0.45 : 0.7;
      const w = weigh(zs, base, !!m[3]);
      if (w) add(zs, zs + 5, m[3] ? 'zip-in-parentheses' : 'zip-labelled', base, w.score, w.notes);
    }
    for (const m of text.matchAll(/\b([A-Z]{2})\s+(\d{5})(?:-\d{4})?\b/g)) {
      if (!STATE_CODES.has(m[1])) continue;
      const zs = m.index! + m[0].indexOf(m[2], 2);
      const w = weigh(zs, 0.6, false);
      if (w) add(zs, zs + 5, 'zip-after-state', 0.6, w.score, w.notes);
    }

    // 5. X County, Y Parish, Z Township
    for (const m of text.matchAll(/\b((?:[A-Z][a-z]+\s){1,2}(?:County|Parish|Township|Borough))\b/g)) {
      if (NOT_PLACE.has(m[1].split(/\s+/)[0].toLowerCase())) continue;
      const w = weigh(m.index!, 0.4, true);
      if (w) add(m.index!, m.index! + m[1].length, 'county', 0.4, w.score, w.notes);
    }

    // 6. A capitalised place after from / in / near / outside / lives in ...
    const prep = PREP_RE;
    for (const m of text.matchAll(prep)) {
      const at = m.index! + m[0].length;
      const span = capitalisedRun(text, at);
      if (!span) continue;
      const [s, e, words] = span;
      const name = text.slice(s, e);
      if (NOT_SMALL.has(name.toLowerCase()) || NOT_SMALL.has(words.slice(0, 2).join(' ').toLowerCase()) || NOT_SMALL.has(words[0].toLowerCase())) continue;
      if (/[’']s$/.test(name) || EPONYM_NEXT.test(text.slice(e, e + 14))) continue;
      if (words.length === 1 && /^[A-Z]\.?$/.test(words[0])) continue;
      const p = m[1].toLowerCase().replace(/\s+/g, ' ');
      // `ran out of Eliquis`, `reached out to Priya`: only a trip or a person's home base counts
      if (p === 'out of' && !personBefore(text, m.index!) && !OUT_OF_BEFORE.test(text.slice(Math.max(0, m.index! - 20), m.index!))) continue;
      if (p === 'out to' && !TRIP_BEFORE.test(paragraphBefore(text, m.index!, 40))) continue;
      const base = p === 'in' || p === 'off' || p === 'around' ? 0.3 : 0.35;
      let bonus = 0;
      const notes: string[] = [];
      if (words.length > 1 && LOCALITY.has(words[words.length - 1].toLowerCase())) { bonus += 0.1; notes.push('+0.1 locality word'); }
      // "the only pharmacist in Lusk": a role unique to a small place
      const only = /\bonly\s+[a-z]+(?:\s+[a-z]+)?\s+$/i.test(text.slice(Math.max(0, m.index! - 30), m.index!));
      if (only) { bonus += 0.2; notes.push('+0.2 the only one in town'); }
      // `a dairy farmer out of X`, `Grandpa Lou from X`, `a case from X`: that person's place
      const pb = only ? 0 : personBefore(text, m.index!);
      const who = pb === 2 || (pb === 1 && clinicalNear(s) && CASE_AFTER.test(paragraphAfter(text, e, 80).split(/[.!?](?:\s|$)/)[0]));
      if (who) { bonus += 0.2; notes.push('+0.2 a person from the place'); }
      // `the mayor of X`: one person in town (counts only with a case or a person nearby)
      const role = ROLES.has(p.replace(/\s+of$/, ''));
      if (role) { bonus += 0.2; notes.push('+0.2 a one-of-a-kind local role'); }
      // `on Larch Street in Westbury`: the town of a street
      if (STREET_BEFORE_RE.test(text.slice(Math.max(0, m.index! - 14), m.index! + m[1].length))) { bonus += 0.15; notes.push('+0.15 the town of a street'); }
      const w = weigh(s, base + bonus, !only, who);
      if (!w) continue;
      // "the group I coach in Worcester", "I'm a radiologist in Duluth": the author's own town
      if (SELF_BEFORE.test(text.slice(Math.max(0, m.index! - 40), m.index!))) { w.score -= 0.5; w.notes.push('-0.5 the author\'s own place'); }
      add(s, e, `after-${p.replace(/\s+/g, '-')}`, base, w.score, [...notes, ...w.notes]);
    }

    // 6a. An island with `on`: `on Grell Island`, or `a lobsterman on Grell` in a paragraph that
    // speaks of the island (`on` + a capital is otherwise a drug or a weekday: `on Keppra`)
    const islandNamed = /\bisland\b/i.test(text);
    for (const m of text.matchAll(ON_ISLAND_RE)) {
      const at = m.index! + m[0].length;
      const span = capitalisedRun(text, at);
      if (!span || out.some((c) => c.start <= at && at < c.end)) continue;
      const [s, e, words] = span;
      if (words.length > 3 || NOT_SMALL.has(text.slice(s, e).toLowerCase()) || EPONYM_NEXT.test(text.slice(e, e + 14))) continue;
      const pb = personBefore(text, m.index!);
      const isle = words.length > 1 && /^(?:Island|Isle|Key|Cay)$/.test(words[words.length - 1]);
      if (!isle && !(islandNamed && pb)) continue;
      const w = weigh(s, 0.35, true, pb === 2 || (pb === 1 && clinicalNear(s)));
      if (w) add(s, e, 'on-island', 0.35, w.score, w.notes);
    }
    // 6a'. An intersection: the corner of Elm and Grant, at Main & 5th
    for (const m of text.matchAll(CROSS_RE)) {
      const start = m.index! + m[0].indexOf(m[1]);
      const first = m[1].split(/\s+/)[0].toLowerCase();
      if (NOT_PLACE.has(first) || NOT_SMALL.has(first)) continue;
      const base = /^at\s/i.test(m[0]) ? 0.35 : 0.45;
      const w = weigh(start, base, true);
      if (w) add(start, start + m[1].length, 'intersection', base, w.score, w.notes);
    }

    // 6b. A named venue where the patient was: the Millhaven ice rink, near the Silver Creek trailhead
    for (const m of text.matchAll(VENUE_RE)) {
      const first = m[1].split(' ')[0].toLowerCase();
      if (NOT_PLACE.has(first) || NOT_SMALL.has(m[1].toLowerCase())) continue;
      const start = m.index! + m[0].indexOf(m[1]);
      const w = weigh(start, 0.35, true);
      if (w) add(start, m.index! + m[0].length, 'named-venue', 0.35, w.score, w.notes);
    }
    for (const m of text.matchAll(AT_LOCALITY_RE)) {
      if (NOT_PLACE.has(m[1].split(' ')[0].toLowerCase()) || out.some((c) => c.start <= m.index! + 3 && m.index! + 3 < c.end)) continue;
      const start = m.index! + m[0].indexOf(m[1]);
      const w = weigh(start, 0.35, true);
      if (w) add(start, start + m[1].length, 'at-locality', 0.35, w.score, w.notes);
    }
    // 6c. A street named in full anywhere: Elm Street apartment fire
    for (const m of text.matchAll(/\b(?:[A-Z][a-z]+ ){1,2}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Parkway|Highway)\b/g)) {
      if (NOT_PLACE.has(m[0].split(' ')[0].toLowerCase())) continue;
      const w = weigh(m.index!, 0.35, true);
      if (w) add(m.index!, m.index! + m[0].length, 'street-name', 0.35, w.score, w.notes);
    }

    // 7. Room numbers (nursing home room 14B)
    for (const m of text.matchAll(/\b(?:room|rm\.?)\s?#?\d{1,4}[A-Z]?\b/gi)) {
      const s = cues.sentenceAt(m.index!);
      if (!cues.strongIn(s) || cues.professionalIn(s)) continue;
      add(m.index!, m.index! + m[0].length, 'room', 0.3, 0.6, ['+0.3 patient cue in sentence']);
    }

    // 8. compromise #City in case sentences (a known city with no preposition before it)
    if (cues.draftCase) {
      const covered = (a: number, b: number) => out.some((c) => c.start < b && a < c.end);
      for (const s of ctx.sentences) {
        if (!cues.strongIn(s) || cues.professionalIn(s)) continue;
        // parse only sentences with a capitalised word (after the first) that no pattern explained
        let open = false;
        for (const w of s.text.matchAll(/(?<=\s)[A-Z][a-z]{2,}\b/g)) {
          const a = s.start + w.index!;
          if (!NOT_PLACE.has(w[0].toLowerCase()) && !NOT_SMALL.has(w[0].toLowerCase()) && !covered(a, a + w[0].length)) { open = true; break; }
        }
        if (!open) continue;
        for (const hit of citiesOf(s.text)) {
          const o = hit.offset;
          if (!o) continue;
          let a = s.start + o.start, b = a + o.length;
          while (b > a && /[\s,.;:!?)]/.test(text[b - 1])) b--;
          const name = text.slice(a, b);
          if (/^\s[A-Z]/.test(text.slice(b, b + 2))) continue; // Boston Scientific: part of a longer name
          if (!/^[A-Z]/.test(name) || NOT_SMALL.has(name.toLowerCase()) || NOT_PLACE.has(name.toLowerCase()) || covered(a, b)) continue;
          if (hit.terms?.some((t) => t.tags?.includes('Person'))) continue;
          add(a, b, 'nlp-city', 0.4, 0.4 + 0.3, ['+0.3 patient cue in sentence']);
        }
      }
    }
    return out;
  },
});

interface NlpHit { offset?: { start: number; length: number }; terms?: { tags?: string[] }[] }
/** #City matches of a parsed sentence, kept with its cached doc (a match is not free). */
const CITIES = new WeakMap<object, NlpHit[]>();
function citiesOf(sentence: string): NlpHit[] {
  const doc = parse(sentence);
  let hits = CITIES.get(doc);
  if (!hits) {
    hits = doc.match('#City').json({ offset: true }) as NlpHit[];
    CITIES.set(doc, hits);
  }
  return hits;
}
