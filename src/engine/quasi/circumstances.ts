import dateWords from '../../../rules/date-words.json';
import events from '../../../rules/traceable-events.json';
import features from '../../../rules/traceable-features.json';
import { PhraseIndex, phraseKey, tokenize, type QuasiPart, type Token } from './phrases';

/**
 * TIME, EVENT and FEATURE quasi-identifiers of one sentence (GUIDELINE.md `traceable`).
 *
 * TIME: when the case happened (`this morning`, `last Saturday`, `Friday night's`, `over the
 * holiday`, `back in 2017`, `this March`, `over spring break`, a year before an event: `the 2023 silo
 * rescue`), not a conference session, a quiz, an awareness day, a guideline's or a paper's year, a
 * deadline or a duration (`since 2019`), nor the author's own appointment (`years ago` and
 * `recently` are not narrow).
 * EVENT: a newsworthy circumstance (`the propane explosion at the diner`, `mauled by a grizzly`,
 * `the county fair ride collapse`): a vehicle against a large animal (`pickup vs elk`), an animal
 * attack (`bitten by the zoo's tiger`, `a bison charged her`), a race, fair or festival the patient
 * took part in (`dropped out of the race`, not `marathon runners get stress fractures`), a count of
 * people with what befell them (`five hikers were rescued`); everyday injuries (a fall on ice, a
 * fender bender, a dog bite) are not news.
 * FEATURE: a unique physical feature or object (`27 magnets`, `a screwdriver in his orbit`, `a
 * port-wine stain over the forehead`, `identical twin with the same films`, `twin pregnancy at 61`,
 * `swallowed a toothbrush`, `a retained surgical sponge`, `shrapnel from Vietnam`, `ran a marathon
 * with an LVAD`, `magnets implanted in her fingertips`, a tattoo with a name, date or quoted text);
 * not a common implant on a film or an everyday foreign body (a coin in a toddler) uncounted.
 */

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const alt = (xs: readonly string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map(esc).join('|');
/** The word keys of a list of phrases: a sentence without any of them cannot match its regex. */
const keysOf = (...lists: readonly (readonly string[])[]) => new Set(lists.flat().flatMap((p) => phraseKey(p).split(' ')));
const firstKeysOf = (...lists: readonly (readonly string[])[]) => new Set(lists.flat().map((p) => phraseKey(p).split(' ')[0]));
const lastKeysOf = (...lists: readonly (readonly string[])[]) => new Set(lists.flat().map((p) => phraseKey(p).split(' ').pop()!));

const WEEKDAY = alt(dateWords.weekdays.filter((d) => d.length > 3));
const TIME_RE = new RegExp(String.raw`(?<![\w'])(?:(?:${alt(dateWords.relative)})(?:'s)?|(?:${alt(dateWords.holidays)})(?:'s)?|(?:over|during|on|after)\s+the\s+(?:holidays?|long weekend|break)|(?:(?:last|this past|this|past|on)\s+)?(?:${WEEKDAY})(?:'s)?(?:\s+(?:night|morning|afternoon|evening)(?:'s)?)?|(?:last|this)\s+(?:month|week|weekend|summer|winter|spring|fall)|(?:a|one|two|three|a few|several|\d{1,2})\s+(?:days?|nights?|weeks?)\s+ago|earlier\s+(?:today|this\s+week))(?![\w'])`, 'gi');
/** A time that dates something other than the patient's care. */
const NOT_CARE = new RegExp(String.raw`\b(?:${alt(dateWords.event)}|awareness|day\s+today|unknown|webinar|ama|my own|my (?:hand|chest|knee|own|x-rays?|scans?|mri|results))\b`, 'i');
/** `the 2024 fireworks barge explosion`: a year right before an event phrase */
const YEAR_BEFORE = /\b((?:19|20)\d\d)\s+$/;

const T = events.time;
/** Full month names (and `Sept`): `mar`, `may` in lower case and the like are words, checked below. */
const MONTH = alt(Object.keys(dateWords.months).filter((m) => m.length > 3 || m === 'may'));
const SEASON = alt(T.seasons);
/** back in 2017, in early 2020, during 2019, the summer of 2018, in mid-2021 */
const YEAR_TIME = new RegExp(String.raw`(?<![\w'])(?:(?:back\s+)?(?:in|during)\s+(?:(?:early|late)\s+|mid-\s?)?|(?:the\s+)?(?:${SEASON})\s+(?:of\s+)?)((?:19|20)\d\d)(?![\w'’]|\s*[-–/]\s*\d)`, 'gi');
/** this March, last November, in early May 2019, March 14th, the 3rd of June, the first week of April */
const MONTH_TIME = new RegExp(String.raw`(?<![\w'])(?:(?:(?:back\s+)?in\s+(?:(?:early|late)\s+|mid-\s?)?|(?:this\s+past|this|last|early|late)\s+|mid-\s?|(?:week|weekend|end|middle|beginning|night|day|morning)\s+of\s+|\d{1,2}(?:st|nd|rd|th)?\s+of\s+)(${MONTH})|(${MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?![\d%]|\s*(?:mg|mm|cm|kg|patients|cases|percent)\b))(?:,?\s+(?:of\s+)?(?:19|20)\d\d)?(?![\w'’])`, 'gi');
/** over spring break, the other night, a couple of days ago, this past autumn, two Fridays ago */
const TIME_EXTRA = new RegExp(String.raw`(?<![\w'])(?:(?:over|during|on|after|before|at)\s+)?(?:${alt([...T.seasonBreaks, ...T.relative])}|the\s+other\s+(?:day|night|morning|evening)|(?:this\s+past|last|this)\s+(?:${SEASON})|(?:two|three|a\s+couple\s+of)\s+(?:${WEEKDAY})s\s+ago)(?![\w'])`, 'gi');
const MONTH_WORD = new RegExp(String.raw`\b(?:${MONTH})\b`, 'i');
/** The year of a guideline, a paper, a classification or the field's history, not of a case. */
const YEAR_NOT_CARE = new RegExp(String.raw`\b(?:${alt(T.yearNotCare)})\b`, 'i');
/** Words right before a time that make it a deadline, a plan, a habit or a duration. */
const NOT_THIS_CASE = /\b(?:every|each|next|coming|by|until|till|since|through|before|from|starting|beginning|due)\s+$/i;

const EVENT_INDEX = new PhraseIndex<'strong' | 'weak' | 'verb'>();
for (const n of events.nouns) EVENT_INDEX.add(n, 'strong');
for (const v of events.verbPhrases) EVENT_INDEX.add(v, 'verb');
const WEAK = new Set(events.weakNouns);
const NEWSY = new PhraseIndex<true>();
for (const n of events.newsy) NEWSY.add(n, true);
/** Head nouns that are ambiguous in radiology: a newsy word must be right before them. */
const NEEDS_NEWSY = new Set(['collapse', 'rescue', 'blast', 'rollover', 'flood', 'shooting', 'drowning', 'electrocution']);
const EVENT_STOP_AFTER = /^\s*(?:pain|pains|sensation|therapy|medication|dose|star|gun\b)/i;
const DETERMINER = new Set(['the', 'a', 'an', 'that', 'this', 'our', 'last', 'saturday', 'sunday', 'friday']);

/** Wild animals (their attacks are news; `domestic` ones only through a verb) and road animals. */
const DOMESTIC = new Set(events.animals.domestic);
const WILD = new PhraseIndex<true>();
/** `lion` -> `lions`, `wolf` -> `wolfs` is harmless; lists name plurals that are irregular. */
const plural = (a: string) => (/(?:s|x|ch|sh)$/.test(a) ? `${a}es` : `${a}s`);
for (const a of events.animals.wild) {
  WILD.add(a, true);
  WILD.add(plural(a), true, false);
  if (!DOMESTIC.has(a)) NEWSY.add(a, true, false);
}
const ROAD = new PhraseIndex<true>();
for (const a of [...events.animals.road, 'train', 'freight train']) {
  ROAD.add(a, true);
  ROAD.add(plural(a), true, false);
}
const VEHICLE_LAST = new Set(events.vehicles.map((v) => phraseKey(v).split(' ').pop()!));
const ATTACK_PASSIVE = new PhraseIndex<true>();
for (const v of events.attackVerbs.passive) ATTACK_PASSIVE.add(v, true);
const ATTACK_ACTIVE = new Set(events.attackVerbs.active);
/** `hit a deer`, `collided with an elk`, `swerved to avoid a moose` */
const COLLIDE = new PhraseIndex<true>();
for (const v of ['hit', 'hitting', 'struck', 'striking', 'collided with', 'colliding with', 'swerved to avoid', 'swerving to avoid', 'crashed into', 'ran into', 'plowed into']) COLLIDE.add(v, true);
const GATHERING = new PhraseIndex<'notable' | 'ordinary'>();
for (const g of events.gatherings) GATHERING.add(g, 'ordinary');
for (const g of events.notableGatherings) GATHERING.add(g, 'notable');
type Part = 'past' | 'ongoing' | 'prep';
const PARTICIPATE = new PhraseIndex<Part>();
for (const v of events.participation.past) PARTICIPATE.add(v, 'past');
for (const v of events.participation.ongoing) PARTICIPATE.add(v, 'ongoing');
for (const v of events.participation.prepositions) PARTICIPATE.add(v, 'prep');
const ARTICLE = new PhraseIndex<'definite' | 'indefinite'>();
for (const d of events.participation.definite) ARTICLE.add(d, 'definite');
for (const d of events.participation.indefinite) ARTICLE.add(d, 'indefinite');
const GROUP = new PhraseIndex<'generic' | 'group'>();
for (const g of events.groups) GROUP.add(g, 'group');
for (const g of events.genericGroups) GROUP.add(g, 'generic');
const CASUALTY = new PhraseIndex<'strong' | 'weak'>();
for (const v of events.casualtyVerbs) CASUALTY.add(v, 'weak');
for (const v of events.casualtyStrong) CASUALTY.add(v, 'strong');
const NUMBER: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, dozens: 24, several: 3, multiple: 3, fifteen: 15, twenty: 20, thirty: 30 };
const ANIMAL_KEYS = lastKeysOf(events.animals.wild, events.animals.road, ['train']);
for (const k of [...ANIMAL_KEYS]) ANIMAL_KEYS.add(plural(k));
const GATHERING_KEYS = lastKeysOf(events.gatherings);
const GROUP_KEYS = lastKeysOf(events.groups, events.genericGroups);
/** First words of every phrase the event grammar starts from: other words are skipped at once. */
const GRAMMAR_FIRST = new Set(['vs', 'versus', ...Object.keys(NUMBER), ...[events.animals.wild, events.attackVerbs.passive, events.participation.past, events.participation.ongoing, events.participation.prepositions, ['hit', 'hitting', 'struck', 'striking', 'collided', 'colliding', 'swerved', 'swerving', 'crashed', 'ran', 'plowed']].flat().map((p) => phraseKey(p).split(' ')[0])]);
/** Words that may sit between a verb and its animal or object (`by the zoo's 300-pound tiger`). */
const BREAK_WORD = /^(?:with|in|on|at|while|after|before|from|during|and|or|but|who|that|which|near|when|as|to|into|for|he|she|they|was|were|is|are|had|has)$/;
/** One occasion right after a casualty verb: `in a crash`, `at the party`, `when the roof fell`. */
const ONE_OCCASION = /^\s+(?:(?:in|at|during|after|by|from)\s+(?:a|an|the|one|that|this|last|saturday's|friday's|sunday's)\b|when\s+(?:a|an|the|their|his|her)\b)/i;
/** Words between a group and what befell them (`four anglers were all pulled from`). */
const AUX = /^(?:were|was|all|got|been|had|have|being|are|who|that|later|then|each|eventually|had to be|to be|be)$/;

const OBJECTS = alt(features.objects);
const SITES = alt(features.bodySites);
const COUNT = String.raw`(?:\d{1,3}\+?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|several dozen|hundreds of|over \d{1,3}|more than \d{1,3})`;
/** 27 magnets, 11 sewing needles embedded in the gastric wall, 40+ metallic fragments */
const COUNTED = new RegExp(String.raw`\b${COUNT}\s+(?:[a-z-]+\s+){0,2}?(?:${OBJECTS})\b(?:\s+(?:embedded|lodged|stuck|sitting|swallowed)\s+in\s+(?:the|his|her|their)\s+(?:[a-z-]+\s+){0,2}?(?:${SITES}))?`, 'gi');
/** a 9-inch screwdriver in his orbit, a nail through her skull */
const IMPALED = new RegExp(String.raw`\b(?:an?\s+|the\s+)?(?:[\d.]+[- ](?:inch|in|cm|foot|ft)[- ])?(?:${OBJECTS})\s+(?:lodged\s+|embedded\s+|stuck\s+|impaled\s+)?(?:in|into|through|inside)\s+(?:his|her|their|the)\s+(?:(?:left|right)\s+)?(?:${SITES})\b`, 'gi');
const MARKS = new RegExp(String.raw`\b(?:${alt(features.marks)})(?:\s+(?:over|on|across|covering|of)\s+(?:the|his|her|their|a|an)\s+(?:[a-z-]+\s+){0,3}?(?:${SITES}|forehead|shoulder|cheek|[a-z]+))?`, 'gi');
const FAMILY = new RegExp(String.raw`\b(?:${alt(features.familyFeature)})\b`, 'gi');
const RELATIVE_IN = /\b(?:twin|mom|mother|dad|father|sister|brother|grandmother|grandfather|grandma|grandpa|son|daughter|aunt|uncle|cousin|family)\b/i;
const LIFE_FIRST = new RegExp(String.raw`\b(?:${alt(features.lifeFirsts)})(?:\s+(?:his|her|their)\s+(?:entire\s+|whole\s+)?life)?`, 'gi');
/** twin pregnancy at 61, gave birth at 62, a mother at 60 */
const LATE_BIRTH = /\b(?:(?:twin\s+|triplet\s+)?pregnan(?:cy|t)|gave birth|giving birth|delivered|new mom|mother|mom)\s+at\s+(\d{2})\b/gi;
/** His 4th in 20 years, her fifth over 10 years */
const REPEAT = /\b(?:his|her|their)\s+(?:\d{1,2}(?:st|nd|rd|th)|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:[a-z]+\s+)?(?:in|over)\s+(?:\d{1,2}|[a-z]+)\s+years(?:\s+of\s+[a-z]+)?/gi;

/** An everyday object in a body site (a magnet in a nose, screws in a spine): not unique uncounted. */
const ORDINARY = new RegExp(String.raw`^(?:(?:an?|the)\s+)?(?:${alt(features.ordinaryObjects)})\s`, 'i');
/** A needle in an organ during a biopsy, a line or an injection is a procedure, not a feature. */
const PROCEDURE = new RegExp(String.raw`\b(?:${alt(features.procedureWords)})\b`, 'i');
const SWALLOW = new PhraseIndex<true>();
for (const v of features.swallowVerbs) SWALLOW.add(v, true);
const DISTINCT = new PhraseIndex<true>();
for (const o of features.distinctiveObjects) DISTINCT.add(o, true);
/** a retained surgical sponge, a forgotten clamp, a lap pad left behind in her abdomen */
const RETAINED = new RegExp(String.raw`\b(?:(?:${alt(features.retainedWords)})\s+(?:surgical\s+|laparotomy\s+|lap\s+|metal\s+|broken\s+)?(?:${alt(features.retainedItems)})s?|(?:surgical\s+)?(?:sponge|gauze|lap\s+pad|towel|clamp|hemostat|forceps|retractor|scissors|instrument)s?\s+(?:that\s+(?:was|were)\s+|was\s+|were\s+)?left\s+(?:behind\s+)?(?:in|inside)|(?:surgical\s+)?(?:sponge|gauze|lap\s+pad|clamp|hemostat|forceps|retractor)s?\s+(?:[\w'’-]+\s+){0,4}?(?:from|after|since)\s+(?:a|an|his|her|the|their)\s+(?:[\w'’-]+\s+){0,3}?(?:surgery|operation|c-section|cesarean|hysterectomy|laparotomy|appendectomy|cholecystectomy|procedure|repair))\b`, 'gi');
const HISTORIC_SOURCE = String.raw`(?:${alt(features.historicSources)}|(?:the\s+)?(?:19\d\d|20[01]\d)s?|decades\s+ago|(?:\d{2}|twenty|thirty|forty|fifty|sixty|seventy)\s+years\s+ago)`;
/** a bullet from Vietnam, shrapnel since 1968, a BB from childhood, Vietnam-era shrapnel */
const HISTORIC = new RegExp(String.raw`\b(?:(?:${alt(features.historicObjects)})\b(?:\s+[\w'’-]+){0,7}?\s+(?:from|since|during|in|back\s+in)\s+${HISTORIC_SOURCE}|(?:vietnam|korea|korean\s+war|wwii|ww2|world\s+war\s+ii|gulf\s+war|iraq|afghanistan|war)(?:-era)?\s+(?:shrapnel|bullets?|shell\s+fragments?|grenade\s+fragments?))\b`, 'gi');
const FEAT_OBJECT = String.raw`(?:${alt(features.featObjects)})`;
const DEVICE = String.raw`(?:${alt(features.devices)})`;
/** ran a marathon with an LVAD, summited Kilimanjaro with a prosthetic leg; with a donor heart, she finished the race */
const DEVICE_FEAT = new RegExp(String.raw`\b(?:(?:${alt(features.feats)})\s+(?:[\w'’.-]+\s+){0,4}?${FEAT_OBJECT}\b(?:\s+[\w'’.-]+){0,4}?\s+with\s+(?:(?:a|an|his|her|their|two|both|one|only\s+one|just\s+one)\s+)?(?:[\w-]+\s+){0,2}?${DEVICE}|${DEVICE}\s*,?\s+(?:[\w'’-]+\s+){0,4}?(?:${alt(features.feats.filter((f) => !/ing$/.test(f) && f !== 'run'))})\s+(?:[\w'’.-]+\s+){0,3}?${FEAT_OBJECT})\b`, 'gi');
const MOD_SITE = String.raw`(?:[\w-]+\s+)?(?:${alt(features.bodyModSites)})`;
/** magnets implanted in her fingertips; an RFID chip in his hand */
const BODY_MOD = new RegExp(String.raw`\b(?:(?:${alt(features.bodyMods)})\s+(?:(?:surgically|self|professionally)[\s-])?(?:implanted|embedded|inserted|sewn)\s+(?:in|into|under|beneath|inside)|(?:implanted|embedded)\s+(?:${alt(features.bodyMods)})\s+(?:in|into|under|beneath|inside)|(?:${alt(features.bodyMods.filter((m) => /rfid|nfc|chip|dermal|implant/.test(m)))})\s+(?:in|into|under|beneath|inside))\s+(?:his|her|their|both|each|the|several)\s+${MOD_SITE}\b`, 'gi');
const TEXTS = String.raw`(?:${alt(features.tattooTexts)})`;
/** a tattoo of her son's name, the date tattooed on his wrist, a DNR tattoo, a tattoo reading "Lucy 4-12-09" */
const TATTOO_TEXT = new RegExp(String.raw`\btattoo(?:s|ed)?\s+(?:of|with|bearing|showing|reading|listing|spelling(?:\s+out)?|that\s+(?:says|said|reads|read))\s+(?:(?:his|her|their|a|an|the|its)\s+)?(?:[\w'’-]+\s+){0,2}?${TEXTS}\b|\b(?:(?:his|her|their)\s+(?:[\w'’-]+\s+){0,2}?|the\s+|a\s+)${TEXTS}\s+(?:tattooed|inked)\b|\b${TEXTS}\s+tattoos?\b|\btattoo(?:s|ed)?\b(?:\s+[\w'’-]+){0,5}?\s*[:,]?\s*(?:"[^"\n]{1,40}"|“[^”\n]{1,40}”)|(?:"[^"\n]{1,40}"|“[^”\n]{1,40}”)\s+(?:[\w'’-]+\s+){0,3}?tattoo(?:s|ed)?\b`, 'gi');

const OBJECT_KEYS = keysOf(features.objects);
const MARK_KEYS = firstKeysOf(features.marks);
const RETAINED_KEYS = keysOf(features.retainedWords, ['sponge', 'sponges', 'gauze', 'pad', 'pads', 'towel', 'towels', 'clamp', 'clamps', 'hemostat', 'hemostats', 'forceps', 'retractor', 'retractors', 'scissors', 'instrument', 'instruments']);
const HISTORIC_KEYS = keysOf(features.historicObjects, ['shrapnel', 'bullets']);
const FEAT_KEYS = keysOf(features.featObjects);
const MOD_KEYS = keysOf(['implanted', 'embedded', 'inserted', 'sewn'], features.bodyMods.filter((m) => /rfid|nfc|chip|dermal|implant/.test(m)));
const has = (tokens: readonly Token[], keys: ReadonlySet<string>) => tokens.some((t) => keys.has(t.key));

/** swallowed a toothbrush, ingested her engagement ring, aspirated a dental bridge */
function swallowedObjects(text: string, tokens: readonly Token[]): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const verb = SWALLOW.at(tokens, i);
    if (!verb) continue;
    if (/^insert/.test(tokens[i].key) && PROCEDURE.test(text)) continue;
    for (let k = verb.to; k < Math.min(tokens.length, verb.to + 4); k++) {
      if (k > verb.to && /[.!?;:,()]/.test(text.slice(tokens[k - 1].end, tokens[k].start))) break;
      // `swallowed two magnets`: counts are for the counted-objects rule
      if (/^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens|hundreds|multiple|many)$/.test(tokens[k].key)) break;
      const hit = DISTINCT.at(tokens, k);
      if (hit) {
        out.push({ start: tokens[i].start, end: tokens[hit.to - 1].end, kind: 'FEATURE', rule: 'swallowed-object' });
        i = hit.to - 1;
        break;
      }
      if (/^(?:with|in|on|at|while|after|and|or|but|to|into|for|that|which)$/.test(tokens[k].key)) break;
    }
  }
  return out;
}

export function findTime(text: string): QuasiPart[] {
  if (NOT_CARE.test(text)) return [];
  const out: QuasiPart[] = [];
  const before = (i: number) => text.slice(Math.max(0, i - 12), i);
  const push = (start: number, end: number, rule: string) => out.push({ start, end, kind: 'TIME', rule });
  TIME_RE.lastIndex = 0;
  for (const m of text.matchAll(TIME_RE)) {
    const w = m[0].toLowerCase();
    // `on Monday` in `every Monday`, `next Friday` (future / generic) never dates a case
    if (/\b(?:every|each|next|coming)\s+$/i.test(before(m.index!))) continue;
    if (/^(?:sun|sat)$/.test(w)) continue;
    push(m.index!, m.index! + m[0].length, 'relative-time');
  }
  for (const m of text.matchAll(TIME_EXTRA)) {
    if (NOT_THIS_CASE.test(before(m.index!))) continue;
    push(m.index!, m.index! + m[0].length, 'relative-time');
  }
  if (MONTH_WORD.test(text)) for (const m of text.matchAll(MONTH_TIME)) {
    const month = m[1] ?? m[2];
    // a month is written as a name (`in May`, not `it may`); `next March`, `by June` are plans
    if (!/^[A-Z]/.test(month) || NOT_THIS_CASE.test(before(m.index!))) continue;
    push(m.index!, m.index! + m[0].length, 'month');
  }
  if (/(?:19|20)\d\d/.test(text) && !YEAR_NOT_CARE.test(text)) {
    for (const m of text.matchAll(YEAR_TIME)) push(m.index!, m.index! + m[0].length, 'year');
  }
  return out;
}

export function findEvent(text: string, tokens: readonly Token[]): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = EVENT_INDEX.at(tokens, i);
    const weak = !hit && WEAK.has(tokens[i].key);
    if (!hit && !weak) continue;
    const to = hit ? hit.to : i + 1;
    const kind = hit ? hit.value : 'weak';
    const headKey = tokens[to - 1].key;
    const end = tokens[to - 1].end;
    if (EVENT_STOP_AFTER.test(text.slice(end, end + 12))) { i = to - 1; continue; }
    // modifiers before the head: up to three words back to a determiner (`the county fair ride collapse`)
    let from = i;
    let newsy = false;
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      const key = tokens[k].key;
      if (/[.!?;:,]/.test(text.slice(tokens[k].end, tokens[k + 1].start))) break;
      if (DETERMINER.has(key)) { from = k; break; }
      if (NEWSY.at(tokens, k) || /^(?:i|us|[a-z]?\d{1,3})$/.test(key) || /^[A-Z]/.test(text[tokens[k].start])) { newsy = true; from = k; continue; }
      if (/^(?:is|was|are|were|and|or|but|with|of|for|to|in|on|at|from|by|after|before|during|his|her|my|we|he|she|they|it)$/.test(key)) break;
      from = k;
    }
    if (kind === 'verb') {
      out.push({ start: tokens[i].start, end, kind: 'EVENT', rule: 'event-verb' });
      i = to - 1;
      continue;
    }
    if (kind === 'weak' || (NEEDS_NEWSY.has(headKey) && to - i === 1)) {
      // `apartment fire`, `bus crash`, `roof collapse`, not `a fall`, `lobar collapse`
      const prevNewsy = [i - 1, i - 2, i - 3].some((k) => { if (k < 0) return false; const h = NEWSY.at(tokens, k); return !!h && h.to <= i; });
      if (!prevNewsy) { i = to - 1; continue; }
      newsy = true;
    }
    const start = tokens[from].start;
    // `the 2024 fireworks barge explosion`: the year is the TIME of the event
    const y = YEAR_BEFORE.exec(text.slice(Math.max(0, start - 6), start)) ?? /^(?:the\s+)?((?:19|20)\d\d)\b/i.exec(text.slice(start, end));
    if (y) {
      const ys = text.indexOf(y[1], Math.max(0, start - 6));
      if (ys >= 0) out.push({ start: ys, end: ys + 4, kind: 'TIME', rule: 'event-year' });
    }
    out.push({ start, end, kind: 'EVENT', rule: newsy || kind === 'strong' ? 'event-noun' : 'event-weak' });
    i = to - 1;
  }
  return out.concat(eventGrammar(text, tokens));
}

/** Punctuation (a clause break) between token k and token k + 1. */
const broken = (text: string, tokens: readonly Token[], k: number) => k + 1 >= tokens.length || /[.!?;:,()]/.test(text.slice(tokens[k].end, tokens[k + 1].start));

/** From token `from`, the first phrase of `index` within `max` words, over modifiers only. */
function ahead<V>(text: string, tokens: readonly Token[], from: number, index: PhraseIndex<V>, max: number): { to: number; value: V } | undefined {
  for (let k = from; k < Math.min(tokens.length, from + max); k++) {
    const hit = index.at(tokens, k);
    if (hit) return { to: hit.to, value: hit.value };
    if (BREAK_WORD.test(tokens[k].key) || broken(text, tokens, k)) return undefined;
  }
  return undefined;
}

function countAt(key: string): number {
  return /^\d{1,3}$/.test(key) ? Number(key) : NUMBER[key] ?? 0;
}

/**
 * Event grammar beyond the head nouns: a vehicle against an animal, an animal attack in the
 * passive or the active voice, taking part in a race or fair, and a count of people with what
 * befell them.
 */
function eventGrammar(text: string, tokens: readonly Token[]): QuasiPart[] {
  const out: QuasiPart[] = [];
  const push = (a: number, b: number, rule: string) => out.push({ start: tokens[a].start, end: tokens[b - 1].end, kind: 'EVENT', rule });
  // each rule needs its noun somewhere in the sentence: most sentences have none and stop here
  let animals = false, gatherings = false, groups = false;
  for (const t of tokens) {
    animals ||= ANIMAL_KEYS.has(t.key);
    gatherings ||= GATHERING_KEYS.has(t.key);
    groups ||= GROUP_KEYS.has(t.key);
  }
  if (!animals && !gatherings && !groups) return out;
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i].key;
    if (!GRAMMAR_FIRST.has(key) && !/^\d{1,2}$/.test(key)) continue;
    // car vs deer, pickup versus elk, MVC vs. moose
    if (animals && (key === 'vs' || key === 'versus') && i > 0 && i + 1 < tokens.length && VEHICLE_LAST.has(tokens[i - 1].key) && !broken(text, tokens, i - 1) && !/[!?;:,()]/.test(text.slice(tokens[i].end, tokens[i + 1].start))) {
      const hit = ahead(text, tokens, i + 1, ROAD, 4);
      if (hit) { push(i - 1, hit.to, 'vehicle-animal'); i = hit.to - 1; continue; }
    }
    const collide = animals ? COLLIDE.at(tokens, i) : undefined;
    if (collide && !broken(text, tokens, collide.to - 1) && /^(?:a|an|the)$/.test(tokens[collide.to]?.key ?? '')) {
      const hit = ahead(text, tokens, collide.to + 1, ROAD, 3);
      if (hit) { push(i, hit.to, 'vehicle-animal'); i = hit.to - 1; continue; }
    }
    // bitten by a rattlesnake, gored by the rodeo bull, stung by a box jellyfish
    const passive = animals ? ATTACK_PASSIVE.at(tokens, i) : undefined;
    if (passive && tokens[passive.to]?.key === 'by' && !broken(text, tokens, passive.to - 1)) {
      const hit = ahead(text, tokens, passive.to + 1, WILD, 5);
      if (hit) { push(i, hit.to, 'animal-attack'); i = hit.to - 1; continue; }
    }
    // a bison charged her, the bull gored him, a shark bit his leg
    const animal = animals ? WILD.at(tokens, i) : undefined;
    if (animal && i > 0 && /^(?:a|an|the|that|this|one|two|three)$/.test(tokens[i - 1].key) && !broken(text, tokens, animal.to - 1)) {
      let v = animal.to;
      if (/^(?:that|which|suddenly|then|just|had)$/.test(tokens[v]?.key ?? '')) v++;
      if (v < tokens.length && ATTACK_ACTIVE.has(tokens[v].key)) { push(i - 1, v + 1, 'animal-attack'); i = v; continue; }
    }
    // completed an ultramarathon, dropped out of the race, injured at the state fair, mid-race
    const part = gatherings ? PARTICIPATE.at(tokens, i) : undefined;
    if (part && !broken(text, tokens, part.to - 1)) {
      let k = part.to;
      const article = ARTICLE.at(tokens, k);
      if (article) k = article.to;
      const definite = article ? article.value === 'definite' : part.value === 'prep' ? tokens[i].key === 'mid' : /^[A-Z]/.test(text[tokens[k]?.start ?? 0] ?? '');
      if ((definite || article) && k < tokens.length && !(article && broken(text, tokens, k - 1))) {
        const found = ahead(text, tokens, k, GATHERING, 4);
        // `ran a 5K` is a Saturday; `completed an ultramarathon`, `thrown at a rodeo` are news
        const hit = found && (definite || found.value === 'notable') ? found : undefined;
        // `ultra-low dose`, `fair-skinned`: a hyphenated word is not the gathering
        if (hit && text[tokens[hit.to - 1].end] !== '-' && !/^\s+(?:skin|skinned|complexion|hair|price|share|amount|number|point|question|game)\b/i.test(text.slice(tokens[hit.to - 1].end, tokens[hit.to - 1].end + 12))) { push(i, hit.to, 'took-part'); i = hit.to - 1; continue; }
      }
    }
    // four anglers were pulled from, six teens hospitalized, one of the five climbers rescued
    const n = countAt(key);
    if (groups && n >= 2 && n <= 99 && !broken(text, tokens, i)) {
      const group = ahead(text, tokens, i + 1, GROUP, 3);
      if (group) {
        let k = group.to;
        while (k < tokens.length && k - group.to < 3 && AUX.test(tokens[k].key) && !broken(text, tokens, k - 1)) k++;
        const verb = k < tokens.length && !broken(text, tokens, k - 1) ? CASUALTY.at(tokens, k) : undefined;
        const victims = /^(?:victims|survivors|casualties)$/.test(tokens[group.to - 1].key);
        const oneOf = i >= 2 && tokens[i - 1].key === 'the' && tokens[i - 2].key === 'of';
        // `injured`, `hurt`, `died` need one occasion after them (`in a crash`, `when the deck gave way`):
        // `three kids hurt on trampolines this summer` is a season's tally, not an event
        const once = verb && (verb.value === 'strong' || ONE_OCCASION.test(text.slice(tokens[verb.to - 1].end, tokens[verb.to - 1].end + 40)));
        if (verb && once && (verb.value === 'strong' || group.value === 'group') && (n >= 3 || oneOf)) { push(i, verb.to, 'count-casualty'); i = verb.to - 1; continue; }
        if (victims) { push(i, group.to, 'count-casualty'); i = group.to - 1; continue; }
      }
    }
  }
  return out;
}

export function findFeature(text: string, tokens: readonly Token[] = tokenize(text)): QuasiPart[] {
  const out: QuasiPart[] = swallowedObjects(text, tokens);
  const add = (re: RegExp, rule: string, ok: (m: RegExpMatchArray) => boolean = () => true) => {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) if (ok(m)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'FEATURE', rule });
  };
  if (has(tokens, OBJECT_KEYS)) {
    add(COUNTED, 'counted-objects', (m) => !/^(?:1|one)\b/i.test(m[0]) && !/^(?:two|2)\s/i.test(m[0]) && !/\b(?:mm|cm|mg|ml)\b/i.test(m[0]));
    add(IMPALED, 'impaled-object', (m) => !ORDINARY.test(m[0]) && (!/\bneedles?\b/i.test(m[0]) || !PROCEDURE.test(text)));
  }
  if (has(tokens, MARK_KEYS)) add(MARKS, 'visible-mark');
  add(FAMILY, 'family-pattern', (m) => !/^same\b/i.test(m[0]) || RELATIVE_IN.test(text));
  add(LIFE_FIRST, 'life-first');
  add(LATE_BIRTH, 'late-birth', (m) => Number(m[1]) >= 50);
  add(REPEAT, 'repeat');
  if (has(tokens, RETAINED_KEYS)) add(RETAINED, 'retained-object');
  if (has(tokens, HISTORIC_KEYS)) add(HISTORIC, 'historic-object');
  if (has(tokens, FEAT_KEYS)) add(DEVICE_FEAT, 'device-feat');
  if (has(tokens, MOD_KEYS)) add(BODY_MOD, 'body-mod');
  if (/tattoo|\binked\b/i.test(text)) add(TATTOO_TEXT, 'tattoo-text');
  return out;
}
