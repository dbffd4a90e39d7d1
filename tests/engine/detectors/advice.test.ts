import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { sentenceFeatures } from '../../../src/engine/detectors/advice';

const advice = (text: string) => analyze(text).filter((f) => f.category === 'advice');

describe('advice detector', () => {
  it.each([
    // second-person modal with a drug
    ['@jo_runs you should stop your metformin before the scan.', '@jo_runs you should stop your metformin before the scan.'],
    // offer to read a follower's own imaging
    ['Send me your CT and I will tell you if it is a hernia.', 'Send me your CT and I will tell you if it is a hernia.'],
    // counterfactual "if I were you"
    ['If I were you I would get that lump biopsied.', 'If I were you I would get that lump biopsied.'],
    // interpretation of a follower's own finding plus a push for surgery
    ['@paddler22 that sounds like a labral tear. Ask for a surgical consult.', '@paddler22 that sounds like a labral tear.'],
    // "need to" is not #Modal in compromise 14: our own rule
    ['Your dad needs to get a repeat ultrasound this month.', 'Your dad needs to get a repeat ultrasound this month.'],
    // imperative after a conditional clause, about a follower's child
    ['@sam.k if your daughter is still limping tomorrow, take her to urgent care.', '@sam.k if your daughter is still limping tomorrow, take her to urgent care.'],
    // sentence-initial imperative with a dose, in a reply (compromise may not tag it #Imperative)
    ['Saw your post about the sprain. Take 400 mg ibuprofen three times a day and rest it.', 'Take 400 mg ibuprofen three times a day and rest it.'],
    // reassurance that interprets someone's own report is still advice
    ['The "small hepatic cyst" on your ultrasound is nothing; you do not need the MRI.', 'The "small hepatic cyst" on your ultrasound is nothing; you do not need the MRI.'],
    // a relative's symptom as the subject of "needs", in a reply
    ["Saw your post. Your daughter's wrist swelling needs an x-ray today.", "Your daughter's wrist swelling needs an x-ray today."],
    // a finding on the reader's own report as the subject of "should be"
    ['That cyst on your ultrasound report should be rechecked in six months.', 'That cyst on your ultrasound report should be rechecked in six months.'],
    // a comma-spliced imperative after a clause about the reader's own lab value
    ['@tam_b your ferritin is really low, start an iron supplement.', '@tam_b your ferritin is really low, start an iron supplement.'],
    // a first-name vocative opens the draft, then a bare imperative
    ['Kevin, that rash in the photo looks like shingles. Get seen at urgent care today.', 'Get seen at urgent care today.'],
    // a lower-case vocative word, an interpreted lab value and a comma-spliced imperative
    ["sis your A1c of 9 means the metformin isn't enough, ask about adding insulin", "sis your A1c of 9 means the metformin isn't enough, ask about adding insulin"],
    // acronyms from the wider lexicon (MRCP, ERCP)
    ['@li_wong your MRCP shows a stone in the duct. you need an ERCP this week.', 'you need an ERCP this week.'],
    // contracted second-person modal
    ["@beth_runs you'll need a boot and crutches for that fracture.", "@beth_runs you'll need a boot and crutches for that fracture."],
    // the author recommends a test for a follower's own shoulder
    ["@kai_m I'd recommend an MRI of that shoulder before any injection.", "@kai_m I'd recommend an MRI of that shoulder before any injection."],
    // a diagnosis of the reader, then imperatives
    ['It sounds like you have a stress fracture. Stop running and get an x-ray.', 'It sounds like you have a stress fracture.'],
    // a negated imperative with a new action verb, then a comma-spliced one
    ["@ola_t ugh, don't ignore that lump, get it checked this week.", "@ola_t ugh, don't ignore that lump, get it checked this week."],
    // a title and surname addressing one person, then an imperative
    ['Mrs. Delacroix, I read your CT this morning. Please go to the ER at County tonight.', 'Please go to the ER at County tonight.'],
    // Reddit's original poster addressed by "OP"
    ['OP, a small labral tear at your age is common. You should do two months of PT first.', 'You should do two months of PT first.'],
    // an imperative after an arrow that reads the reader's own findings
    ['your appendix ultrasound (9 mm, non-compressible) -> get to the ED tonight', 'your appendix ultrasound (9 mm, non-compressible) -> get to the ED tonight'],
    // an addressee phrase ("to the man in this group who asked"), then an imperative after a colon
    ['To the man in this group who asked about his wife\'s slurred speech: call 911 now.', 'To the man in this group who asked about his wife\'s slurred speech: call 911 now.'],
    // a modal with its subject left out, about the reader's own lab
    ['Ought to get your potassium rechecked before the next dose.', 'Ought to get your potassium rechecked before the next dose.'],
    // "what you want is" steers the reader to a test
    ['What you want is an ultrasound of that knee, not more x-rays.', 'What you want is an ultrasound of that knee, not more x-rays.'],
    // the author directs "you" in so many words
    ["I'd urge you to get the echo before your next race.", "I'd urge you to get the echo before your next race."],
    // a question that directs: why has the reader not acted yet
    ['why haven\'t you booked the colonoscopy yet??', 'why haven\'t you booked the colonoscopy yet??'],
    // a threat of harm, leaning on the next sentence's care
    ['You could lose that eye if you sleep on this. Retina clinic today.', 'You could lose that eye if you sleep on this.'],
    // a kinship title and a name, no comma, then an imperative
    ['Uncle Ray just start the inhaler twice a day.', 'Uncle Ray just start the inhaler twice a day.'],
    // a negated imperative about the reader's care team, a relative named
    ["Don't let them send your grandpa home without a chest x-ray.", "Don't let them send your grandpa home without a chest x-ray."],
    // an urgent action inside a conditional with no comma
    ['if ur jaw hurts and ur sweaty rn call 911 and stop scrolling', 'if ur jaw hurts and ur sweaty rn call 911 and stop scrolling'],
    // a short lead-in before the imperative, about the reader's own organ
    ['Real talk: skip the fasting until someone scans your pancreas.', 'Real talk: skip the fasting until someone scans your pancreas.'],
    // a pointed-at finding as the subject of "needs", outside colleague talk
    ['Honestly that mole needs a biopsy.', 'Honestly that mole needs a biopsy.'],
    // a directing question about a pointed-at body finding, no question mark
    ["why haven't you had that rash looked at yet", "why haven't you had that rash looked at yet"],
    // an offer to read images, without "your"
    ['Send it over and I will tell you if the bone is broken.', 'Send it over and I will tell you if the bone is broken.'],
  ])('flags %s', (text, sentence) => {
    const found = advice(text);
    expect(found.map((f) => f.text)).toContain(sentence);
    const f = found.find((x) => x.text === sentence)!;
    expect(f.type).toBe('PATIENT_ADVICE');
    expect(f.severity).toBe('warn');
    expect(f.message.length).toBeGreaterThan(20);
    expect(f.suggestion).toMatch(/^In general/);
  });

  it.each([
    // general education to a population
    ['Patients with new headaches should discuss imaging with their doctor.'],
    // a numbered list of lessons: "your CT" is the department's scanner, not someone's study
    ['Lessons from the mass-casualty drill:\n1. Your CT is the bottleneck.\n2. Put a radiologist in the trauma bay.'],
    // a hypothetical about anyone's report, in general teaching
    ['If your mammogram report says extremely dense, it is worth asking about supplemental ultrasound.'],
    // a title and a name as the subject, not an address
    ['Mr. Okafor, by the way, did well after the resection.'],
    // PSA with a population conditional
    ['PSA: if you are over 45, you should ask about colon cancer screening.'],
    // the author's own experience
    ['I had my own knee MRI last year and skipped the surgery; PT worked for me.'],
    // technique tip to colleagues
    ['Fellows: on each stroke CTA, page through the source images for a carotid web.'],
    // a question to colleagues, without a question mark
    ['Do you all still biopsy every TI-RADS 4 nodule over 1.5 cm'],
    // non-medical advice to a follower
    ['@newdoc_amy negotiate the contract before you sign it.'],
    // declines to interpret and defers to the reader's own doctor
    ['I cannot interpret your images here. Talk to your own doctor about what the report means for you.'],
    // a deferral alone is what we want people to write
    ['Everyone is different, so talk to your doctor about screening.'],
    // "if I were you" to a trainee about reading, not about their health
    ["If I were you (a new R2) I'd read the physics textbook cover to cover before boards."],
    // a teaching-case header ("Girl, 9,") is not a vocative
    ['Girl, 9, with a limp and night pain: get a hip ultrasound first.'],
    // "needs" about findings in general, with no one specific in view
    ['Every spiculated nodule over 8 mm needs a PET-CT.'],
    // the author's own need
    ['I need an MRI of my knee, apparently.'],
    // "needs" as a noun
    ['Kids with special needs deserve accessible imaging.'],
    // a name before a comma that is a patient in a case, not an addressee
    ['Maria, 67, from the lake district, had a huge cyst on CT.'],
    // a vocative to a colleague without any directive
    ['Kevin, great talk on CT dose today!'],
    // a contracted modal after a population conditional
    ["If you're over 50, you'll need a colonoscopy every ten years."],
    // a recommendation of a resource, to no one in particular
    ["I'd recommend this podcast on MRI physics."],
    // "you'll want" about a conference
    ["You'll want to bring snacks to the RSNA poster session."],
    // "sounds like you have" without a diagnosis
    ['Sounds like you have a great team there.'],
    // an exclamation: "you should see" a queue, not a clinician
    ['You should see the parking garage at the clinic this morning.'],
    // a plural audience closes the sentence: general, not one person
    ['Book your own overdue mammogram, fam.'],
    // "every time" is a habit for everyone
    ['Bring your old CDs to every appointment, every time.'],
    // a crowd thanked, the author's own result
    ['All of you messaged me about my biopsy. It came back benign.'],
    // a generic "your own" after a gerund, about the author
    ['Seeing your own CT as a radiologist is humbling.'],
    // "Need a read on this CT": the author's elided "I need", to colleagues
    ['Need a second look at this head CT before rounds.'],
    // a population before the colon, then an imperative to it
    ['Men over 50: ask about a PSA test.'],
    // a directing-shaped question about reporting software, to colleagues
    ['Why are you still dictating into the old template for MRI reports?'],
    // a list of tests before a comma is no vocative
    ['Mammogram, MRI, ultrasound, whatever your plan covers, just show up.'],
  ])('does not flag %s', (text) => {
    expect(advice(text)).toEqual([]);
  });

  it('spans the advice sentence only, in original offsets through zero-width characters', () => {
    const draft = 'Great question. @li\u200Bsa you should get an MRI of that knee.';
    const [f] = advice(draft);
    expect(f).toBeDefined();
    expect(draft.slice(f.start, f.end)).toBe('@li\u200Bsa you should get an MRI of that knee.');
  });

  it('is not cancelled by a disclaimer', () => {
    expect(advice('Not medical advice, but your mom needs a head CT today.')).toHaveLength(1);
  });

  it('caches features per sentence (the same object on re-analysis)', () => {
    const s = 'You need to go to the ER tonight.';
    expect(sentenceFeatures(s)).toBe(sentenceFeatures(s));
    expect(sentenceFeatures(s).directive).toBe('you-modal');
  });

  it('marks a vocative opener only when it addresses someone', () => {
    expect(sentenceFeatures('Kevin, that rash looks like shingles.').vocative).toBe(true);
    expect(sentenceFeatures('Priya, your MRI is fine.').vocative).toBe(true);
    expect(sentenceFeatures('Yesterday, the MRI was fine.').vocative).toBe(false);
    expect(sentenceFeatures('Honestly, your MRI is fine.').vocative).toBe(false);
    expect(sentenceFeatures('Maria, 67, had an MRI.').vocative).toBe(false);
  });

  it('treats a question without a question mark as a question', () => {
    expect(sentenceFeatures('Should we still recommend a follow-up CT for these').question).toBe(true);
    expect(sentenceFeatures('Go see your doctor.').question).toBe(false);
  });

  it('tags sentence-initial imperatives such as "Go see your doctor" and "Take 500 mg twice daily"', () => {
    expect(sentenceFeatures('Take 500 mg twice daily.').directive).toBe('imperative');
    expect(sentenceFeatures('Go see your doctor about the rash.').directive).toBe('imperative');
    expect(sentenceFeatures('We take 500 mg twice daily in the trial.').directive).toBe('');
  });
});
