import { boundedCache, setBounded } from '../bounded';
import grammar from '../../../rules/advice-grammar.json';
import medical from '../../../rules/advice-medical.json';
import { generalizeAdvice } from '../fixes/generalize-advice';
import { escapeRe, phraseRegex, PhraseSet } from '../fixes/phrases';
import { parse } from '../nlp';
import type { Candidate, DetectContext, Sentence } from '../types';
import { defineDetector } from '../types';

/**
 * Patient-specific medical advice (issue 4; shared/corpus/GUIDELINE.md, `advice`): a sentence that
 * tells an identifiable person (a follower, "you", "your mom") what to do medically, or interprets
 * their own findings. General education, the author's own story, tips to colleagues, questions
 * and non-medical advice are not advice.
 *
 * Each sentence gets grammar features (second person, imperatives, subject + modal, "if I were
 * you", interpretation of "your MRI"), computed once per distinct sentence and cached, so a
 * keystroke only recomputes the sentence it touched. compromise (through nlp.ts `parse`) supplies
 * #Imperative, #Modal and question tags; our own rules cover what compromise 14 misses:
 * `need to` / `have to` (not #Modal), questions without `?`, sentence-initial imperatives such as
 * "Take 500 mg twice daily" or "Go see your doctor" (not always #Imperative), and imperatives after
 * a conditional clause ("if he is vomiting, take him to the ER"). Medical-action lexicons are data
 * in rules/advice-medical.json; grammar cues in rules/advice-grammar.json. Draft-level decisions
 * (a reply to someone, a general audience, declining to interpret) combine the sentence features.
 */

const words = (list: readonly string[]) => new PhraseSet(list);

/** `your kidney numbers`, `liver levels`: an organ's test results. */
const ORGAN_RESULTS = medical.bodyParts.flatMap((b) => ['numbers', 'levels', 'labs', 'function', 'values', 'results', 'tests'].map((r) => `${b} ${r}`));
const MEDICAL = words([...medical.tests, ...medical.procedures, ...medical.drugs, ...medical.care, ...medical.diagnoses, ...ORGAN_RESULTS]);
const MEDICAL_CS = new RegExp(`(?<![\\w@#])(?:${medical.caseSensitive.map(escapeRe).join('|')})(?!\\w)`);
const DOSE = new RegExp(`\\b\\d+(?:\\.\\d+)?\\s?(?:${medical.doseUnits.map(escapeRe).join('|')})\\b`, 'i');
const DOSE_FREQ = words(medical.doseFrequencies);
const DIAGNOSIS = words(medical.diagnoses);
const RECORD_OR_BODY = [...medical.records, ...medical.bodyParts];
const RELATIVE = grammar.relatives.map(escapeRe).join('|');
const ADDRESSEE = words(grammar.addressees);
/** "your MRI", "your knee", "your ankle x-ray", "your mom's report": a person's own findings. */
const NON_HEAD = grammar.recordNonHeads.map(escapeRe).join('|');
const YOUR_OWN = new RegExp(`\\b(?:your|ur|u)\\s+(?:own\\s+|[a-z-]+\\s+){0,2}?(?:${RECORD_OR_BODY.map(escapeRe).join('|').replace(/ /g, '[\\s-]+')})\\b(?!\\s+(?:${NON_HEAD})\\b)|\\b(?:your|ur)\\s+(?:${RELATIVE})(?:'s|’s|s')`, 'i');
/** "your ferritin", "ur TSH": the reader's own test. */
const YOUR_TEST = new RegExp(`\\b(?:your|ur)\\s+(?:[a-z-]+\\s+)?(?:${medical.tests.map(escapeRe).join('|').replace(/ /g, '[\\s-]+')})\\b(?!\\s+(?:${NON_HEAD})\\b)`, 'i');
/** "your gallbladder", "ur left arm": the reader's own body part. */
const YOUR_BODY = new RegExp(`\\b(?:your|ur)\\s+(?:[a-z-]+\\s+)?(?:${medical.bodyParts.map(escapeRe).join('|').replace(/ /g, '[\\s-]+')})\\b`, 'i');
const YOUR_RELATIVE = new RegExp(`\\b(?:your|ur)\\s+(?:\\w+\\s+)?(?:${RELATIVE})\\b`, 'i');
const MODALS = grammar.subjectModals.map(escapeRe).join('|').replace(/ /g, '\\s+').replace(/'/g, "['’]");
const ADVERBS = '(?:(?:really|absolutely|definitely|probably|still|also|just|both|all|actually|seriously|do|does|honestly|urgently|now)\\s+){0,2}';
/** "you should", "you need to", "you don't need": the addressee is the subject of a modal. */
const YOU_MODAL = new RegExp(`\\b(?:you|u|ya)\\s+${ADVERBS}(?:${MODALS})\\b`, 'i');
/** "your mom should", "he needs", "she really should". */
const OTHER_MODAL = new RegExp(`\\b(?:(?:your|ur)\\s+(?:\\w+\\s+)?(?:${RELATIVE})|he|she|they)\\s+${ADVERBS}(?:${MODALS})\\b`, 'i');
const COUNTERFACTUAL = words(grammar.counterfactuals);
/** "you'll need", "you'd want to", "you're going to need": contracted second-person modals. */
const YOU_CONTRACTED = new RegExp(`\\b(?:you|u)['’](?:ll|d|re)\\s+(?:${grammar.contractedModals.map(escapeRe).join('|').replace(/ /g, '\\s+')})\\b`, 'i');
/** "I'd recommend", "my advice is": the author recommends; advice when it is about someone's care. */
const RECOMMEND = words(grammar.recommendations);
/** "sounds like you have", "you probably have": a diagnosis of the reader. */
const INTERPRET_YOU = words(grammar.interpretYou);
/**
 * A finding, body part or symptom as the subject of a modal: "your son's limp needs an x-ray",
 * "that nodule on your report needs a follow-up CT", "this should be biopsied". Not the author
 * ("I need", "we should be") and not the noun "needs" ("special needs", "your needs").
 */
const THING_MODAL = new RegExp(`(?<!\\b(?:i|we|i['’]?d|we['’]?d|special|your|their|our|his|her|my|whose|the)\\s+(?:(?:really|also|just|still|probably|definitely)\\s+)?)\\b(?:${grammar.thingModals.map(escapeRe).join('|').replace(/ /g, '\\s+')})\\b`, 'i');
/** A second person anywhere in a clause: a comma-spliced imperative may follow it ("your dose is too low, ask for more"). */
const SECOND_PERSON = /\b(?:you|your|you're|ur|u)\b/i;
const VOCATIVE_WORD = new RegExp(`^(?:(?:hey|hi|hello|dear|oh|ok|okay)\\s+)?(?:${grammar.vocatives.map(escapeRe).join('|').replace(/'/g, "['’]")})(?:\\s*,(?!\\s*\\d)|\\s+(?=.*\\b(?:you|your|ur)\\b))`, 'i');
/** "Maria, ...", "Hi Sanjay, ...": a capitalised word opening the sentence before a comma. */
/** `Mr. Haskins, ...`: a title and a surname before a comma address one person (not `Dr.`: a colleague). */
const HONORIFIC_COMMA = /^(?:(?:Hey|Hi|Hello|Dear)\s+)?(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s*,(?!\s*\d)/u;
const NAME_COMMA = /^(?:(?:Hey|Hi|Hello|Dear|Oh|Ok|Okay)\s+)?(\p{Lu}[\p{L}'’-]+)\s*,(?!\s*\d)/u;
const WOULD = new RegExp(`(?:^|[^\\w'])(?:${grammar.firstPersonWould.map(escapeRe).join('|').replace(/'/g, "['’]")})\\s+(?:(?:honestly|really|still|definitely|probably|also|just|personally|absolutely)\\s+)?(?:${grammar.wouldVerbs.map(escapeRe).join('|').replace(/ /g, '\\s+')})\\b`, 'i');
const INTERPRET = words(grammar.interpretCues);
const CHANNEL = words(grammar.channelCues);
const CHANNEL_PROMISE = words(grammar.channelPromise);
const REPLY = words(grammar.replyCues);
const GENERIC = words(grammar.genericCues);
const COLLEAGUE = words(grammar.colleagueCues);
const DECLINE = words(grammar.declineCues);
const DEFERRAL = words(grammar.deferrals);
const ADMIN_CALL = words(grammar.adminCalls);
const GENERIC_IF = words(grammar.genericConditionals);
/** A clause that sets up a condition; an imperative may follow it ("if he is vomiting, take him in"). */
const CONDITION = /(?:^|\s)(?:if|when|since|with|given|because|at|after|before|until|once|unless|for)\b/i;
const ACTION_VERB = new RegExp(`^(?:${grammar.actionVerbs.map(escapeRe).join('|').replace(/ /g, '\\s+')})\\b`, 'i');
/** An action verb anywhere: without one, compromise's #Imperative cannot make a directive (no parse needed). */
const ACTION_VERB_ANYWHERE = new RegExp(ACTION_VERB.source.slice(1), 'i');
const SOFTENERS = new RegExp(`^(?:(?:${grammar.softeners.map(escapeRe).join('|')})\\b[\\s,!]*)+`, 'i');
const QUESTION_START = new RegExp(`^(?:${grammar.questionStarts.map(escapeRe).join('|').replace(/'/g, "['’]")})\\b`, 'i');
const NEGATED_IMPERATIVE = /^(?:don['’]?t|do\s+not|never)\s+(?:just\s+|let\s+\w+\s+)?/i;
/** A handle that opens a reply: @name, @name@host, u/name. */
const HANDLE_START = /^(?:(?:cw|tw|content warning)[^\n]*\n+\s*)?(?:@[\w.-]+(?:@[\w.-]+)?|u\/[\w-]+)/i;
const HANDLE = /(?:^|\s)(?:@[\w.-]+|u\/[\w-]+)/;
/** Strong clause breaks (", take him", "; go", ": ask", " - get") and weak ones ("and get", "or call"). */
const STRONG_SPLIT = /\s*(?:[,;:]|—|–|\s-\s|\.\.\.)\s*/;
/** A sentence opening on `if/when your report (scan, results...) says/shows`: general teaching unless a reply. */
const HYPOTHETICAL = /^(?:and |so |but )?(?:if|when|whenever|once) your (?:[\w-]+ )?(?:report|results?|scan|mammogram|ct|mri|x-?ray|ultrasound|labs?|biopsy|pathology|imaging)s? (?:says?|shows?|mentions?|reads?|lists?|comes? back|is|are)\b/;
/** `To the man in this group who asked ...: call 911`: an addressee phrase before a colon. */
const ADDRESSEE_OPENER = /^(?:to|for) (?:the|whoever|my) (?:[\w'’-]+ ){0,4}(?:who|in|from|that)\b/i;
const IMPLIES = /\s*(?:=>|->|→|⇒|(?<![=<>!])=(?!=))\s*/;
const WEAK_SPLIT = /\s+(?:and|but|so|then|or)\s+/i;
const alt = (list: readonly string[]) => list.map(escapeRe).join('|').replace(/ /g, '\\s+').replace(/'/g, "['’]?");
/** "you could lose the foot", "could cost you": a threat of harm that pushes the reader to act. */
const THREAT = words(grammar.threats);
const BODY_PART = words(medical.bodyParts);
/** "why haven't you gotten a CT yet", "what are you waiting for": a question that directs. */
const DIRECTIVE_QUESTION = new RegExp(`^(?:(?:so|but|and|ok|okay|um|wait|seriously|honestly)[\\s,]+)*(?:${alt(grammar.directiveQuestions)})\\b`, 'i');
/** "you should see the line at the hospital", "you should have seen how ...": an exclamation, not advice, unless a clinician or test follows. */
const SEE_IDIOM = /\b(?:you|u|ya)\s+(?:should|shoulda|should['’]?ve|should\s+have|gotta|have\s+to)\s+(?:see|seen|hear|heard)\s+((?:how|what|the|this|that|my|our|his|her|their|these|those)\b(?:\s+[^\s.!?]+){0,4})/gi;
/** "I'd tell you to", "I'd strongly encourage you to": the author directs "you" in so many words. */
const YOU_DIRECTED = words(grammar.youDirected);
/** "Better get ...", "ought to get ...", "gotta go ...": a modal whose subject (you) is left out. */
const ELIDED_MODAL = new RegExp(`^(?:${alt(grammar.elidedModals)})\\s+(?:(?:really|just|still|definitely|also|seriously|now)\\s+)?`, 'i');
/** "Aunt Bev just take ...": a kinship title and a first name address one person without a comma. */
const KIN_NAME = new RegExp(`^(?:${alt(grammar.kinTitles)})\\s+\\p{Lu}[\\p{Ll}'’-]+\\s+`, 'iu');
/** "Rosa ask them ...", "Linda please get ...": a capitalised word then an imperative or a softener. */
const NAME_BARE = /^(\p{Lu}[\p{Ll}'’-]+)\s+(?=\p{Ll})/u;
/** "..., colleagues.", "..., everyone!": a sentence that closes on a plural audience. */
const PLURAL_VOCATIVE = new RegExp(`,\\s*(?:my\\s+)?(?:${alt(grammar.pluralVocatives)})\\s*[.!]*\\s*$`, 'i');
/** "that lump", "this old pacemaker": a pointed-at finding or body part (someone's own, in a reply). */
const DEICTIC = new RegExp(`\\b(?:that|this)\\s+(?:(?!kind\\b|type\\b|sort\\b|is\\b|was\\b|of\\b)[a-z-]+\\s+)?(?:${[...medical.records, ...medical.bodyParts, ...medical.diagnoses, ...medical.tests, ...grammar.deicticDevices].map(escapeRe).join('|').replace(/ /g, '[\\s-]+')})\\b`, 'i');
/** "don't let them discharge him", "never let anyone ...": a negated imperative about the care team. */
const DONT_LET = /^(?:don['’]?t|do\s+not|never)\s+let\s+(?:them|anyone|anybody|nobody|him|her|the\s+\w+|your\s+\w+|a\s+\w+)\b/i;
/** "no more X for you until ...": a prohibition addressed to the reader. */
const PROHIBITION = /^no\s+more\b[^.;!?]{0,60}?\bfor\s+(?:you|u|him|her)\b/i;
/** "... stop reading and call 911": an urgent action inside a conditional without a comma. */
const URGENT = /(?:^|\s)(?:if|when)\b.*?(?<!\b(?:i|we|they|he|she|to|did|didn['’]?t|would|will|can|could|should|not|never|had)\s+)\b(?:call\s+(?:911|999|112|000|an\s+ambulance)|go\s+to\s+the\s+(?:er|ed|emergency\s+room)|get\s+to\s+the\s+(?:er|ed))\b/i;

export interface SentenceAdvice {
  /** Second person anywhere in the sentence. */
  readonly addressed: boolean;
  /** "your MRI", "your knee", "your mom's report". */
  readonly ownFindings: boolean;
  readonly relative: boolean;
  readonly medical: boolean;
  readonly question: boolean;
  /** What kind of directive, if any: modal, imperative, counterfactual. */
  readonly directive: '' | 'you-modal' | 'other-modal' | 'imperative' | 'would' | 'thing-modal';
  readonly interprets: boolean;
  readonly channel: boolean;
  readonly reply: boolean;
  readonly generic: boolean;
  readonly colleague: boolean;
  readonly declines: boolean;
  /** Only a deferral to the person's own doctor ("talk to your doctor"). */
  readonly deferralOnly: boolean;
  /** "if I were you", "if that was my knee": the author puts themselves in a reader's place. */
  readonly counterfactual: boolean;
  /** "if you're over 40", "people with": a condition that describes a population. */
  readonly genericIf: boolean;
  /** Opens on a hypothetical about the reader's results ("If your report says dense, ..."). */
  readonly hypothetical: boolean;
  /** Points at a finding or body part: "that lump", "this pacemaker". */
  readonly deictic: boolean;
  /** "your gallbladder": the reader's own body part. */
  readonly ownBody: boolean;
  /** Closes on a plural audience: "..., colleagues." */
  readonly pluralAudience: boolean;
  /** Opens by addressing one person: "Maria, ...", "girl, your TSH ...". */
  readonly vocative: boolean;
}

const MAX_CACHE = 2000;
const cache = boundedCache<string, SentenceAdvice>();

type LazyDoc = () => ReturnType<typeof parse> | undefined;

function isQuestion(text: string, doc: LazyDoc): boolean {
  const t = text.trim();
  if (/\?["')\]]*\s*(?:[\p{Emoji_Presentation}\s]*)$/u.test(t)) return true;
  if (/[.!]$/.test(t)) return false;
  const body = t.replace(HANDLE_START, '').replace(SOFTENERS, '').trim();
  // compromise's isQuestion misses questions without '?': a sentence opening on an auxiliary or a
  // wh-word and not ending with '.' or '!' is a question.
  if (QUESTION_START.test(body)) return true;
  return doc()?.questions().found ?? false;
}

/**
 * Imperatives with a medical-action verb: at the start of the sentence ("Take 500 mg twice daily",
 * "Go see your doctor": compromise may tag the first word a noun), after a conditional clause
 * ("if he is vomiting, take him to the ER"), or chained after another imperative ("stop X and get
 * Y"). A verb after a plain "and" in a statement ("a radiologist who can read it and call") is not.
 */
function imperative(text: string, doc: LazyDoc, named = false): boolean {
  const body0 = text.replace(HANDLE_START, '').trim();
  if (ADMIN_CALL.test(body0)) return false;
  if (PROHIBITION.test(body0) || URGENT.test(body0)) return true;
  const body = (named ? body0.replace(NAME_BARE, '') : body0).replace(KIN_NAME, '').replace(SOFTENERS, '').replace(ELIDED_MODAL, '') || body0;
  let open = true; // may the next piece start with an imperative?
  // `findings = go to the ED`, `fever + neck stiffness -> get seen today`: what follows an arrow may
  // open on an imperative, whatever came before it
  const pieces = body.split(IMPLIES).flatMap((segment, k) => segment.split(STRONG_SPLIT).map((piece, j) => ({ piece, opens: k > 0 && j === 0 })));
  for (const { piece, opens } of pieces) {
    if (opens) open = true;
    const clauses = piece.split(WEAK_SPLIT);
    let chain = open;
    for (const raw0 of clauses) {
      const raw = raw0.replace(/^["'(\s]+/, '');
      const c0 = raw.replace(SOFTENERS, '').replace(ELIDED_MODAL, '');
      const c = c0.replace(NEGATED_IMPERATIVE, '').replace(SOFTENERS, '');
      const isImp = chain && (ACTION_VERB.test(c) || DONT_LET.test(c0));
      if (isImp) return true;
      chain = false;
    }
    // The next piece may open on an imperative when this one set up a condition, addressed the
    // reader ("your dose is too low, ask for more") or was a single word ("Maria, get to urgent care").
    // A short lead-in ("Must stress this:", "Real talk -") may also precede an imperative.
    // (not an audience: "Everyone over 45: get screened" speaks to a population).
    open = (CONDITION.test(piece) && !GENERIC_IF.test(piece.toLowerCase())) || (piece.trim().split(/\s+/).length <= 3 && !GENERIC.test(piece.toLowerCase())) || SECOND_PERSON.test(piece) || /^\S+$/.test(piece.trim()) || ADDRESSEE_OPENER.test(piece.trim());
  }
  // compromise's #Imperative as a last resort, for openers our softener list does not know.
  // Statements open on a subject or a determiner: no need to ask compromise.
  if (!/^[A-Za-z]/.test(body) || ACTION_VERB.test(body) || /^(?:i|i'm|i've|i'd|we|you|he|she|they|it|it's|this|that|that's|the|a|an|my|our|his|her|their|there|these|those|what|how|why|if|when|no|not|[a-z]+(?:ed|ing|ly))\b/i.test(body)) return false;
  if (!ACTION_VERB_ANYWHERE.test(body)) return false;
  const d = doc();
  if (!d || !d.has('^#Imperative')) return false;
  const first = d.terms().first().text('normal');
  return ACTION_VERB.test(body.slice(body.toLowerCase().indexOf(first) + first.length).replace(/^[^a-z]+/i, ''));
}

/**
 * A sentence that opens on a vocative: a word from rules (girl, sis, mate) or a first name before a
 * comma. compromise decides whether a capitalised word is a name (parsed only for such openers);
 * an unknown singular noun counts when the sentence also says "you"/"your" ("Priya, your MRI ...").
 */
function vocative(text: string, doc: LazyDoc): boolean {
  const body = text.replace(/^["'(\s]+/, '');
  if (VOCATIVE_WORD.test(body)) return true;
  // `Mr. Haskins, I saw your CT` addresses him; `Mr. Haskins, by the way, did well` is about him
  if (HONORIFIC_COMMA.test(body)) return SECOND_PERSON.test(text);
  const m = NAME_COMMA.exec(body);
  // "Colonoscopy, FIT, ...": a list of tests, not a name
  if (!m || SOFTENERS.test(m[1]) || ACTION_VERB.test(m[1]) || MEDICAL.test(m[1].toLowerCase())) return false;
  const d = doc();
  if (!d) return false;
  const term = d.terms().filter((t) => t.text('normal') === m[1].toLowerCase()).first();
  if (!term.found) return false;
  if (term.has('#FirstName') || term.has('#Person')) return true;
  return SECOND_PERSON.test(text) && term.has('#Singular') && !term.has('(#Date|#Uncountable|#Verb|#Adverb|#Adjective|#Pronoun|#Determiner|#Preposition|#Conjunction|#Actor)');
}

/** The first words of a sentence (at most 8), cut at its first full stop: enough to tag the first word. */
function headOf(text: string): string {
  const head = /^\S+(?:\s+\S+){0,7}/.exec(text.trimStart())?.[0] ?? text;
  const stop = /[.!?](?=\s)/.exec(head);
  return stop ? head.slice(0, stop.index + 1) : head;
}

/** "Rosa ask them ...": a first name (compromise decides) then an imperative or a softener. */
function bareName(text: string, doc: LazyDoc): boolean {
  const m = NAME_BARE.exec(text.replace(/^["'(\s]+/, ''));
  if (!m || m[1].endsWith('s') || SOFTENERS.test(m[1]) || ACTION_VERB.test(m[1])) return false;
  const rest = text.replace(/^["'(\s]+/, '').slice(m[0].length);
  if (!SOFTENERS.test(rest) && !ACTION_VERB.test(rest)) return false;
  const d = doc();
  const term = d?.terms().filter((t) => t.text('normal') === m[1].toLowerCase()).first();
  return !!term?.found && (term.has('#FirstName') || term.has('#Person'));
}

export function sentenceFeatures(text: string): SentenceAdvice {
  const hit = cache.get(text);
  if (hit) return hit;
  const lower = text.toLowerCase();
  const addressed = ADDRESSEE.test(lower);
  const medicalHit0 = MEDICAL.test(lower) || MEDICAL_CS.test(text) || DOSE.test(lower) || DOSE_FREQ.test(lower);
  const directiveQuestion = DIRECTIVE_QUESTION.test(text.replace(HANDLE_START, '').trim());
  const modalText = lower.includes('see') || lower.includes('hear') ? lower.replace(SEE_IDIOM, (m, tail: string) => (MEDICAL.test(tail) ? m : ' ')) : lower;
  const youModal = YOU_MODAL.test(modalText) || YOU_CONTRACTED.test(lower) || YOU_DIRECTED.test(lower) || directiveQuestion;
  const threat = THREAT.test(lower);
  // "you could lose the foot": losing a body part is a medical stake in itself
  const medicalStake = threat && BODY_PART.test(lower);
  const medicalHit = medicalHit0 || medicalStake;
  const recommends = RECOMMEND.test(lower);
  const cheapDirective = youModal || OTHER_MODAL.test(lower) || WOULD.test(lower) || COUNTERFACTUAL.test(lower) || recommends || threat;
  const firstWord = text.replace(HANDLE_START, '').replace(/^["'(\s]+/, '').replace(SOFTENERS, '');
  // Parse only sentences that could hold advice: compromise is the costly part.
  const worth = addressed || cheapDirective || HANDLE.test(text) || ACTION_VERB.test(firstWord) || /[,;:]/.test(text);
  // compromise is the costly part: parse only when our own rules leave the question open.
  let parsed: ReturnType<typeof parse> | undefined | null = null;
  const doc: LazyDoc = () => (parsed === null ? (parsed = worth && medicalHit ? parse(text) : undefined) : parsed);
  // The imperative and vocative checks read only the first word's tags: parse the sentence's head
  // (its first words, up to its first full stop) unless the whole sentence is parsed already.
  const headDoc: LazyDoc = () => (parsed ? parsed : worth && medicalHit ? parse(headOf(text)) : undefined);
  const nameDoc: LazyDoc = () => (parsed ? parsed : parse(headOf(text)));
  const question = !directiveQuestion && isQuestion(text, doc);
  const named = KIN_NAME.test(text.replace(/^["'(\s]+/, '')) || (NAME_BARE.test(text.replace(/^["'(\s]+/, '')) && bareName(text, nameDoc));
  let directive: SentenceAdvice['directive'] = '';
  if (youModal) directive = 'you-modal';
  else if (OTHER_MODAL.test(lower)) directive = 'other-modal';
  else if (COUNTERFACTUAL.test(lower) || WOULD.test(lower) || recommends || threat) directive = 'would';
  else if (imperative(text, headDoc, named)) directive = 'imperative';
  // "Need a second read on this CT": a sentence opening on "need" leaves out "I", not a finding
  else if (THING_MODAL.test(lower) && !/^[^a-z]*(?:need|needs|require|requires|warrants)\b/.test(lower)) directive = 'thing-modal';
  // "sounds like you have a meniscus tear" interprets the reader's own condition.
  const ownFindings = YOUR_OWN.test(lower) || YOUR_TEST.test(lower) || (INTERPRET_YOU.test(lower) && DIAGNOSIS.test(lower));
  const deferral = DEFERRAL.test(lower);
  const f: SentenceAdvice = {
    addressed,
    ownFindings,
    relative: YOUR_RELATIVE.test(lower),
    medical: medicalHit,
    question,
    directive,
    interprets: INTERPRET.test(lower) && (DIAGNOSIS.test(lower) || ownFindings),
    channel: CHANNEL.test(lower) || (CHANNEL_PROMISE.test(lower) && /\b(?:your|ur)\b/.test(lower) && medicalHit),
    // "so many of you messaged me" thanks a crowd; "about your situation" in a deferral answers no one
    reply: REPLY.test(lower) && !deferral && !/\b(?:of|all)\s+(?:you|u)\s+(?:\w+\s+)?(?:messaged|asked|sent|dm['’]?d|shared|mentioned|posted|wrote)\b/.test(lower),
    generic: GENERIC.test(lower),
    colleague: COLLEAGUE.test(lower),
    declines: DECLINE.test(lower),
    deferralOnly: deferral && !WOULD.test(lower) && !youModal && !OTHER_MODAL.test(lower) && !recommends,
    counterfactual: COUNTERFACTUAL.test(lower),
    genericIf: GENERIC_IF.test(lower),
    hypothetical: HYPOTHETICAL.test(lower),
    deictic: DEICTIC.test(lower),
    ownBody: YOUR_BODY.test(lower),
    pluralAudience: PLURAL_VOCATIVE.test(text.trim()),
    // decided on first use (it may parse the sentence), then kept with the sentence's features
    get vocative(): boolean {
      const opener = text.replace(/^["'(\s]+/, '');
      const v = named || (NAME_COMMA.test(opener) || VOCATIVE_WORD.test(opener) || HONORIFIC_COMMA.test(opener) ? vocative(text, nameDoc) : false);
      Object.defineProperty(this, 'vocative', { value: v });
      return v;
    },
  };
  setBounded(cache, text, f, MAX_CACHE);
  return f;
}

export interface AdviceSentence {
  readonly sentence: Sentence;
  readonly score: number;
  readonly reason: 'channel' | 'directive' | 'interprets';
  readonly pattern: string;
}

/** The advice sentences of a draft, from cached per-sentence features and draft-level cues. */
/** A statement about a result, not a machine or a workflow ("your CT is the bottleneck"). */
const FINDING_WORD = /\b(?:report|results?|findings?|label|impression|reading|shows?|showed|says|said|numbers|levels?|nodules?|mass|lesion|cyst|fracture|tear|score|stage|grade|diagnosis)\b/i;

export function adviceSentences(ctx: Pick<DetectContext, 'text' | 'sentences'>): AdviceSentence[] {
  const feats = ctx.sentences.map((s) => sentenceFeatures(s.text));
  const handleReply = HANDLE_START.test(ctx.text.trimStart());
  // Whether the draft answers someone: asked only for sentences that could be advice (the vocative
  // check may parse the sentence).
  let replyMemo: boolean | undefined;
  const reply = () => (replyMemo ??= handleReply || feats.some((f) => f.reply || f.vocative));
  // "..., colleagues." closes on a plural audience: general, like "everyone".
  const generic = feats.some((f) => f.generic || f.pluralAudience);
  const colleague = feats.some((f) => f.colleague);
  const declines = feats.some((f) => f.declines);
  // Someone specific is in view: a reply, their relative, or their own scan or body part.
  // "Your CT is the bottleneck" (a scanner) or "in your reports" (a colleague's) is no one's own
  // scan: own findings count only in a statement that interprets them or directs care.
  let specificMemo: boolean | undefined;
  // A statement about the reader's own findings ("the label on your thyroid ultrasound is doing a
  // lot of work") or, outside colleague talk, a pointed-at finding ("that lump") in a draft that
  // directs care also puts one person in view.
  const population = feats.some((f) => f.genericIf);
  const specificPerson = () =>
    (specificMemo ??= reply() || feats.some((f, i) => !f.question && (f.relative || (f.ownFindings && f.medical && (f.interprets || f.directive !== '' || (f.addressed && !population && !f.hypothetical && FINDING_WORD.test(ctx.sentences[i].text)))) || (f.deictic && !colleague && f.directive !== ''))));
  const out: AdviceSentence[] = [];
  feats.forEach((f, i) => {
    const s = ctx.sentences[i];
    if (f.channel && !f.declines && !/\b(?:don['’]?t|do not|never|please don['’]?t)\s+(?:\w+\s+)?(?:dm|send|message|post)/i.test(s.text)) {
      out.push({ sentence: s, score: 0.85, reason: 'channel', pattern: 'offer-to-read' });
      return;
    }
    if (f.question || (!f.directive && !f.interprets)) return;
    // "If your report says X, ..." teaches everyone who has such a report, unless it answers someone.
    if (f.hypothetical && !reply()) return;
    // A general audience ("PSA", "everyone", "in general") or a declined read: general education.
    // "in your shoes" speaks to one reader even when the draft also says "anyone".
    if ((generic || declines) && !reply() && !f.counterfactual) return;
    const near = f.medical || (i > 0 && feats[i - 1].medical) || (i + 1 < feats.length && feats[i + 1].medical);
    const specific = f.ownFindings || f.relative || specificPerson();
    if (colleague && !specific) return;
    const addressed = f.addressed || specificPerson() || f.counterfactual;
    // Modal advice names its medical action in the sentence ("you need surgery"; "before you need
    // it" is not); a bare imperative may lean on its neighbour ("Please go." after the ER line).
    const short = s.text.split(/\s+/).length <= 10;
    // "stop X until someone checks your gallbladder": an imperative about the reader's own body
    // or a pointed-at finding outside colleague talk ("why haven't you had that mole looked at")
    const medicalEnough = f.medical || (f.directive === 'imperative' && f.ownBody) || (f.deictic && !colleague) || ((f.directive === 'imperative' || f.directive === 'would') && near && short);
    if (f.directive && medicalEnough && addressed && !f.deferralOnly) {
      // Third-person subjects ("he needs") and bare imperatives ("Ask what happens after the scan")
      // need someone specific in view; "you should" does too when its condition describes a
      // population ("if you're over 40, you should").
      if ((f.directive === 'other-modal' || f.directive === 'imperative' || f.directive === 'thing-modal') && !specific) return;
      // "X needs a biopsy" names its medical action in the sentence itself.
      if (f.directive === 'thing-modal' && !f.medical) return;
      if (f.directive === 'you-modal' && f.genericIf && !specific) return;
      const score = specific || f.counterfactual ? 0.8 : 0.65;
      out.push({ sentence: s, score, reason: 'directive', pattern: f.directive });
      return;
    }
    if (f.interprets && f.medical && (f.ownFindings || (specificPerson() && (f.addressed || reply())))) {
      out.push({ sentence: s, score: f.ownFindings ? 0.75 : 0.65, reason: 'interprets', pattern: 'interprets-findings' });
    }
  });
  return out;
}

const MESSAGES: Record<AdviceSentence['reason'], string> = {
  channel: 'Offers to read a person\'s own scans or results. That can look like a doctor-patient relationship; offer general information instead.',
  directive: 'Tells a specific person what to do medically. Make it general (what people in this situation should discuss with their own doctor) so it cannot be read as a doctor-patient relationship.',
  interprets: 'Interprets a specific person\'s own findings. Speak about such findings in general and point them to their own doctor, so it cannot be read as a doctor-patient relationship.',
};

/** The rewrite of an advice sentence, cached per distinct sentence like its features. */
const suggestions = boundedCache<string, string>();

function suggestionFor(text: string): string {
  const hit = suggestions.get(text);
  if (hit !== undefined) return hit;
  const s = generalizeAdvice(text);
  setBounded(suggestions, text, s, MAX_CACHE);
  return s;
}

export const advice = defineDetector({
  id: 'advice',
  category: 'advice',
  types: ['PATIENT_ADVICE'],
  detect(ctx): Candidate[] {
    return adviceSentences(ctx).map((a) => ({
      detectorId: 'advice',
      type: 'PATIENT_ADVICE',
      start: a.sentence.start,
      end: a.sentence.end,
      score: a.score,
      severity: 'warn',
      contextDone: true,
      message: MESSAGES[a.reason],
      suggestion: suggestionFor(a.sentence.text),
      explanation: { pattern: a.pattern, baseScore: a.score, validation: a.reason },
    }));
  },
});
