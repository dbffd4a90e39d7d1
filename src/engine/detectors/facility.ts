import facilityWords from '../../../rules/facility-words.json';
import type { Candidate } from '../types';
import { defineDetector } from '../types';
import { caseCues, clamp, phraseRegex } from '../cues';
import { capitalisedRun, LOCALITY, NOT_SMALL, personCueIn } from '../places';

/**
 * FACILITY: the hospital, clinic or unit where THIS patient was seen, named together with the case
 * (guideline in shared/corpus/GUIDELINE.md; HIPAA Safe Harbor treats it as a geographic and
 * contextual identifier). `in the St. Mary's ED last night`, `transferred from Mercy General`,
 * `at Riverside Urgent Care`. Not PHI: the author's employer in a professional post, a job post,
 * a conference venue, a university affiliation in a bio, a hospital in the news with no case.
 *
 * Two patterns: a run of capitalised words that holds a facility head word (Hospital, Medical
 * Center, Urgent Care, ED, Children's...) or a health-system name (rules/facility-words.json), and a
 * bare capitalised name after at / into / transferred to in a sentence about a patient. Both
 * count only in a draft that is about a case.
 */

const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());
const HEAD_RE = phraseRegex(facilityWords.heads, 'i');
const SYSTEM_RE = phraseRegex(facilityWords.systems, 'i');
const NOT_FACILITY_RE = phraseRegex(facilityWords.notFacility, 'i');
const UNITS = new Set(lower(facilityWords.units));
/** Lower-case department words that continue a capitalised name: `Fenwick radiology front desk`. */
const LOWER_UNITS = new Set(lower(facilityWords.lowerUnits));
/** Capitalised words that start a sentence or a phrase but never a facility name. */
const LEADING_STOP = new Set(['the', 'a', 'an', 'our', 'my', 'his', 'her', 'their', 'this', 'that', 'at', 'in', 'from', 'to', 'and', 'but', 'so', 'if', 'anyone', 'shout', 'yesterday', 'today', 'last', 'on', 'we', 'i', 'he', 'she', 'they', 'also', 'proud', 'huge', 'thanks', 'thank', 'congrats', 'congratulations', 'welcome', 'dr', 'mr', 'mrs', 'ms', 'every', 'each', 'any', 'all', 'no', 'most', 'some', 'many', 'which', 'what', 'why', 'how', 'when', 'where']);
const WEAK_HEADS = new Set(['general', 'regional', 'memorial', 'community', "children's", 'childrens', 'medical', 'health', 'imaging', 'radiology', "women's", 'va', 'ed', 'er', 'icu', 'nicu', 'picu', 'ccu', 'rehab', 'orthopedics', 'dialysis']);

/** Saint names that are cities (a LOCATION, not a facility). */
const SAINT_CITIES = /^(?:st\.?|saint)\s+(?:louis|paul|petersburg|augustine|george|cloud|charles|joseph|albans|helena|johnsbury|clair|ignace|simons|thomas|croix|martin|marys|cloud)$/i;

/** Where a patient went: at Bayfront, into Hillcrest, transferred to Overlake (then a capital). */
const WHERE_RE = /\b(?:[Aa]t|[Ii]nto|[Tt]ransferred (?:to|from)|[Tt]ransfer (?:to|from)|[Aa]dmitted to|[Ss]een at|[Ii]maged at|[Ee]mbolized at|[Cc]ame to|[Ww]ent to|[Bb]rought to|[Ss]ent to|[Oo]ver at|[Dd]own at)\s+(?=[A-Z])/g;
/** ICU-type units: after a name they name one unit of one hospital (`the Brookhaven MICU`). */
const UNIT_ACRONYMS = new Set(lower(facilityWords.unitAcronyms));
const SYSTEMS = new Set(lower(facilityWords.systems));
const GENERIC_ACRONYMS = new Set(lower(facilityWords.genericAcronyms));
/** A ward by its floor and wing or its number: on 4 North, to 7W, on Station 4, Ward 12 (floors 1-19). */
const WARD_RE = /\b(?:[Oo]n|[Tt]o|[Ff]rom|[Oo]ff|[Oo]nto)\s+(?:the\s+)?((?:1\d|[1-9])\s?(?:North|South|East|West|Tower)|(?:1\d|[1-9])[NSEW]|(?:Station|Ward|Pod)\s(?:1\d|[1-9])[A-Z]?)\b(?![-/]\d)/g;
/** A hospital by its acronym in a patient's transfer: the UCMC transfer, transferred from BIDMC. */
const ACRONYM_RE = /\b(?:the|an?)\s+([A-Z]{2,6})\s+(?:transfer|transfers|admit|admission|patient|pt)\b|\b(?:[Tt]ransferred|[Tt]ransfer|[Ss]ent|[Ff]lown|[Dd]ischarged)\s+(?:over\s+)?(?:from|to)\s+([A-Z]{2,6})\b/g;
/** A patient moving in or out of the place: went home from, discharged to, transferred from. */
const MOVE_BEFORE = /\b(?:went home from|home from|discharged (?:from|to)|transferred (?:from|to)|transfer (?:from|to)|admitted to|moved to|graduated from|sent (?:home )?(?:from|to)|flown to)\s+(?:the\s+)?$/i;

/** Every word that can start or sit in a facility phrase: a run without one is skipped before the phrase regexes. */
const FACILITY_WORDS = new Set([...facilityWords.heads, ...facilityWords.systems].flatMap((p) => p.toLowerCase().split(/\s+/)));

interface Tok { s: number; e: number; w: string }

/** Runs of name tokens: capitalised words, St./Saint, inner `of`/`&`, and a trailing unit (ED, urgent care). */
function nameRuns(text: string): Tok[][] {
  const runs: Tok[][] = [];
  let run: Tok[] = [];
  const flush = () => { if (run.length) runs.push(run); run = []; };
  const re = /[A-Za-z0-9][A-Za-z0-9'’&-]*/g;
  let prevEnd = -10;
  for (const m of text.matchAll(re)) {
    let s = m.index!, e = s + m[0].length;
    let w = m[0];
    // keep the dot of St. / Mt. inside the token
    if (/^(?:St|Mt|Ste)$/i.test(w) && text[e] === '.') { e++; w += '.'; }
    const gap = text.slice(prevEnd, s);
    const joined = run.length > 0 && (gap === ' ' || (gap === '. ' && /^(?:St|Mt)\.$/i.test(run[run.length - 1].w)));
    const capital = /^[A-Z]/.test(w) || /^(?:st\.|saint|mt\.)$/i.test(w);
    const connector = /^(?:of|&|and)$/.test(w);
    // a lower-case department word continues a name only inside a sentence (`the Fenwick radiology`),
    // not a sentence-initial adjective (`Forensic radiology is wild`)
    const unit = UNITS.has(w.toLowerCase()) || (LOWER_UNITS.has(w) && run.length > 0 && /^[A-Z]/.test(run[0].w) && /[a-z,][ \t]+$/.test(text.slice(Math.max(0, run[0].s - 12), run[0].s)));
    if (joined && (capital || connector || unit)) { run.push({ s, e, w }); }
    else { flush(); if (capital) run.push({ s, e, w }); }
    prevEnd = e;
  }
  flush();
  return runs;
}

export const facility = defineDetector({
  id: 'facility',
  category: 'phi',
  scope: 'paragraph',
  types: ['FACILITY'],
  detect(ctx) {
    const cues = caseCues(ctx);
    const text = ctx.text;
    const out: Candidate[] = [];
    const push = (start: number, end: number, pattern: string, base: number, score: number, notes: string[]) => out.push({
      detectorId: 'facility', type: 'FACILITY', start, end, score: clamp(score), contextDone: true,
      explanation: { pattern, baseScore: base, ...(notes.length ? { context: notes } : {}) },
    });
    const weigh = (start: number, base: number): { score: number; notes: string[] } => {
      const s = cues.sentenceAt(start);
      const notes: string[] = [];
      let score = base;
      // a patient moving (`went home from X`) or a particular person in the sentence (`baby June`)
      const moved = MOVE_BEFORE.test(text.slice(Math.max(0, start - 30), start));
      const personal = !cues.draftCase && (moved || (!!s && personCueIn(s.text)));
      if (cues.draftCase) { score += 0.35; notes.push('+0.35 case draft'); }
      else if (personal) { score += 0.2; notes.push(moved ? '+0.2 a patient moving' : '+0.2 a particular person in the sentence'); }
      if (cues.strongIn(s)) { score += 0.1; notes.push('+0.1 patient cue in sentence'); }
      if (cues.professionalIn(s) && !cues.strongIn(s)) { score -= 0.45; notes.push('-0.45 professional cue'); }
      // a facility named with no case anywhere is an institution, not PHI
      if (!cues.draftCase && !cues.strongIn(s) && !personal) score = Math.min(score, 0.45);
      return { score, notes };
    };

    const named: Array<[number, number]> = [];
    // 1. Named facilities (capitalised runs, and lower-case saint names: st. luke's)
    const runs = nameRuns(text);
    for (const m of text.matchAll(/\b(?:st\.|saint)\s+[a-z]+(?:['’]s)?(?:\s+(?:hospital|medical center|ed|er|clinic))?(?![\w'’])/g)) {
      const s = m.index!;
      runs.push([{ s, e: s + m[0].length, w: m[0] }]);
    }
    for (let run of runs) {
      // trim leading stop words and trailing non-names (I, IT, an acronym that is not a unit)
      while (run.length && (LEADING_STOP.has(run[0].w.toLowerCase()) || /^(?:of|&|and)$/.test(run[0].w))) run = run.slice(1);
      while (run.length && (/^(?:of|&|and|I)$/.test(run[run.length - 1].w) || (/^[A-Z]{2,}$/.test(run[run.length - 1].w) && !UNITS.has(run[run.length - 1].w.toLowerCase()) && run.length > 1 && !SYSTEM_RE.test(run[run.length - 1].w)))) run = run.slice(0, -1);
      if (!run.length) continue;
      if (!run.some((t) => FACILITY_WORDS.has(t.w.toLowerCase())) && !/^(?:st\.?|saint)$/i.test(run[0].w) && !/^(?:st\.?|saint)\s/i.test(run[0].w)) continue;
      const start = run[0].s, end = run[run.length - 1].e;
      const name = text.slice(start, end);
      // `radiology` alone names a department (Stanford Radiology); in lower case after a place name
      // and before a unit (`the Fenwick radiology front desk`) it is where the patient was seen.
      const notFac = NOT_FACILITY_RE.exec(name);
      const lowerDept = !!notFac && run.length > 1 && notFac[0] === notFac[0].toLowerCase() && notFac.index > 0;
      if ((notFac && !lowerDept) || NOT_SMALL.has(name.toLowerCase())) continue;
      const sys = SYSTEM_RE.exec(name);
      const head = HEAD_RE.exec(name);
      let base = 0;
      let pattern = '';
      if (sys) { base = /\s/.test(sys[0]) ? 0.5 : 0.45; pattern = 'health-system'; }
      if (head) {
        const headWord = head[0].toLowerCase().replace(/\s+/g, ' ');
        const hasNameBefore = head.index > 0;
        if (hasNameBefore && (!WEAK_HEADS.has(headWord) || UNIT_ACRONYMS.has(headWord) && /^[A-Z]+$/.test(head[0]))) { base = Math.max(base, 0.45); pattern = 'facility-head'; }
        else if (hasNameBefore) {
          // `at Port Aldane Children's`: a weak head after a place preposition is a facility
          const afterAt = /\b(?:at|into|to|from)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 12), start));
          base = Math.max(base, afterAt || lowerDept ? 0.45 : 0.35); pattern ||= 'facility-weak-head';
        }
        else if (/^(?:st\.?|saint)\s/i.test(name)) { base = Math.max(base, 0.45); pattern ||= 'saint-name'; }
      } else if (/^(?:st\.?|saint)\s+\w+['’]s$/i.test(name)) { base = 0.45; pattern = 'saint-name'; }
      else if (/^(?:st\.?|saint)\s+[a-z]+$/i.test(name) && !SAINT_CITIES.test(name)) { base = 0.4; pattern = 'saint-name'; }
      if (!base) continue;
      // a lone single-word brand after no preposition at sentence start is weak (Regions of..., Mercy!)
      const w = weigh(start, base);
      push(start, end, pattern, base, w.score, w.notes);
      named.push([start, end]);
    }

    // 1b. A ward: on 4 North, to 7W, on Station 4
    for (const m of text.matchAll(WARD_RE)) {
      const s = m.index! + m[0].length - m[1].length;
      const sent = cues.sentenceAt(s);
      if (!cues.draftCase && !cues.strongIn(sent)) continue;
      const w = weigh(s, 0.4);
      push(s, s + m[1].length, 'ward', 0.4, w.score, w.notes);
      named.push([s, s + m[1].length]);
    }
    // 1c. A hospital by its acronym in a transfer: the UCMC transfer, transferred from BIDMC
    for (const m of text.matchAll(ACRONYM_RE)) {
      const a = m[1] ?? m[2];
      const low = a.toLowerCase();
      if (GENERIC_ACRONYMS.has(low) || UNITS.has(low) || NOT_SMALL.has(low)) continue;
      // a hospital acronym ends in MC / H / HS / MH, or is a known system (OHSU)
      if (!SYSTEMS.has(low) && !(a.length >= 3 && /(?:MC|H|HS|MH)$/.test(a))) continue;
      const s = m.index! + m[0].indexOf(a, m[0].search(/\s/));
      if (named.some(([x, y]) => x <= s && s < y)) continue;
      const w = weigh(s, 0.5);
      const score = cues.draftCase || cues.strongIn(cues.sentenceAt(s)) ? w.score : w.score + 0.1;
      push(s, s + a.length, 'acronym-transfer', 0.5, score, [...w.notes, 'a transfer is a patient']);
      named.push([s, s + a.length]);
    }

    // 2. A bare capitalised name where a patient went: at Bayfront, into Hillcrest, transferred to Overlake
    for (const m of text.matchAll(WHERE_RE)) {
      const at = m.index! + m[0].length;
      if (named.some(([a, b]) => a <= at && at < b)) continue;
      const span = capitalisedRun(text, at);
      if (!span) continue;
      const [s, e, words] = span;
      const name = text.slice(s, e);
      if (NOT_SMALL.has(name.toLowerCase()) || /^[A-Z]{2,5}$/.test(name) || words.some((x) => /^\d/.test(x))) continue;
      // Tamarack Ridge, Orchard Lake beach: a place, left to the location detector
      if (words.length > 1 && LOCALITY.has(words[words.length - 1].toLowerCase())) continue;
      if (/^\s+(?:beach|park|lake|river|trail|trailhead|club|course|zoo|rink|fair|fairgrounds|school|campground)\b/i.test(text.slice(e, e + 14))) continue;
      if (/^\s*(?:et al|disease|syndrome|sign|fracture)/i.test(text.slice(e, e + 12))) continue;
      const sent = cues.sentenceAt(s);
      if (!cues.strongIn(sent) && !(cues.draftCase && cues.patientIn(sent))) continue;
      if (cues.professionalIn(sent) && !cues.strongIn(sent)) continue;
      const score = 0.3 + (cues.strongIn(sent) ? 0.25 : 0.15) + (cues.draftCase ? 0.1 : 0);
      push(s, e, 'after-at', 0.3, score, ['patient cue in sentence']);
    }
    return out;
  },
});
