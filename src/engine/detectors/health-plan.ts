import labels from '../../../rules/identifier-labels.json';
import { digitsOf, ID_TOKEN, labelled, labelWordSet, notAnIdentifier, type PatternDetectorSpec, runPatterns } from '../patterns';
import { defineDetector } from '../types';

/**
 * Health plan beneficiary / member numbers (HIPAA Safe Harbor (b)(2)(i)(I)). Commercial payers
 * print free-form member IDs (often a 3-letter prefix plus digits: `XKP 448 120 987`), so a label
 * or a payer name carries the evidence. The Medicare Beneficiary Identifier has a published
 * format (CMS, "Understanding the Medicare Beneficiary Identifier (MBI) Format"): 11 characters,
 * C A AN N A AN N A A N N, letters excluding S L O I B Z; a value in that format scores 1.
 */
const NOT_ID = new Set(labels.notIdentifier);
const LABEL_WORDS = labelWordSet({ ...labels, notIdentifier: [] });
const A = '[AC-HJKMNP-RT-Y]';
const AN = '[AC-HJKMNP-RT-Y0-9]';
const MBI = new RegExp(String.raw`^[1-9]${A}${AN}\d${A}${AN}\d${A}${A}\d\d$`);

/** Compiled once: detect() runs on every keystroke. */
const PLAN_SPEC: PatternDetectorSpec = {
  id: 'health-plan',
  type: 'HEALTH_PLAN',
  patterns: [
    // Member ID XJH882991043, policy # 4471-220, Medicaid ID 71-0049-2286, MBI 1EG4-TE5-MK73
    labelled('plan-labelled', labels.healthPlan, 0.9),
    // Aetna W188273645, BCBS ID ZGP 20488 1173
    labelled('payer-named', labels.payers, 0.85),
    // the MBI format itself, with or without its dashes
    { name: 'mbi-shape', regex: /(?<![A-Za-z0-9\-])[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d\d(?![A-Za-z0-9])/g, score: 0.4 },
    // any identifier-shaped token: reported only with an insurance word nearby
    { name: 'id-token', regex: new RegExp(ID_TOKEN, 'g'), score: 0.3 },
  ],
  validate: (v) => (MBI.test(v.replace(/[\s\-]/g, '')) ? true : undefined),
  invalidate: (v, text, start) => {
    const d = digitsOf(v);
    if (d.length < 4 || v.replace(/[^A-Za-z0-9]/g, '').length < 6) return true;
    return notAnIdentifier(v, text, start, NOT_ID, LABEL_WORDS);
  },
};

export const healthPlan = defineDetector({
  id: 'health-plan',
  category: 'phi',
  scope: 'paragraph',
  types: ['HEALTH_PLAN'],
  context: {
    boost: ['member', 'insurance', 'insurer', 'medicaid', 'medicare', 'policy', 'subscriber', 'beneficiary', 'coverage', 'plan', 'payer', 'prior auth', 'denied', ...labels.payers],
    suppress: ['cpt', 'icd', 'doi', 'pmid', 'isbn', 'nct', 'phone', 'call', 'fax'],
    window: 6,
  },
  detect(ctx) {
    return runPatterns(PLAN_SPEC, ctx.text);
  },
});
