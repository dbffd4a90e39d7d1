import labels from '../../../rules/identifier-labels.json';
import { digitsOf, ID_TOKEN, labelled, labelWordSet, notAnIdentifier, type PatternDetectorSpec, runPatterns } from '../patterns';
import { defineDetector } from '../types';

/**
 * Certificate and licence numbers (HIPAA Safe Harbor (b)(2)(i)(K)): driver's licences (AAMVA DL/ID
 * Card Design Standard: each state its own format, 1 letter + 12 digits in Florida, 8 digits in
 * Texas...), commercial and professional licences of the PATIENT, pilot certificates, passports.
 * State formats overlap too much to validate, so the label carries the evidence. A physician's
 * own NPI or DEA number in a professional post is not a patient identifier and is not matched.
 */
const NOT_ID = new Set(labels.notIdentifier);
const LABEL_WORDS = labelWordSet({ ...labels, notIdentifier: [] });

/** Compiled once: detect() runs on every keystroke. */
const LICENSE_SPEC: PatternDetectorSpec = {
  id: 'license',
  type: 'LICENSE',
  patterns: [
    // DL# B420-7719-3302, license no. D4415-80122-73, her RN license number, RN 884213
    labelled('license-labelled', labels.license, 0.9),
    // any identifier-shaped token: reported only with a licence word nearby
    { name: 'id-token', regex: new RegExp(ID_TOKEN, 'g'), score: 0.3 },
  ],
  invalidate: (v, text, start) => {
    const d = digitsOf(v);
    if (d.length < 5 || d.length > 20) return true;
    return notAnIdentifier(v, text, start, NOT_ID, LABEL_WORDS);
  },
};

export const license = defineDetector({
  id: 'license',
  category: 'phi',
  scope: 'paragraph',
  types: ['LICENSE'],
  context: {
    boost: ['dl', 'license', 'licence', "driver's", 'cdl', 'certificate', 'permit', 'passport', 'wallet'],
    suppress: ['npi', 'dea', 'my license', 'my licence', 'cpt', 'icd', 'doi', 'isbn', 'phone', 'fax'],
    window: 6,
  },
  detect(ctx) {
    return runPatterns(LICENSE_SPEC, ctx.text);
  },
});
