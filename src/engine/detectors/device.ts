import devices from '../../../rules/device-words.json';
import labels from '../../../rules/identifier-labels.json';
import { digitsOf, gs1Valid, ID_TOKEN, labelled, labelWordSet, notAnIdentifier, type PatternDetectorSpec, runPatterns } from '../patterns';
import { defineDetector } from '../types';

/**
 * Device identifiers and serial numbers (HIPAA Safe Harbor (b)(2)(i)(M)): pacemaker/ICD/LVAD
 * serials, implant lot numbers, Unique Device Identifiers. The FDA UDI rule (21 CFR 801.20) uses
 * GS1 application identifiers: (01) a 14-digit GTIN with a mod-10 check digit, then production
 * identifiers (11) manufacture date, (17) expiry, (10) lot, (21) serial. A GTIN whose check digit
 * holds scores 1. Manufacturers' serials are free-form, so a label (`serial`, `SN`, `lot`) or a
 * device word nearby (`pacemaker`, `implant card`) carries the evidence.
 */
const NOT_ID = new Set(labels.notIdentifier);
const LABEL_WORDS = labelWordSet({ ...labels, notIdentifier: [] });

/** Compiled once: detect() runs on every keystroke. */
const DEVICE_SPEC: PatternDetectorSpec = {
  id: 'device',
  type: 'DEVICE',
  patterns: [
    // serial PJN403221R, SN 7211 4093, lot GFXR0918, device serial MW1 7792831H
    labelled('device-labelled', labels.device, 0.9),
    // a GS1 UDI: (01)00643169007222(17)260131(10)ABC123(21)98765
    { name: 'udi-gs1', regex: /\(01\)\s?(\d{14})(?:\s?\((?:1[01]|17|10|21)\)\s?[A-Za-z0-9\-]{1,20})*/g, score: 0.6 },
    // any identifier-shaped token: reported only with a device word nearby
    { name: 'id-token', regex: new RegExp(ID_TOKEN, 'g'), score: 0.3 },
  ],
  validate: (v) => {
    const m = /^\(01\)\s?(\d{14})/.exec(v);
    return m ? (gs1Valid(m[1]) ? true : undefined) : undefined;
  },
  invalidate: (v, text, start) => {
    const d = digitsOf(v);
    if (d.length < 4 || v.replace(/[^A-Za-z0-9]/g, '').length < 5) return true;
    return notAnIdentifier(v, text, start, NOT_ID, LABEL_WORDS);
  },
};

export const device = defineDetector({
  id: 'device',
  category: 'phi',
  scope: 'paragraph',
  types: ['DEVICE'],
  context: {
    boost: devices.boost,
    suppress: ['cpt', 'icd', 'doi', 'pmid', 'isbn', 'nct', 'phone', 'fax', 'model', 'version'],
    window: 6,
  },
  detect(ctx) {
    return runPatterns(DEVICE_SPEC, ctx.text);
  },
});
