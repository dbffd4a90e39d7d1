import labels from '../../../rules/identifier-labels.json';
import { digitsOf, ID_TOKEN, labelled, labelWordSet, luhnValid, notAnIdentifier, type PatternDetectorSpec, runPatterns } from '../patterns';
import { defineDetector } from '../types';
import { validNanp } from './phone';

/**
 * Account numbers (HIPAA Safe Harbor (b)(2)(i)(J)): patient/guarantor accounts, hospital account
 * records (HAR), financial/encounter numbers (FIN), claim and invoice numbers, payment cards.
 * Hospital numbering is free-form, so the label carries the evidence. Payment card numbers
 * (ISO/IEC 7812: 13-19 digits, issuer prefix 2-6, Luhn check digit) are validated by Luhn.
 */
const NOT_ID = new Set(labels.notIdentifier);
const LABEL_WORDS = labelWordSet({ ...labels, notIdentifier: [] });
/** A phone-shaped value (`000918-7782`) that no phone number can be (area code or exchange 0/1). */
const PHONE_SHAPE = /^\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}$/;
const impossiblePhone = (v: string) => PHONE_SHAPE.test(v) && !validNanp(digitsOf(v));

/** Compiled once: detect() runs on every keystroke. */
const ACCOUNT_SPEC: PatternDetectorSpec = {
  id: 'account',
  type: 'ACCOUNT',
  patterns: [
    // Account 31-884-20917, acct #1187-2290-44, Patient Account No. 4400123987, FIN 2207781234
    labelled('account-labelled', labels.account, 0.9),
    // a payment card number (Luhn-validated below, else dropped)
    { name: 'card-number', regex: /(?<![\d\-])[2-6]\d{3}(?:[ \-]?\d{4}){2}[ \-]?\d{1,7}(?![\d])/g, score: 0.4 },
    // any identifier-shaped token: reported only with a billing word nearby
    { name: 'id-token', regex: new RegExp(ID_TOKEN, 'g'), score: 0.3 },
  ],
  validate: (v, text, start) => {
    const d = digitsOf(v);
    const isCardShape = /^[2-6][\d \-]+$/.test(v) && d.length >= 13 && d.length <= 19;
    if (!isCardShape) return undefined;
    return luhnValid(d) ? true : undefined;
  },
  invalidate: (v, text, start) => {
    const d = digitsOf(v);
    if (d.length < 5 || d.length > 20) return true;
    // `412 55 9083`: the SSN shape with any separator belongs to the SSN detector
    if (/^\d{3}([ .\-])\d{2}\1\d{4}$/.test(v.trim())) return true;
    // a labelled account number may look like a phone number that cannot exist: keep it
    if (impossiblePhone(v)) return notAnIdentifier(v.replace(/[ .\-()]/g, ''), text, start, NOT_ID, LABEL_WORDS);
    return notAnIdentifier(v, text, start, NOT_ID, LABEL_WORDS);
  },
};

export const account = defineDetector({
  id: 'account',
  category: 'phi',
  scope: 'paragraph',
  types: ['ACCOUNT'],
  context: {
    boost: ['account', 'acct', 'billing', 'billed', 'invoice', 'claim', 'statement', 'guarantor', 'balance', 'collections', 'card', 'payment'],
    suppress: ['cpt', 'icd', 'doi', 'pmid', 'isbn', 'nct', 'phone', 'fax'],
    window: 6,
  },
  detect(ctx) {
    return runPatterns(ACCOUNT_SPEC, ctx.text).filter((c) => c.explanation.pattern !== 'card-number' || c.score === 1);
  },
});
