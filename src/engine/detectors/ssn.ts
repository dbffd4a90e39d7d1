import { clauseAfter, clauseBefore, digitsOf, runPatterns } from '../patterns';
import { defineDetector } from '../types';

/**
 * US Social Security number. Format: AAA-GG-SSSS (SSA, "The SSN Numbering Scheme"):
 * area 001-899 except 666, group 01-99, serial 0001-9999. Dashes, spaces, dots or line breaks
 * may separate the parts, and evasion may space out every digit.
 */
const D = String.raw`\d`;
const S = String.raw`[ \t.\-_]*\n?[ \t]*`; // any run of separators, one line break at most
const LABEL_BEFORE = /\b(?:ssn|social security(?: number| no\.?| #)?|ss#)\s*[:#]?\s*$/i;

/**
 * The paperwork an unlabelled SSN shows up on (a registration or face sheet, a fax cover sheet, a
 * requisition, an insurance card) or a person it belongs to: `ddd dd dddd` there is an SSN.
 */
const PAPERWORK = /\b(?:registration|registrar|face ?sheet|cover sheet|fax cover|requisition|intake|admission form|consent form|paperwork|insurance card|id card|wristband|label|sticker|printout|chart|his|her|their|patient'?s?|pt'?s?|number)\b/;

export const ssn = defineDetector({
  id: 'ssn',
  category: 'phi',
  scope: 'paragraph',
  types: ['SSN'],
  context: {
    boost: ['ssn', 'social security', 'social', 'ss#', 'ss', 'soc sec', 'tax id', 'itin'],
    suppress: ['phone', 'tel', 'call', 'fax', 'isbn', 'doi', 'pmid', 'order'],
    window: 5,
  },
  detect(ctx) {
    const found = runPatterns(
      {
        id: 'ssn',
        type: 'SSN',
        patterns: [
          // 123-45-6789, 123 45 6789, 123.45.6789
          { name: 'ssn-delimited', regex: /(?<![\d\-.])\d{3}([ .\-])\d{2}\1\d{4}(?![\d\-]|\.\d)/g, score: 0.55 },
          // digits spread by evasion: 1 2 3-4 5-6 7 8 9, or split by a line break
          { name: 'ssn-spread', regex: new RegExp(String.raw`(?<![\d\-.])${D}(?:${S}${D}){8}(?![\d])`, 'g'), score: 0.4 },
          // after an explicit SSN label, any 9 digits
          { name: 'ssn-labelled', regex: /\b(?:ssn|social security(?: number| no\.?| #)?|ss#)\s*[:#]?\s*(\d{3}[\s.\-]*\d{2}[\s.\-]*\d{4})(?!\d)/gi, score: 0.9, group: 1 },
        ],
        invalidate: (v, text, start) => {
          const d = digitsOf(v);
          if (d.length !== 9) return true;
          const area = d.slice(0, 3), group = d.slice(3, 5), serial = d.slice(5);
          if (area === '000' || area === '666' || area[0] === '9' || group === '00' || serial === '0000') return true;
          if (/^(\d)\1{8}$/.test(d)) return true;
          // 123-45-6789 is the SSA's advertising example: noise unless someone labels it an SSN.
          return d === '123456789' && !LABEL_BEFORE.test(text.slice(Math.max(0, start - 24), start));
        },
      },
      ctx.text,
    );
    return found.map((c) => {
      if (c.explanation.pattern !== 'ssn-delimited' || c.score >= 0.85) return c;
      const near = `${clauseBefore(ctx, c.start, 80)} ${clauseAfter(ctx, c.end, 60)}`;
      // an SSN label earlier in the clause (`the SSN on the form didn't match: 512-...`), even
      // beyond the context stage's word window: the label governs the number
      if (/\b(?:ssn|social security|ss#|soc sec)\b/.test(clauseBefore(ctx, c.start, 80))) {
        const done = !/\b(?:phone|tel|call|fax|isbn|doi|pmid)\b/.test(near);
        return { ...c, score: 0.85, contextDone: done, explanation: { ...c.explanation, context: [...(c.explanation.context ?? []), '+ "ssn" label earlier in the clause'] } };
      }
      // a label word nearby (`social`, `tax id`) is the shared context stage's to boost
      if (!PAPERWORK.test(near) || /\b(?:ssn|social|ss#?|soc sec|tax id|itin)\b/.test(near)) return c;
      // `fax cover sheet` names the paperwork, not a fax number: the shared fax suppression is skipped
      const done = !/\b(?:phone|tel|call|isbn|doi|pmid|order)\b/.test(near);
      return { ...c, score: 0.85, contextDone: done, explanation: { ...c.explanation, context: [...(c.explanation.context ?? []), '+ paperwork or owner in the clause'] } };
    });
  },
});
