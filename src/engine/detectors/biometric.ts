import lexicon from '../../../rules/biometric.json';
import { ci, clauseAfter, clauseBefore } from '../patterns';
import { defineDetector, type Candidate } from '../types';

/**
 * Biometric identifiers (HIPAA Safe Harbor (b)(2)(i)(P), "biometric identifiers, including finger
 * and voice prints"), and the traits used the same way: palm-vein templates, retinal/iris images,
 * facial surface scans, DNA samples, forensic dental and frontal-sinus comparisons. Text rarely
 * holds the biometric itself, so the finding is a MENTION of a sample of this patient: the term
 * must be tied to a person (`her fingerprints`, `the sister-in-law's palm-vein template`,
 * `a voice memo of him`, `postmortem dental radiographs`). A figure of speech (`as unique as
 * fingerprints`) or a technique (`MR fingerprinting`, `radiomic fingerprint`) is not a sample.
 */
const TERMS = [...lexicon.terms].sort((a, b) => b.length - a.length).map(ci).join('|');
const MODS = lexicon.modifiers.map(ci).join('|');
const TERM_RE = new RegExp(String.raw`(?<![A-Za-z0-9\-])(?:(?:${MODS})[ \-]+){0,2}(?:${TERMS})(?![A-Za-z0-9]|-[A-Za-z])`, 'g');
const FORENSIC = new RegExp(String.raw`^(?:${lexicon.forensicModifiers.map(ci).join('|')})\b`);
const NOT_SAMPLE = new RegExp(String.raw`\b(?:${[...lexicon.notSample].sort((a, b) => b.length - a.length).map(ci).join('|')})\s*(?:(?:a|an|the|your|their)\s+)?$`);
/** A person owns the sample: a possessive just before the term. */
const OWNER_BEFORE = /(?:\b(?:his|her|their|patient'?s|pt'?s|decedent'?s|victim'?s)|[a-z]'s)(?:\s+[\w\-]+){0,2}\s*$/;
/** ... or the sample is "of" a person just after it. */
const OWNER_AFTER = new RegExp(String.raw`^\s*(?:of|from|for|matching|belonging to)\s+(?:him|her|them|(?:the|this|that|our|my|a|an|her|his|their)\s+(?:[\w\-]+\s+){0,2}(?:${lexicon.ownerNouns.map(ci).join('|')}))\b`);
/** A person is the subject of the clause (`he still has the voiceprint problem`): a weaker tie. */
const PERSON_IN_CLAUSE = /\b(?:he|she|his|her|him|patient|pt|decedent)\b/;

function head(term: string): string {
  return term.toLowerCase().replace(/^(?:(?:full|3-?d|post-?mortem|ante-?mortem|latent|high-resolution|enrolled)[ \-]+)+/, '').replace(/-/g, ' ');
}

export const biometric = defineDetector({
  id: 'biometric',
  category: 'phi',
  scope: 'paragraph',
  types: ['BIOMETRIC'],
  detect(ctx) {
    const out: Candidate[] = [];
    const tied = new Set<string>();
    TERM_RE.lastIndex = 0;
    for (let m = TERM_RE.exec(ctx.text); m; m = TERM_RE.exec(ctx.text)) {
      const start = m.index, end = start + m[0].length;
      const before = clauseBefore(ctx, start, 60);
      const after = clauseAfter(ctx, end, 60);
      if (NOT_SAMPLE.test(before) || /^\s*(?:sign|technique|method|approach|pattern of)\b/.test(after)) continue;
      let pattern = 'mention', score = 0.3;
      if (FORENSIC.test(m[0].toLowerCase())) { pattern = 'forensic-sample'; score = 0.8; }
      else if (OWNER_BEFORE.test(before)) { pattern = 'owned-sample'; score = 0.8; }
      else if (OWNER_AFTER.test(after)) { pattern = 'sample-of-person'; score = 0.8; }
      else if (PERSON_IN_CLAUSE.test(before.slice(-50))) { pattern = 'person-in-clause'; score = 0.6; }
      else if (tied.has(head(m[0])) && /\b(?:the|that|this)\s*$/.test(before)) { pattern = 'same-sample-again'; score = 0.7; }
      if (score >= 0.7) tied.add(head(m[0]));
      out.push({
        detectorId: 'biometric', type: 'BIOMETRIC', start, end, score, contextDone: true,
        explanation: { pattern, baseScore: score },
      });
    }
    return out;
  },
});
