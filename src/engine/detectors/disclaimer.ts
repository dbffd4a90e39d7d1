import { boundedCache, setBounded } from '../bounded';
import phrases from '../../../rules/disclaimer-phrases.json';
import medical from '../../../rules/advice-medical.json';
import { defaultDisclaimer } from '../fixes/append-disclaimer';
import { escapeRe, PhraseSet, tokens } from '../fixes/phrases';
import type { Candidate, DetectContext } from '../types';
import { defineDetector } from '../types';
import { adviceSentences, sentenceFeatures } from './advice';

/**
 * Missing opinion disclaimer (issue 4; shared/corpus/GUIDELINE.md, `disclaimer_needed` and
 * `disclaimer_present`). A draft needs a disclaimer when it states a clinical or professional
 * opinion, recommends something to the public, gives patient-specific advice, or takes a side on a
 * controversial health-policy, political or religious matter. Conference logistics,
 * congratulations, job posts, pure teaching and personal life do not. A disclaimer anywhere in the
 * draft, in any common wording (rules/disclaimer-phrases.json), satisfies the check; near-misses
 * ("my own views changed", "not medical school advice", a "CW: medical advice" line) do not.
 * A disclaimer never cancels a PHI or advice finding: this detector only reports its own category.
 *
 * Cue counts are computed once per distinct sentence and cached; the draft-level decision adds
 * them up, so a keystroke only recomputes the sentence it touched.
 */

const PRESENT = phrases.present.map((r) => new RegExp(r, 'i'));
const NEAR_MISS = phrases.nearMiss.map((r) => new RegExp(r, 'gi'));
const OPINION = new PhraseSet(phrases.opinionCues);
const STRONG = new PhraseSet(phrases.strongOpinionCues);
/** Explicit opinion markers ("hot take", "my answer:", "I'd argue"): an opinion wherever they stand. */
const MARKER = new PhraseSet(phrases.opinionMarkers);
/** Value judgments ("oversold", "a waste of money", "ready for prime time"): an opinion about what they judge. */
const EVALUATIVE = new PhraseSet(phrases.evaluativeCues);
/** Words of medicine, the profession and health policy: a stance ("we need better ...") about them is professional. */
const DOMAIN = new PhraseSet(phrases.domainWords);
/**
 * A first-person belief about something ("I think the part of the job that matters ...", "I believe
 * every radiologist should"), not a case read ("I think this is a lacunar stroke") and not "think about".
 */
const BELIEF = /\bi\s+(?:really\s+|honestly\s+|strongly\s+|genuinely\s+|still\s+|firmly\s+|now\s+|personally\s+|also\s+)?(?:think|believe|don['’]?t\s+think|do\s+not\s+think|doubt)\b(?:\s+that)?(?!\s+(?:about|of|so|this\s+(?:is|was|looks)|it['’]?s\s+(?:a|an)\b|it\s+(?:is|was)\s+(?:a|an)\b|he|she|they)\b)(?=\s+\S)/i;
const POLICY = new PhraseSet(phrases.policyTopics);
const PUBLIC = new PhraseSet(phrases.publicCues);
const NO_NEED = new PhraseSet(phrases.noNeedCues);
const PUBLIC_HEALTH = new PhraseSet(phrases.publicHealthActions);
const SAFETY = new PhraseSet(phrases.safetyNouns);
/** A closing vocative to the public: "Hydrate, folks." "Salt your steps, everybody." */
const PUBLIC_VOCATIVE = new RegExp(`,\\s*(?:${phrases.publicAudience.map(escapeRe).join('|')})[\\s.!🙏]*$`, 'i');
const MEDICAL = new PhraseSet([...medical.tests, ...medical.procedures, ...medical.diagnoses, ...medical.drugs]);

/**
 * A normative statement about the profession, its institutions or the public: "Radiologists should
 * sit on quality committees", "Congress needs to pass ...", "every report should be readable".
 */
/** `X should be the default again`, `... must be mandatory`: a position on what practice ought to be. */
const NORMATIVE_STATUS = /\b(?:should|must|needs? to|ought to)\s+(?:(?:not|never|always)\s+)?(?:be|become|remain|stay|go back to being)\s+(?:the\s+|a\s+)?(?:default|standard(?:\s+of\s+care)?|norm|mandatory|required|universal|banned|illegal|legal|covered|free|routine|reimbursed|optional|abolished)\b/i;
/**
 * "We should document it and move on", "we need to stop ...", "we have to do better": a stance of
 * the profession when the sentence is about medicine (gated by the domain words, like EVALUATIVE).
 */
const WE_NORM = /\bwe\s+(?:all\s+|really\s+|just\s+|collectively\s+)?(?:should(?:n['’]?t)?|must|need\s+to|have\s+to|ought\s+to|can['’]?t\s+keep|cannot\s+keep|have\s+got\s+to)\b(?!\s+talk\b)/i;
/**
 * A line addressed to a slice of the public, then what they should do or know: "Everyone over 50:
 * book the colonoscopy", "Parents of toddlers: ...", "Women with dense breasts - ask about ...".
 */
const PUBLIC_ADDRESS = new RegExp(`^\\W{0,4}(?:psa\\s*[:,-]?\\s*)?(?:${phrases.publicGroups.map(escapeRe).join('|').replace(/ /g, '\\s+').replace(/'/g, "['’]")})\\b[^:.!?\\n]{0,60}?(?::|\\s[-–—]\\s)\\s*\\S`, 'i');
/** "Get your RSV shot", "get the updated booster": a vaccination nudge to whoever reads. */
const GET_SHOT = /\b(?:get|book|grab|schedule)\s+(?:your|a|the|an)\s+(?:[\w-]+\s+){0,2}?(?:shots?|vaccines?|vaccinations?|boosters?|jabs?)\b/i;
/** Rhetorical questions that take a side ("Anyone else think the new guidance is too loose?"). */
const RHETORICAL = new PhraseSet(phrases.rhetoricalCues);
const NORMATIVE = new RegExp(`\\b(?:${phrases.normativeSubjects.map(escapeRe).join('|').replace(/ /g, '\\s+')})\\s+(?:[\\w'’-]+\\s+){0,2}(?:${phrases.normativeModals.map(escapeRe).join('|').replace(/ /g, '\\s+').replace(/'/g, "['’]")})\\b`, 'i');

interface SentenceCues {
  present: boolean;
  strong: boolean;
  /** `strong`, and the sentence is about medicine, the profession or policy, or carries an explicit marker. */
  strongOnTopic: boolean;
  /** An explicit opinion marker, or a value judgment or first-person belief about a professional matter. */
  stance: boolean;
  /** A value judgment, belief or "we should" that is a stance when it or the sentence before is about medicine. */
  judges: boolean;
  /** The sentence names medicine, the profession or health policy. */
  domain: boolean;
  opinion: number;
  policy: number;
  publicCue: number;
  noNeed: boolean;
  medical: boolean;
  /** A health or safety recommendation to the public ("wear helmets", "screening saves lives"). */
  publicHealth: boolean;
  question: boolean;
}

const MAX_CACHE = 2000;
const cache = boundedCache<string, SentenceCues>();

function hasDisclaimer(lower: string): boolean {
  // Blank out near-misses first so "not medical school advice" never reads as "not ... advice".
  let s = lower;
  for (const re of NEAR_MISS) s = s.replace(re, (m) => ' '.repeat(m.length));
  return PRESENT.some((re) => re.test(s));
}

function sentenceCues(text: string): SentenceCues {
  const hit = cache.get(text);
  if (hit) return hit;
  const lower = text.toLowerCase();
  const toks = tokens(text);
  const question = /\?\s*$/.test(text.trim());
  const domain = DOMAIN.test(text, toks) || MEDICAL.test(text, toks) || POLICY.test(text, toks);
  const judges = EVALUATIVE.test(text, toks) || BELIEF.test(text) || NORMATIVE_STATUS.test(text) || WE_NORM.test(text);
  const c: SentenceCues = {
    present: hasDisclaimer(lower),
    strong: STRONG.test(text, toks),
    // A stance phrase ("we need better ...", "I think we") is professional when its sentence is
    // about medicine, the profession or policy ("we need better systems" at the bank is not), or
    // when the draft argues a policy point ("Fix the process." after a workers' comp story).
    strongOnTopic: STRONG.test(text, toks) && (domain || MARKER.test(text, toks)),
    stance: (!question && (MARKER.test(text, toks) || (domain && judges) || NORMATIVE.test(text))) || RHETORICAL.test(text, toks),
    judges: !question && judges,
    domain,
    opinion: OPINION.count(text, toks),
    policy: POLICY.count(text, toks),
    publicCue: PUBLIC.count(text, toks),
    // "Anyone else think the new guidance is too loose?" takes a side; "anyone else" alone is a question to peers.
    noNeed: NO_NEED.test(text, toks) && !RHETORICAL.test(text, toks),
    publicHealth: PUBLIC_HEALTH.test(text, toks) || GET_SHOT.test(text) || (!question && PUBLIC_ADDRESS.test(text) && (domain || SAFETY.test(text, toks))) || (PUBLIC_VOCATIVE.test(text.trim()) && (MEDICAL.test(text, toks) || SAFETY.test(text, toks))),
    medical: MEDICAL.test(text, toks),
    question,
  };
  setBounded(cache, text, c, MAX_CACHE);
  return c;
}

export interface DisclaimerDecision {
  readonly needed: boolean;
  readonly present: boolean;
  readonly score: number;
  /** Why a disclaimer is needed, in plain words. */
  readonly reason: 'advice' | 'opinion' | 'policy' | 'public' | 'always' | '';
}

/** Whether the draft needs an opinion disclaimer and whether it already has one. */
export function disclaimerDecision(ctx: Pick<DetectContext, 'text' | 'lower' | 'sentences' | 'options'>): DisclaimerDecision {
  const opts = ctx.options.disclaimer ?? {};
  const required = opts.required ?? 'when-needed';
  const cues = ctx.sentences.map((s) => sentenceCues(s.text));
  const custom = opts.text?.trim().toLowerCase();
  // A disclaimer can span a line break ("Views my own\nand not my employer's"): check the whole
  // draft only when no single sentence carries one (cheap: most drafts are short).
  const present = cues.some((c) => c.present) || (custom ? ctx.lower.includes(custom) : false) || hasDisclaimer(ctx.lower.replace(/\s+/g, ' '));
  if (required === 'always') return { needed: true, present, score: 1, reason: 'always' };

  let score = 0;
  let reason: DisclaimerDecision['reason'] = '';
  const bump = (by: number, why: DisclaimerDecision['reason']) => {
    score += by;
    if (!reason && by > 0) reason = why;
  };
  const advice = adviceSentences(ctx).length > 0;
  if (advice) bump(1, 'advice');
  const policy = cues.reduce((n, c) => n + c.policy, 0);
  const strong = cues.some((c) => c.strongOnTopic) || (policy > 0 && cues.some((c) => c.strong));
  if (strong) bump(0.6, 'opinion');
  // A judgment whose topic was named in the sentence before: "I've read the trials. I now think it's oversold."
  else if (cues.some((c, i) => c.stance || (c.judges && i > 0 && cues[i - 1].domain))) bump(0.5, 'opinion');
  const opinion = cues.reduce((n, c) => n + c.opinion, 0);
  const publicCue = cues.reduce((n, c) => n + c.publicCue, 0);
  const medicalAny = cues.some((c) => c.medical);
  if (policy > 0 && opinion > 0) bump(Math.min(0.5, 0.25 * policy), 'policy');
  else if (policy >= 3) bump(0.5, 'policy');
  // "Reminder for anyone reading their reports: ..." is a recommendation to the public whenever the
  // draft is about medicine or its records, not only when it names a test or a drug.
  if (publicCue > 0 && (medicalAny || cues.some((c) => c.domain))) bump(Math.min(0.6, 0.35 * publicCue), 'public');
  if (cues.some((c) => c.publicHealth)) bump(0.6, 'public');
  // A medical directive that the advice detector read as general education ("PSA: ... Ask the
  // doctor who ordered the scan") is a recommendation to the public.
  if (!advice) {
    const feats = ctx.sentences.map((s) => sentenceFeatures(s.text));
    if (!feats.some((f) => f.colleague) && feats.some((f) => !f.question && f.medical && (f.directive === 'imperative' || f.directive === 'you-modal'))) bump(0.35, 'public');
  }
  if (opinion > 0 && medicalAny) bump(Math.min(0.45, 0.12 * opinion), 'opinion');
  // Personal-life and event words ("marathon", "podcast") do not cancel an explicit health
  // directive to the public ("Hydrate, folks"); they do cancel a loose opinion cue.
  if (cues.some((c) => c.noNeed) && !cues.some((c) => c.publicHealth)) score -= 0.4;
  const statements = cues.filter((c) => !c.question).length;
  if (statements === 0) score -= 0.5;
  const needed = score >= 0.5;
  return { needed, present, score: Math.max(0, Math.min(1, score)), reason: needed ? reason : '' };
}

const WHY: Record<Exclude<DisclaimerDecision['reason'], ''>, string> = {
  advice: 'it reads as medical advice to someone',
  opinion: 'it states a clinical or professional opinion',
  policy: 'it takes a position on a health-policy, political or religious matter',
  public: 'it recommends something to the public',
  always: 'your rules require one in every post',
};

export const disclaimer = defineDetector({
  id: 'disclaimer',
  category: 'disclaimer',
  types: ['MISSING_DISCLAIMER'],
  detect(ctx): Candidate[] {
    const opts = ctx.options.disclaimer ?? {};
    if (opts.required === 'never' || ctx.text.trim().length === 0) return [];
    const d = disclaimerDecision(ctx);
    if (!d.needed || d.present) return [];
    if (opts.profileHasDisclaimer && opts.required !== 'always') return [];
    const score = Math.max(0.5, Math.min(1, 0.5 + d.score / 2));
    return [{
      detectorId: 'disclaimer',
      type: 'MISSING_DISCLAIMER',
      start: 0,
      end: ctx.text.length,
      score,
      severity: 'warn',
      contextDone: true,
      message: `No opinion disclaimer, and ${WHY[d.reason || 'opinion']}: readers may take it as your employer's position or as medical advice. Add one such as "Views my own, not medical advice".`,
      suggestion: defaultDisclaimer(ctx.options.site, ctx.text, opts.text),
      explanation: { pattern: `needs-disclaimer/${d.reason || 'opinion'}`, baseScore: score },
    }];
  },
});
