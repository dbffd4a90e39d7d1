import { defineDetector, type Candidate } from '../types';
import { findNumbers, isFax, scoreContact } from './phone';

/**
 * A patient's (or their employer's, nursing home's) fax number (HIPAA Safe Harbor (b)(2)(i)(E)).
 * Same numbering plan as telephone numbers (NANP / E.164, see ./phone.ts); a number is a fax
 * when a fax word governs it in its clause (`home fax, 770-...`, `faxed to their HR office at`,
 * `555-0186 (fax)`). A practice's own fax line (`fax orders to our department line`) is not PHI.
 */
export const fax = defineDetector({
  id: 'fax',
  category: 'phi',
  scope: 'paragraph',
  types: ['FAX'],
  detect(ctx) {
    const out: Candidate[] = [];
    for (const m of findNumbers(ctx.text)) {
      if (!isFax(ctx, m.start, m.end)) continue;
      const c = scoreContact(ctx, m, 'fax', 'FAX');
      if (c) out.push(c);
    }
    return out;
  },
});
