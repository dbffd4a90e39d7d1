import { digitsOf, runPatterns } from '../patterns';
import { defineDetector } from '../types';

/**
 * US Social Security number. Format: AAA-GG-SSSS (SSA, "The SSN Numbering Scheme"):
 * area 001-899 except 666, group 01-99, serial 0001-9999. Dashes, spaces, dots or line breaks
 * may separate the parts, and evasion may space out every digit.
 */
const D = String.raw`\d`;
const S = String.raw`[ \t.\-_]*\n?[ \t]*`; // any run of separators, one line break at most
const LABEL_BEFORE = /\b(?:ssn|social security(?: number| no\.?| #)?|ss#)\s*[:#]?\s*$/i;

export const ssn = defineDetector({
  id: 'ssn',
  category: 'phi',
  types: ['SSN'],
  context: {
    boost: ['ssn', 'social security', 'social', 'ss#', 'ss', 'soc sec', 'tax id', 'itin'],
    suppress: ['phone', 'tel', 'call', 'fax', 'isbn', 'doi', 'pmid', 'order'],
    window: 5,
  },
  detect(ctx) {
    return runPatterns(
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
  },
});
