import labels from '../../../rules/identifier-labels.json';
import { degenerateId, digitsOf, labelled, type PatternDetectorSpec, runPatterns, sentenceIndexAt } from '../patterns';
import { defineDetector } from '../types';

/**
 * Vehicle identifiers (HIPAA Safe Harbor (b)(2)(i)(L)): licence plates and VINs.
 * VIN: ISO 3779 / 49 CFR 565, 17 characters, no I, O or Q; in North America position 9 is a check
 * digit (transliterate letters, weight 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum mod 11, 10 = X).
 * A valid check digit scores 1; a labelled VIN that fails it is still reported (other regions
 * do not use the check digit). Plates (AAMVA: 1-8 letters and digits, each state its own layout)
 * need the word `plate`/`tag` next to them. A plate that belongs to someone else (the rescuer,
 * a hit-and-run suspect) is not the patient's: those sentences are skipped.
 */
const VIN = String.raw`[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])`;
// 1-4 characters, then an optional space or dash before a group that holds a digit, 1-5 more
const PLATE = String.raw`(?=[A-Za-z]{0,4}[ \-]?[A-Za-z]{0,4}\d)[A-Za-z0-9]{1,4}(?:[ \-](?=[A-Za-z]{0,4}\d))?[A-Za-z0-9]{1,5}(?![A-Za-z0-9]|-[A-Za-z0-9])`;
const PLATE_UPPER = String.raw`(?=[A-Z]{0,4}[ \-]?[A-Z]{0,4}\d)(?=[0-9]{0,4}[ \-]?[0-9]{0,4}[A-Z])[A-Z0-9]{1,4}(?:[ \-](?=[A-Z]{0,4}\d))?[A-Z0-9]{1,5}`;
const PLATE_LABELS = labels.vehicle.filter((l) => l !== 'vin');
const THIRD_PARTY = /\b(?:whoever|suspect|suspects|witness|witnesses|hit[- ]and[- ]run|tip line|bystander|samaritan|rescuer|stranger|other driver|police are looking|anyone saw|if anyone|thank you|thanks to)\b/;

const TRANSLIT: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export function vinCheckDigitValid(vin: string): boolean {
  const v = vin.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i];
    sum += (/\d/.test(c) ? Number(c) : TRANSLIT[c]) * WEIGHTS[i];
  }
  const r = sum % 11;
  return v[8] === (r === 10 ? 'X' : String(r));
}

/** Compiled once: detect() runs on every keystroke. */
const VEHICLE_SPEC: PatternDetectorSpec = {
  id: 'vehicle',
  type: 'VEHICLE',
  patterns: [
    // VIN 3GCUKREC5HG112876, the ATV's VIN as 4XAMH76A18D234567
    labelled('vin-labelled', ['vin', 'vin#', 'vehicle identification number'], 0.9, VIN),
    // a 17-character VIN anywhere: reported when its check digit holds (or with a vehicle word)
    { name: 'vin-shape', regex: new RegExp(String.raw`(?<![A-Za-z0-9])(?=[A-Z]*\d)(?=\d*[A-Z])${VIN}`, 'g'), score: 0.3 },
    // plate 7KXM203, Texas plate LMN-4821, rider's plate 8BJK-339, tag ABC 1234
    labelled('plate-labelled', PLATE_LABELS, 0.85, PLATE),
    // the 7ABC123 plate
    { name: 'plate-before-word', regex: new RegExp(String.raw`(?<![A-Za-z0-9\-#@])(${PLATE_UPPER})(?= (?:licen[cs]e )?(?:plates?|tags?)\b)`, 'g'), score: 0.6, group: 1 },
    // a plate-shaped token: reported only with `plate`/`tag` nearby (context stage)
    { name: 'plate-shape', regex: new RegExp(String.raw`(?<![A-Za-z0-9\-#@/.])${PLATE_UPPER}(?![A-Za-z0-9]|[\-.][A-Za-z0-9])`, 'g'), score: 0.3 },
  ],
  validate: (v) => (v.length === 17 && vinCheckDigitValid(v) ? true : undefined),
  invalidate: (v) => {
    const alnum = v.replace(/[^A-Za-z0-9]/g, '');
    if (alnum.length === 17) return false;
    // plates: 4-8 characters (a 2-3 character partial plate is not an identifier)
    return alnum.length < 4 || alnum.length > 8 || digitsOf(v).length === 0 || (/^\d+$/.test(alnum) && degenerateId(v));
  },
};

export const vehicle = defineDetector({
  id: 'vehicle',
  category: 'phi',
  scope: 'paragraph',
  types: ['VEHICLE'],
  context: {
    boost: ['plate', 'plates', 'license plate', 'licence plate', 'tag', 'tags', 'registration', 'dmv', 'vin'],
    suppress: ['model', 'version', 'cpt', 'icd'],
    window: 6,
  },
  detect(ctx) {
    const cands = runPatterns(VEHICLE_SPEC, ctx.text);
    // A plate-shaped token longer than a plate belongs to another detector; a plate in a sentence
    // about someone else (the rescuer, the suspect) is not the patient's.
    return cands.filter((c) => {
      if (c.explanation.pattern === 'plate-shape' && c.end - c.start < 5) return false;
      const si = sentenceIndexAt(ctx.sentences, c.start);
      const sentence = si >= 0 ? ctx.lower.slice(ctx.sentences[si].start, ctx.sentences[si].end) : '';
      return !THIRD_PARTY.test(sentence);
    });
  },
});
