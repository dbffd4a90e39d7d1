import { boundedCache, setBounded } from '../bounded';
import { caseCues } from '../cues';
import { findEvent, findFeature, findTime } from '../quasi/circumstances';
import { generalise, traceableMessage } from '../quasi/generalise';
import { dedupe, findAge, findRole, findSex } from '../quasi/people';
import { tokenize, type QuasiKind, type QuasiPart } from '../quasi/phrases';
import { findPlaces } from '../quasi/place';
import { findRarity } from '../quasi/rarity';
import type { Candidate, DetectContext } from '../types';
import { defineDetector } from '../types';

/**
 * TRACEABLE_CASE (issue 9): a case that can identify the patient without any identifier. Guidance
 * for physicians on social media: "special attention should be paid to unique imaging findings and
 * rare cases that can be traced to the patients involved". GUIDELINE.md `traceable`: the draft is
 * traceable when a RARITY, EVENT or FEATURE comes with at least two other kinds of quasi-identifier
 * (AGE, TIME, PLACE, ROLE, EVENT, RARITY, FEATURE; SEX never counts), or an EVENT with any TIME or
 * PLACE, and the draft is about a particular patient. Not traceable: a rare disease discussed in
 * general, a rare case with nothing else about the patient, a common case however detailed, the
 * author's own condition.
 *
 * One finding per traceable draft, `warn` by default (a rule pack may raise it), spanning the
 * quasi-identifiers, with `parts` (each span and its kind), a message naming what combines and a
 * fix that generalises (src/engine/quasi/generalise.ts). It never replaces PHI findings: its
 * category is `traceable`, so overlap removal leaves the PHI ones alone.
 *
 * Per-sentence parts are cached by sentence text (as nlp.ts caches parses), so re-analysing after a
 * keystroke re-reads only the sentence that changed; places come from the location and facility
 * detectors, which need the whole draft.
 */

/** The author speaking of their own body or diagnosis: not a patient's case. */
const SELF = /\b(?:i was diagnosed|i've been diagnosed|i got diagnosed|diagnosed me|my own|i was the|i'm the|i am the|i live with|living with (?:it|my)|my diagnosis|i'm \d{2}|i am \d{2}|(?:radiologist|doctor|physician|surgeon|resident|nurse|rad|doc) with (?:[\w'’-]+ ){1,5}here|as an? (?:radiologist|doctor|physician|surgeon|resident|nurse) with|my (?:heart|chest|leg|legs|hand|hands|lungs?|liver|kidneys?|spine|ct|mri|x-rays?|films?|scans?|biopsy))\b/i;
/** `I have situs inversus`, `I've had melorheostosis since...`: the author's own condition when a rarity follows closely. */
const SELF_HAVE = /\bi (?:have|had|['’]ve had|live with|was born with)\b/gi;
/** A public figure's own disclosure (`went public with her diagnosis`): not the author's patient. */
const DISCLOSURE = /\b(?:went public|announced|revealed|disclosed|opened up about|shared (?:his|her|their) (?:diagnosis|story))\b/i;
/** A particular patient is in the draft (beyond the shared case cues). */
const PERSON = 'hiker|runner|cyclist|climber|swimmer|skier|surfer|biker|motorcyclist|driver|passenger|pedestrian|hunter|camper|kayaker|boater|victim|survivor|teen|toddler|child|infant|baby|boy|girl|man|woman|guy|lady|gentleman|kid';
const PERSON_PLURAL = 'hikers|runners|cyclists|climbers|swimmers|skiers|drivers|passengers|pedestrians|hunters|fishermen|workers|students|players|riders';
const PATIENT = new RegExp(String.raw`\b(?:we got|we had|we saw|came in|came to us|brought in|rolled in|walked into|scanned (?:a|an|the|her|him)|i read|read the|read films|(?:his|her) (?:ct|cta|mri|films?|x-rays?|scans?|mom|dad)|the (?:kid|boy|girl|man|woman|guy|lady|one|teen|teenager|baby)|our (?:patient|pt|kid)|patient|pt|(?:a|an|the|our|this) (?:[\w-]+ )?(?:${PERSON})|(?:${PERSON}) (?:who|with|from|in his|in her)\b|(?:one|two|three|four|both|all|several|some) of (?:the|our|my|these|those) (?:[\w-]+ ){0,3}(?:patients|pts|victims|survivors|kids|${PERSON_PLURAL})|(?:saw|scanned|read|imaged|treated) (?:all|both) (?:two|three|four|five|of them))\b`, 'i');

/** A study or procedure: someone was imaged (`on a hand film`, `CT showed`). */
const STUDY = /\b(?:ct|cta|mri|mrcp|mra|mrv|x-?rays?|films?|radiographs?|ultrasound|sonogram|scan|scans|scanned|pet|pet\/ct|echo|biopsy|biopsied|angiogram|mammogram|panorex)\b/;

interface SentenceParts { parts: QuasiPart[]; self: boolean }
const MAX = 2000;
const cache = boundedCache<string, SentenceParts>();

/** AGE, SEX, TIME, ROLE, EVENT, FEATURE and RARITY parts of one sentence, offsets into it. */
export function sentenceParts(text: string): SentenceParts {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const tokens = tokenize(text);
  const ages = findAge(text);
  const parts = dedupe([
    ...ages, ...findSex(text), ...findTime(text), ...findRole(text, tokens, ages),
    ...findEvent(text, tokens), ...findFeature(text), ...findRarity(text, tokens),
  ]);
  let self = SELF.test(text) || DISCLOSURE.test(text);
  for (const m of text.matchAll(SELF_HAVE)) {
    const after = m.index! + m[0].length;
    if (parts.some((p) => p.kind === 'RARITY' && p.rule === 'rare-disease' && p.start >= after && p.start - after <= 40)) self = true;
  }
  const value = { parts, self };
  setBounded(cache, text, value, MAX);
  return value;
}

const TRIGGERS: QuasiKind[] = ['RARITY', 'EVENT', 'FEATURE'];

/** The guideline's rule, on the set of kinds found (SEX excluded by the caller). */
export function isTraceable(kinds: ReadonlySet<QuasiKind>): boolean {
  for (const t of TRIGGERS) if (kinds.has(t) && kinds.size - 1 >= 2) return true;
  return kinds.has('EVENT') && (kinds.has('TIME') || kinds.has('PLACE'));
}

/** Every quasi part of the draft (offsets into ctx.text), outside the author's own sentences. */
export function quasiParts(ctx: DetectContext): QuasiPart[] {
  const parts: QuasiPart[] = [];
  const selfRanges: [number, number][] = [];
  for (const s of ctx.sentences) {
    const sp = sentenceParts(s.text);
    if (sp.self) { selfRanges.push([s.start, s.end]); continue; }
    for (const p of sp.parts) parts.push({ ...p, start: s.start + p.start, end: s.start + p.end });
  }
  const inSelf = (p: QuasiPart) => selfRanges.some(([a, b]) => a <= p.start && p.end <= b);
  for (const p of findPlaces(ctx)) if (!inSelf(p)) parts.push(p);
  return dedupe(parts);
}

export const traceable = defineDetector({
  id: 'traceable',
  category: 'traceable',
  types: ['TRACEABLE_CASE'],
  detect(ctx) {
    // cheap exit: no trigger kind can exist in a draft with none of these sentences' parts
    let trigger = false;
    for (const s of ctx.sentences) {
      const sp = sentenceParts(s.text);
      if (!sp.self && sp.parts.some((p) => p.kind === 'RARITY' || p.kind === 'EVENT' || p.kind === 'FEATURE')) { trigger = true; break; }
    }
    if (!trigger) return [];
    const parts = quasiParts(ctx);
    const counted = parts.filter((p) => p.kind !== 'SEX');
    const kinds = new Set(counted.map((p) => p.kind));
    if (!isTraceable(kinds)) return [];
    // a particular patient: an age or role, or a patient phrase; with a rare condition or a unique
    // feature, the shared case cues suffice (an event alone is news, not a case: `after the tornado`)
    const person = kinds.has('AGE') || kinds.has('ROLE') || PATIENT.test(ctx.text);
    const rareOrFeature = kinds.has('RARITY') || kinds.has('FEATURE');
    if (!person && !(rareOrFeature && (caseCues(ctx).draftCase || STUDY.test(ctx.lower)))) return [];
    const start = Math.min(...counted.map((p) => p.start));
    const end = Math.max(...counted.map((p) => p.end));
    const inside = parts.filter((p) => p.start >= start && p.end <= end);
    const c: Candidate = {
      detectorId: 'traceable',
      type: 'TRACEABLE_CASE',
      start,
      end,
      score: 0.7,
      severity: 'warn',
      contextDone: true,
      message: traceableMessage(kinds),
      suggestion: generalise(ctx.text.slice(start, end), start, inside),
      parts: inside.map((p) => ({ start: p.start, end: p.end, kind: p.kind })),
      explanation: { pattern: 'combination', baseScore: 0.7, context: [...kinds].sort().map((k) => `${k}: ${counted.filter((p) => p.kind === k).map((p) => p.rule).join(', ')}`) },
    };
    return [c];
  },
});
