import labels from '../../../rules/identifier-labels.json';
import roles from '../../../rules/unique-roles.json';
import { ci, degenerateId, digitsOf, labelled, type PatternDetectorSpec, runPatterns, sentenceIndexAt } from '../patterns';
import { defineDetector, type Candidate, type DetectContext } from '../types';

/**
 * Any other unique identifying number, characteristic or code (HIPAA Safe Harbor (b)(2)(i)(R)):
 * an inmate, badge, employee or student number; the text of a tattoo; a role only one person
 * holds where they live (`the only pharmacist in <town>`, `the county sheriff`, `the <Team>'
 * starting pitcher`, `the <School> High sophomore`, `one of the last living <group>`, a rare
 * competitive sport). Roles count only in a draft about a case (a scan, a read, an injury):
 * `the county sheriff spoke at our gala` is not PHI.
 */
const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map(ci).join('|');
// a capitalised word, bounded and starting at a word boundary, so the regexes stay linear
const CAP = String.raw`(?<![\w'’.\-])[A-Z][\w'’.\-]{0,30}`;
const PATTERNS: { name: string; regex: RegExp; score: number; group?: number }[] = [
  // the only pharmacist in Lusk, the sole veterinarian, the last remaining blacksmith
  { name: 'only-role', score: 0.75, regex: new RegExp(String.raw`\b(?:[Tt]he|[Oo]ur) (?:(?:${alt(roles.placeOwners)})'s )?(?:only|sole|last remaining|last|one and only) (?:(?:[a-z\-]+ ){0,2})(?:${alt(roles.occupations)})(?![A-Za-z])`, 'g') },
  // the last ferryman on Tern Island, the only taxidermist in Harlow: a person's trade (by its
  // suffix) that one person holds in a named place (the place is the location detector's)
  { name: 'only-role-place', score: 0.7, regex: new RegExp(String.raw`\b(?:[Tt]he|[Oo]ur) (?:only|sole|last remaining|last|one and only|last working|last full-time) (?:[a-z\-]+ ){0,2}?[a-z\-]{2,}(?:keeper|master|smith|wright|maker|herd|man|woman|ist|ian|eer|ier)(?= (?:on|in|of|at|for) ${CAP})`, 'g') },
  // the choir director at our church, the scoutmaster of our troop
  { name: 'community-role', score: 0.7, regex: new RegExp(String.raw`\b[Tt]he (?:[a-z\-]+ ){0,2}?(?:${alt(roles.communityRoles)}) (?:at|of|for|in) (?:our|the|my|this) (?:local |little |small )?(?:${alt(roles.communityOrgs)})(?![A-Za-z])`, 'g') },
  // the high school football coach, the varsity band director
  { name: 'school-staff', score: 0.7, regex: new RegExp(String.raw`\b[Tt]he (?:${alt(roles.schoolScopes)}) (?:[a-z\-]+ )?(?:${alt(roles.schoolStaff)})(?![A-Za-z])`, 'g') },
  // principal viola in our city's symphony, first-chair oboe with the Philharmonic
  { name: 'ensemble-chair', score: 0.7, regex: new RegExp(String.raw`\b(?:[Pp]rincipal|[Ff]irst[- ]chair|[Ss]econd[- ]chair|[Cc]oncertmaster|[Ss]ection leader)(?: (?:${alt(roles.instruments)}))?(?: (?:in|of|with|for|at) (?:our|the|my|this) (?:[\w'’\-]+ ){0,3}?(?:${alt(roles.ensembles)}))(?![A-Za-z])`, 'g') },
  // the kid from the national cereal commercial
  { name: 'known-from-media', score: 0.6, regex: new RegExp(String.raw`\b[Tt]he (?:${alt(roles.mediaPeople)}) (?:from|in|on) (?:the|that) (?:[a-z\-]+ ){0,3}(?:${alt(roles.mediaSources)})(?![A-Za-z])`, 'g') },
  // one of the last living Tuskegee Airmen
  { name: 'last-of-group', score: 0.7, regex: new RegExp(String.raw`\bone of the (?:last|few|only|final) (?:living |surviving |remaining )?(?:${CAP} ){0,4}${CAP}`, 'g') },
  // the county sheriff, the town mayor, the school principal
  { name: 'office-holder', score: 0.7, regex: new RegExp(String.raw`\b(?:[Tt]he|[Oo]ur) (?:(?:${alt(roles.officeModifiers)}) )?(?:(?:${alt(roles.officeScopes)}) )?(?:${alt(roles.offices)})(?![A-Za-z]|'s)(?: (?:in|of) ${CAP}(?: ${CAP})?)?`, 'g') },
  // the Blue Herons' starting pitcher
  { name: 'team-role', score: 0.7, regex: new RegExp(String.raw`\b[Tt]he (?:${CAP} ){0,3}${CAP}(?:'s?|’s?) (?:${alt(roles.teamRoles)})(?![A-Za-z])`, 'g') },
  // Riverside High sophomore, the Lincoln Academy goalie
  { name: 'school-role', score: 0.7, regex: new RegExp(String.raw`(?:${CAP} ){1,3}(?:High|Middle|Academy|Prep|College)(?: School)?(?:'s)? (?:${alt(roles.schoolRoles)})(?![A-Za-z])`, 'g') },
  // captained the San Juan ferry run for 40 years, ran the Main Street diner for three decades
  { name: 'long-tenure', score: 0.6, regex: new RegExp(String.raw`\b(?:captained|ran|owned|founded|coached|led|piloted|managed|kept|operated|pastored) the (?:${CAP} ){1,4}(?:[a-z\-]+ ){0,2}[a-z\-]+ for (?:\d+|[a-z]+) (?:years|decades)\b`, 'g') },
  // competitive teenage sled-dog racer
  { name: 'rare-athlete', score: 0.6, regex: new RegExp(String.raw`\b(?:${alt(roles.athleteLevels)}) (?:(?:teenage|teen|young|retired|former|female|male|amateur|local) )?(?:[a-z]+-)*[a-z]+ (?:${alt(roles.rareAthletes)})(?![A-Za-z])`, 'g') },
];
/** A tattoo's words are as unique as a name: `tattoo reading "Rosalind & Bear 1987"`. */
const TATTOO = /\btattoo(?:ed|s)?\b[^."\n]{0,40}?\b(?:reading|reads|that reads|which reads|saying|says|that says|of the words|with the words|spelling|spells)\s*[:,]?\s*["“]([^"”\n]{2,60})["”]/gi;
/** Quoted words right after a tattoo's place: `the tattoo on her ankle, "Semper Fi Papa"`. */
const TATTOO_QUOTED = /\btattoo(?:ed|s)?\b[^."“\n]{0,40}?[,:\-–—]\s*["“]([^"”\n]{2,60})["”]/gi;
/** Capitals right before `tattooed`: `BORN TO SCAN tattooed on his forearm`, `MOM inked across...`. */
const TATTOO_CAPS = /(?<![\w'’])([A-Z][A-Z'’&]+(?:[ \t]+[A-Z0-9][A-Z0-9'’&]*){0,5})[ \t]+(?:tattooed|inked)[ \t]+(?:on|across|over|along|down|inside|under|around|onto|in)\b/g;
/** Unquoted tattoo text after `says`/`reading`: `a tattoo on his back that says Semper Fi Grandpa.` */
const TATTOO_BARE = /\btattoo(?:ed|s)?\b[^."“\n]{0,40}?\b(?:reading|reads|that reads|which reads|saying|says|that says|that said|spelling|spells)\s*[:,]?\s+([A-Z][\w'’&]*(?:[ \t]+[\w'’&]+){0,5}?)(?=[ \t]*(?:[.,;!?)\n]|$|[ \t]+(?:on|across|in|and|but|which|so)\b))/g;

/** The draft is about a case: a scan, a read, an injury. */
const CASE = /\b(?:clinic|came in|come in|brought in|walked in|saw (?:him|her|them)|seen|visit|appointment|hospital\w*|frostbit\w*|scan\w*|pan-?scan|ct|mri|mr|x-?rays?|films?|radiograph\w*|ultrasound|imag(?:ed|ing)|read|reading|patient|pt|biopsy|fracture\w*|trauma|injur\w*|hurt|admitted|presented|diagnos\w*|ed|er|icu|surgery|sdh|bleed|mass|tumou?r|case)\b/;

/** News everyone has already seen: a public figure's injury is public knowledge, not the author's disclosure. */
const PUBLIC_NEWS = /\b(?:trending|went viral|is viral|injury report|press conference|on espn|on the news|in the news|headlines|per reports|reportedly|sportscenter)\b/;

/** The author or a colleague, not the patient: `I was the only radiologist`, `the sheriff asked us`. */
const SELF_BEFORE = /\b(?:i|i'm|i am|i was|we|we're|we were|as|my|our)\s+(?:\w+\s+)?$/;
const AGENT_AFTER = /^\s+(?:asked|requested|called|sent|wanted|ordered|said|told|spoke|presented|signed|thanked|invited|announced|wrote|emailed|texted|paged)\b/;

/** Compiled once. Inmate number (DOC #A774219), badge #4471, employee ID 88-2210. */
const LABELLED_SPEC: PatternDetectorSpec = {
  id: 'unique-id',
  type: 'UNIQUE_ID',
  patterns: [labelled('id-labelled', labels.uniqueId, 0.85)],
  invalidate: (v) => digitsOf(v).length < 3 || degenerateId(v),
};

function caseNearby(ctx: DetectContext, pos: number): boolean {
  const i = sentenceIndexAt(ctx.sentences, pos);
  if (i < 0) return ctx.patientContext;
  const from = ctx.sentences[Math.max(0, i - 1)].start;
  const to = ctx.sentences[Math.min(ctx.sentences.length - 1, i + 1)].end;
  return CASE.test(ctx.lower.slice(from, to));
}

export const uniqueId = defineDetector({
  id: 'unique-id',
  category: 'phi',
  scope: 'paragraph',
  types: ['UNIQUE_ID'],
  context: {
    boost: ['inmate', 'prisoner', 'badge', 'employee', 'student', 'tattoo'],
    suppress: ['cpt', 'icd', 'doi', 'pmid', 'isbn', 'nct', 'phone', 'fax'],
    window: 6,
  },
  detect(ctx) {
    const out: Candidate[] = runPatterns(LABELLED_SPEC, ctx.text);
    const push = (start: number, end: number, name: string, score: number) =>
      out.push({ detectorId: 'unique-id', type: 'UNIQUE_ID', start, end, score, contextDone: true, explanation: { pattern: name, baseScore: score } });
    TATTOO.lastIndex = 0;
    for (let m = TATTOO.exec(ctx.text); m; m = TATTOO.exec(ctx.text)) {
      const start = m.index + m[0].lastIndexOf(m[1]);
      push(start, start + m[1].length, 'tattoo-text', 0.8);
    }
    TATTOO_QUOTED.lastIndex = 0;
    for (let m = TATTOO_QUOTED.exec(ctx.text); m; m = TATTOO_QUOTED.exec(ctx.text)) {
      const start = m.index + m[0].lastIndexOf(m[1]);
      push(start, start + m[1].length, 'tattoo-text', 0.8);
    }
    for (const re of [TATTOO_CAPS, TATTOO_BARE]) {
      re.lastIndex = 0;
      for (let m = re.exec(ctx.text); m; m = re.exec(ctx.text)) {
        const start = m.index + m[0].indexOf(m[1]);
        // a lone acronym (`ICU`, `CT`) is not tattoo text
        if (re === TATTOO_CAPS && !/[ \t]/.test(m[1]) && m[1].length < 3) continue;
        push(start, start + m[1].length, 'tattoo-text', 0.75);
      }
    }
    for (const p of PATTERNS) {
      p.regex.lastIndex = 0;
      for (let m = p.regex.exec(ctx.text); m; m = p.regex.exec(ctx.text)) {
        const end = m.index + m[0].length;
        if (SELF_BEFORE.test(ctx.lower.slice(Math.max(0, m.index - 20), m.index))) continue;
        if (AGENT_AFTER.test(ctx.lower.slice(end, end + 20))) continue;
        if (PUBLIC_NEWS.test(ctx.lower)) continue;
        if (caseNearby(ctx, m.index)) push(m.index, end, p.name, p.score);
      }
    }
    return out;
  },
});
