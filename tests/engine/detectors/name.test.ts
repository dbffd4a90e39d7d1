import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { eponymRanges } from '../../../src/engine/detectors/name';

const names = (text: string) => analyze(text).filter((f) => f.type === 'NAME').map((f) => f.text);
const nameFindings = (text: string) => analyze(text).filter((f) => f.type === 'NAME');

describe('name detector', () => {
  it.each([
    // honorific with an age right after it (GUIDELINE example shape)
    ['Fascinating case today: Mrs. Alvarez, 67, presented with a Colles fracture.', ['Alvarez']],
    // initials used as a name after a patient cue
    ['pt J.D. back for his follow-up CT, nodule stable', ['J.D.']],
    // lower-case initials after a lower-case cue
    ['pt k.m. from the coast had her biopsy today', ['k.m.']],
    // full name after "my patient"
    ['Saw my patient Jane Doe in clinic, her MRI is stable', ['Jane Doe']],
    // a relative's first name after "her husband"
    ['her husband Tom stayed at the bedside all night', ['Tom']],
    // single-letter surname after an honorific
    ['Mr. K came back with a recurrent pneumothorax', ['K']],
    // lower-case honorific and surname
    ['still thinking about ms. dunleavy and her pancreatic mass', ['dunleavy']],
    // record header, Last, First M.
    ['Patient: Castellanos, Maria T.  DOB: 01/02/1960', ['Castellanos, Maria T.']],
    // DICOM person name left in an export
    ['the export still had SMITHSON^ALAN in the header', ['SMITHSON^ALAN']],
    // patient cue with a comma, then first + last name and an age
    ['One of my patients, Ruben Ortiz, 71, came back after the stent.', ['Ruben Ortiz']],
    // a patient's handle after "my patient"
    ['Shout out to my patient @runner_rosa88 who just finished chemo', ['@runner_rosa88']],
    // lower-case name after "a kid named"
    ['a kid named oliver swallowed a magnet last night, xray was wild', ['oliver']],
    // relative owned by the patient, sentence-initial possessive
    ['His wife Margaret asked me to explain the scan.', ['Margaret']],
    // possessive owner that is itself a name: Mrs. D's husband
    ['Mrs. D\'s husband Walter waited for hours while we read her stroke CT.', ['D', 'Walter']],
    // compromise person with a patient cue in the sentence
    ['Please keep Evan Marsh in your prayers, he was diagnosed with a glioma last week.', ['Evan Marsh']],
    // a later mention of an accepted patient name (coreference)
    ['I met Wendell Ames the day he was diagnosed with lymphoma. Years later, Wendell still sends the reading room cards.', ['Wendell Ames', 'Wendell']],
    // hashtag with a name and a "Strong" suffix, in a patient draft
    ['My patient rang the bell after chemo today! #NoraStrong #PedsOnc', ['Nora']],
    // hashtag with a prefix and a full CamelCase name
    ['Scanned her again today, the family asked for prayers. #PrayForLilaMoreno', ['LilaMoreno']],
    // a doctor who is the patient: the author says they scanned him
    ['Guess who I scanned today: Dr. Felix Andersen, the town dentist, with a scaphoid fracture.', ['Felix Andersen']],
    // name followed by an age in parentheses
    ['Called Mr. Brennigan (88, CT order pending) four times today', ['Brennigan']],
    // vocative addressing a patient
    ['pt from last week found my account. curtis if you\'re reading this, please stop googling', ['curtis']],
    // a patient's social handle addressed about their relative's scan
    ['u/harborlights_k, about your mom\'s PET/CT: I can\'t read it here.', ['u/harborlights_k']],
    // an initial and a surname after a patient cue
    ['Teaching file: (pt R. Castellano, 58F, post-op anatomy)', ['R. Castellano']],
    // a possessive name before a study noun, name unknown to the lexicon
    ["who left Okafor's CT open on the reading room workstation again", ['Okafor']],
    // a possessive full name before a relative
    ["we scanned Tiberiu Lazar's daughter after the crash", ['Tiberiu Lazar']],
    // a name with an age stated about it, a person nearby
    ['Lost a little one tonight. Tavita was 3. His dad held him the whole time.', ['Tavita']],
    // consent to share outweighs the professional `thanks to`
    ['Huge thanks to Ilona Marsh and her husband Pavel for letting me share her story', ['Ilona Marsh', 'Pavel']],
    // a reply opening on a follower's name, about a relative's scan
    ["Priya, since you asked: the nodule on your father's CT needs a PET", ['Priya']],
    // a reply about a photo they posted, name unknown to the lexicon
    ['Kwame, from the photo that looks like cellulitis. Get to urgent care today.', ['Kwame']],
    // a family title before a given name in a case
    ['Grandpa Joe was in for his CT and told the techs jokes', ['Grandpa Joe']],
    // a relative's name introduced by `his dad's name,`
    ["his dad's name, Luis Ortega, was on the wristband", ['Luis Ortega']],
    // `Baby` before a given name in a NICU story
    ['Baby Imani went home today after six weeks in the NICU', ['Baby Imani']],
    // prayers for a named patient, name unknown to the lexicon
    ['Prayers for Tevita and his family tonight', ['Tevita']],
    // surnames listed after a patient-list label and a colon
    ['Census: Abernethy, Quigley-Marsh, Tran, all stable overnight.', ['Abernethy', 'Quigley-Marsh', 'Tran']],
    // a given name in commas after a person noun with a place
    ['Last week we treated a boy from Cedar Hollow, Jaxon, after a dog bite.', ['Jaxon']],
    // a given name in commas after a person noun with an age phrase
    ['a woman in her 70s, Lucinda, who fell at home and broke her hip', ['Lucinda']],
    // a nickname with a nickname prefix, then a parenthesis calling them a patient
    ['checking in on Little Moe (my favorite dialysis pt) today', ['Little Moe']],
    // a quoted nickname the staff use
    ['"Peaches" (what the unit calls her) went home after 90 days', ['Peaches']],
    // a quoted nickname after `we call him`
    ['we call him "Tank" on the ward, he has been here since March and his scan is clear', ['Tank']],
    // initials with dots before a presentation verb
    ['Teaching case: R.T. presented to the urgent care with chest pain.', ['R.T.']],
    // spaced initials on a ward
    ['We had J. P. on 5 East for weeks before the diagnosis', ['J. P.']],
    // an honorific and a surname addressed with `if you're reading this`, thanks after it
    ["Ms. Lindqvist, if you're reading this: thank you for trusting us", ['Lindqvist']],
    // a prayer hashtag with a full name whose surname is also a word
    ['#PrayForMarvinKeel our nurse friend is in the ICU', ['MarvinKeel']],
    // a relative of a relative, owned by the patient
    ["she is looking for her late husband's sister, Mildred Ashcombe, last seen in town", ['Mildred Ashcombe']],
    // a lower-case given name after a care verb
    ["narcan'd travis again last night, he is breathing fine now", ['travis']],
    // a lower-case given name in a wish about their recovery, in a case
    ['wrist fx on the film today, hope marcy is okay', ['marcy']],
    // a Spanish honorific
    ['Hoy vino la señora Huamani para su biopsia', ['Huamani']],
    // a follower addressed at the end of a clause about their diagnosis
    ['Sorry about your biopsy result, Ingrid. Please ask your surgeon about margins.', ['Ingrid']],
    // a follower addressed before an imperative about a relative's care
    ["Wilma ask them to check her potassium, that's the first thing I'd want to know.", ['Wilma']],
    // a follower addressed mid-draft with `, for yours`
    ['Many of you asked about your scans. Anneke, for yours: the cyst on your kidney is simple.', ['Anneke']],
    // `family history` is the follower's, not a professional cue
    ['Priya, with your family history you should start screening early. Ask your PCP.', ['Priya']],
  ])('finds names in %s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    // a speaker with a professional title
    ['Great talk by Dr. Jane Doe at grand rounds today on liver MRI'],
    // a paper author
    ['Doe et al. 2019 showed the same thing in a larger cohort'],
    // a colleague thanked by first name
    ['Thanks to my co-fellow Sam for covering my call last night'],
    // a public figure in the news
    ['Joe Biden signed the bill; our patients with Medicaid will feel it'],
    // a historical figure
    ['Wilhelm Röntgen discovered X-rays in 1895 and never patented them'],
    // medical eponyms in a patient sentence
    ['Our patient had a Smith fracture, a Baker\'s cyst and Parkinson disease'],
    // an eponym not in the list, used medically
    ['Patient with Rasmussen encephalitis, caudate atrophy on MRI'],
    // a placeholder name for an unidentified patient
    ['Trauma pan-scan on a John Doe overnight, pt still unidentified'],
    // the author's own family in a personal post
    ['My husband Tom made dinner while I finished my reads'],
    // a hospital named after a person
    ['Pediatric radiology at Boston Children\'s is hiring, patients first culture'],
    // a place named after a saint
    ['We scanned 40 patients at St. Vincent last week for the screening day'],
    // sentence-initial capitalised common words
    ['Presented with pain. Imaging showed a fracture. Admitted overnight.'],
    // hashtags with places and roles, not names
    ['Proud of this team. #BostonStrong #TeamRadiology #MomStrong #NurseStrong'],
    // an @-mention of a colleague
    ['Congrats to @DrAmyLee on her keynote at RSNA!'],
    // staff to ask for
    ['To schedule, call the front desk and ask for Denise.'],
    // a public figure with an honorific
    ['Mr. Rogers was right: look for the helpers in the ED'],
    // a list of eponymous fractures
    ['Fracture quiz this week: Colles, Smith, Barton, Jones and Monteggia.'],
    // an attending named in a story (colleague, with "named")
    ['An attending named Dr. Halloran pulled up the patient\'s CT and smiled.'],
    // a reply to a colleague with no care cue
    ['Mike, great talk today, you nailed it'],
    // a kin title used as the vocative is not a name
    ['Aunty, if her speech is slurred your mom needs the ER now'],
    // a weekday possessive
    ["Tuesday's CT was clean, nothing to report"],
    // a score that reads like an age
    ['Apgar was 9. Mom and baby doing well.'],
    // the author's own grandparent
    ['my Nana Rose taught me to bake bread'],
    // an institution's programme, not a patient's study
    ["Harvard's pathology department is hiring two fellows"],
    // a vendor course after a possessive
    ["Stanford's MRI safety course is worth the time"],
    // a reply to a colleague about their post, no care cue
    ['Sarah, your post about burnout resonated with all of us'],
    // a family title naming a restaurant, no case
    ["Shoutout to Grandpa Joe's BBQ for feeding the night shift"],
    // prayers for a country
    ['Prayers for Ukraine tonight'],
    // `Little` before a city
    ['Little Rock was rainy for the whole conference'],
    // a storm named like a person
    ['Still scanning patients from the Delphine flooding, mostly crush injuries.'],
    // textbooks by their authors after a list label that is not a patient list
    ['Reading list: Harrison, Robbins, Netter. Start with the first.'],
    // weekdays after a schedule label
    ['Schedule: Monday, Wednesday, Friday for the dialysis unit.'],
    // speakers listed after a colon
    ['Speakers: Okafor, Lindgren and Baptiste at grand rounds'],
    // a new colleague in commas after a staff noun
    ['We hired a new nurse from Ohio, Kendra, who starts Monday.'],
    // a colleague before a parenthesis about them
    ['Dr. Ramos (my attending) taught me this'],
    // a textbook before a parenthesis
    ['Harrison (my favorite textbook) has a great chapter on it'],
    // abbreviations with dots before a verb
    ['The R.N. presented the case at huddle. P.T. came in to walk him twice. E.R. was packed.'],
    // initials before a surname (an author)
    ['J.K. Rowling wrote about it'],
    // a given name that is also a month, in lower case
    ['hope june is ok'],
    // a given name that is also a word, after a care verb
    ['we treated will for hours'],
    // a nun (`Sr.` is Sister in English)
    ['Sr. Mary Agnes taught at the school for decades'],
    // a fan hashtag of a public figure with a team prefix
    ['#TeamJackBlack forever'],
    // the author's own relative of a relative
    ["my husband's sister, Annette, is visiting"],
    // a colleague thanked at the end of a clause, no care cue
    ['Thanks for the great talk, Priya. Loved it.'],
    // a declared pseudonym with an honorific
    ["a retired teacher I'll call Ms. K came back for her five-year scan"],
    // a declared pseudonym after the name
    ['Rosa (not her real name) came back for her scan'],
    // a list of eponyms with a head noun inside it
    ["Taught the students today: Crohn's, Hashimoto's, Hodgkin lymphoma, Graves, Addison."],
  ])('ignores %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('blocks a patient name with patient context and only warns on a bare honorific', () => {
    const [cued] = nameFindings('Saw my patient Jane Doe in clinic, her MRI is stable');
    expect(cued.severity).toBe('block');
    const [bare] = nameFindings('Mr. Abernathy called the desk again');
    expect(bare.severity).toBe('warn');
    expect(bare.ruleId).toBe('name/honorific');
  });

  it('finds a name with a Cyrillic letter inside and points at the original characters', () => {
    const draft = 'Saw my patient M\u0430rgaret Hale today, her CT is clear';
    const [f] = nameFindings(draft);
    expect(f.text).toBe('M\u0430rgaret Hale');
    expect(draft.slice(f.start, f.end)).toBe('M\u0430rgaret Hale');
    expect(f.severity).toBe('block');
  });

  it('finds a name split by a zero-width space', () => {
    const draft = 'her husband Ge\u200Borge drove her in';
    expect(names(draft)).toEqual(['Ge\u200Borge']);
  });

  it('explains without the matched text', () => {
    const [f] = nameFindings('Mrs. Alvarez, 67, presented with a Colles fracture.');
    expect(JSON.stringify(f.explanation)).not.toContain('Alvarez');
    expect(f.message).not.toContain('Alvarez');
  });

  it('keeps Smith a name after an honorific but not before "fracture"', () => {
    expect(names('Mr. Smith came in after a fall, his CT showed a Smith fracture')).toEqual(['Smith']);
    expect(eponymRanges('distal radius: Smith fracture').length).toBe(1);
    expect(eponymRanges('Mr. Smith was admitted').length).toBe(0);
  });
});
