import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import type { AnalyzeOptions } from '../../../src/engine/types';

const missing = (text: string, options: AnalyzeOptions = {}) => analyze(text, options).filter((f) => f.category === 'disclaimer');

const OPINION = 'Hot take: every ED should have 24/7 ultrasound coverage, and we need to stop pretending otherwise.';

describe('disclaimer detector', () => {
  it.each([
    // professional opinion, no disclaimer
    [OPINION],
    // health-policy opinion
    ['The Medicaid cuts are going to close rural imaging centers. I think that is a disaster for screening.'],
    // recommendation to the public
    ['PSA: if you are 50 or older, ask your doctor about a screening colonoscopy.'],
    // patient-specific advice needs one too
    ['@kit_r you should get an ultrasound of that calf today.'],
    // near-miss: "my own views changed" is not a disclaimer
    ['My own views on AI triage changed this year: I think we should use it on every head CT.'],
    // near-miss: a content warning about advice is not a disclaimer
    ['CW: medical advice\n\nHot take: whole-body MRI scans do more harm than good.'],
    // a scope statement labelled "Disclaimer:" is not an opinion disclaimer; a value judgment on a treatment follows
    ["Disclaimer: I'm a neuroradiologist, not a cardiologist. Coronary calcium scoring is underused in younger smokers."],
    // an explicit answer to a clinical question, even when asked on a colleague's behalf
    ['A friend asked if a negative ultrasound rules out appendicitis in kids. My answer: no, not when the appendix is not seen.'],
    // a first-person belief about the profession
    ['Fifteen years of night shifts taught me a lot.\n\nI believe the radiologist who calls the ED directly saves more lives than any AI flag.'],
    // a bare call to action after a health-policy story
    ['Prior authorization delayed three of our cancer staging scans this month. Fix the process.'],
    // a normative statement about a profession's institutions
    ["Insurers should not get to overrule a radiologist's recommendation for a follow-up MRI."],
    // "every <institution> needs to", two words between subject and modal
    ['Every urgent care needs to have a way to send images to the ER.'],
    // a position on what practice ought to be ("should be the default"), after a credential that is no disclaimer
    ["Disclaimer: I'm not an ID doctor. Still, pre-op MRSA screening should be the standard in every hospital."],
    // a PSA whose directive the advice detector reads as general education
    ['PSA since it comes up every week: most thyroid nodules are benign. Ask the doctor who ordered the ultrasound what the report means.'],
    // a declared stance on a labour dispute in medicine
    ['I back the residents walking out next week, and I support the union fully.'],
    // a value judgment on a treatment's evidence, with a COI statement that is no disclaimer
    ['Nothing to disclose. The evidence is weak for stem cell knee injections and the clinics know it.'],
    // a prediction about the profession
    ['Teleradiology will replace the overnight in-house radiologist within five years.'],
    // "we should ..." about how the profession practises
    ['When a patient declines the repeat CT, we should record the choice once and stop nagging in every report.'],
    // a public slice addressed with a colon, then an instruction
    ['Adults over 50 with a smoking history: ask about a low-dose CT this year.'],
    // a normative statement whose subject is a screening programme
    ['Colon screening should begin at 40 for anyone with a first-degree relative with cancer.'],
    // a personal change of mind is an opinion, not a disclaimer
    ['My views have changed: I now think routine MRI before breast surgery causes more harm than it prevents.'],
    // "not my area" and IMHO hedge an opinion without disclaiming it
    ['Not my area but IMHO the new sepsis bundle is too aggressive with fluids.'],
    // naming one's employer is not a disclaimer
    ['The state should fund rural stroke centers properly. Employer: Northfield Health.'],
    // a rhetorical question that takes a side, followed by evidence from practice
    ['Does anyone else think the new lung nodule rules are too lax? We keep finding cancers in the ones we let go.'],
    // a belief whose topic was named in the sentence before
    ['I read mammograms for a decade and watched the interval fights come and go. I now think annual is simply better.'],
    // a vaccination nudge naming the shot, after a credential that is no disclaimer
    ['Disclaimer: I am a radiologist, not a pharmacist. Still, go get your shingles shot once you turn 50.'],
    // reassurance to readers of their own reports on a portal
    ['For anyone reading their own results online: a tiny cyst in the kidney is very common and almost always benign.'],
    // a health directive to the public after a race story ("marathon" is no reason to stay quiet)
    ['Two runners in our ED after the marathon today with heat stroke. Drink water, folks.'],
    // a prediction that a policy will not fix the profession's problem
    ['Tighter RVU quotas will not fix radiologist burnout. Only more staff will.'],
    // a COI statement and a "personal experience" hedge are no disclaimers
    ['Full disclosure: I hold no stock in any AI vendor. Personal experience only, but autonomous chest X-ray triage is not ready for prime time.'],
    // "my personal account of" is a story, not a personal-account disclaimer
    ['My personal account of the night shift: prior auth for MRI is a racket and it hurts patients.'],
  ])('reports a missing disclaimer: %s', (text) => {
    const [f] = missing(text);
    expect(f).toBeDefined();
    expect(f.type).toBe('MISSING_DISCLAIMER');
    expect(f.start).toBe(0);
    expect(f.end).toBe(text.length);
    expect(f.suggestion).toBeTruthy();
  });

  it.each([
    // disclaimers in many wordings, anywhere in the draft
    [`${OPINION} Views my own.`],
    [`Opinions are mine alone. ${OPINION}`],
    [`${OPINION} #NotMedicalAdvice`],
    [`RT ≠ endorsement. ${OPINION}`],
    [`${OPINION} (Speaking for myself, not my department.)`],
    [`${OPINION} These views do not reflect those of my employer.`],
    [`${OPINION} Personal opinion, obviously, and not my hospital's.`],
    // a personal take "not that of" an institution
    [`${OPINION} Only my own take, and not that of my practice.`],
    // a personal-account statement
    [`${OPINION} This is my personal account, not speaking for my group.`],
    // speaking for no institution
    [`${OPINION} I speak for no institution here.`],
    // a signature tail with views declared personal
    [`${OPINION}\n\nDr. R. Okafor | Body imaging | Views expressed are personal`],
    // "personal views only" as a lead-in
    [`Personal views only: ${OPINION}`],
    // a personal capacity statement
    [`Posting in a personal capacity. ${OPINION}`],
    // a professional "we need to talk" about a misfiled study is a workflow note, not a stance
    ['Whoever scanned the wrong patient folder into PACS, we need to talk.'],
    // a personal superlative about a hobby, not a stance on medicine
    ['Night float is over and honestly the best thing this month was the hospital cafeteria pho.'],
    // shorthand disclaimer with an equals sign
    [`${OPINION} views = mine`],
    // "I post only for myself" in a bio-like line
    [`${OPINION}\nI post here only for myself.`],
    // a question to peers with "anyone else", no side taken
    ['Anyone else going to the breast imaging course in Denver next month?'],
    // a judgment about the weather after a sentence about work is not a stance on medicine
    ['Long day in the reading room. This rain is ridiculous.'],
    // no disclaimer needed: conference logistics, congratulations, job post, teaching, personal life
    ['See you at RSNA! My session is Tuesday at 10:30 in room 4B.'],
    ['Congratulations to Dr. Osei on her new role as program director!'],
    ["We're hiring two body imaging radiologists. Message me for details."],
    ['Teaching case: 30F with RLQ pain, US shows a blind-ending tubular structure. #RadEd'],
    ['Ran my first half marathon this weekend. Legs are done.'],
    // a stance phrase about something outside medicine
    ['My old patient says the airline kiosk cannot read her new passport photo. We need better systems.'],
    // a case read is not a belief about the profession
    ['Diffusion restriction in the left thalamus. I think this is a small lacunar infarct. Thoughts?'],
    // "think about" is reflection, not an opinion
    ['I think about that first overnight call every time a new resident starts.'],
    // a superlative about personal finance
    ['Compound interest is the most underrated thing about saving early.'],
    // "should" about findings in a teaching case is not a normative claim
    ['Teaching case: all three nodules should be followed with CT.'],
    // appreciation, not a position
    ['Hospital volunteers deserve more thanks than they get.'],
    // a question to colleagues
    ['Should residency programs require a research year?'],
  ])('stays quiet on %s', (text) => {
    expect(missing(text)).toEqual([]);
  });

  it('honours a profile disclaimer unless one is required in every post', () => {
    expect(missing(OPINION, { disclaimer: { profileHasDisclaimer: true } })).toEqual([]);
    expect(missing(OPINION, { disclaimer: { profileHasDisclaimer: true, required: 'always' } })).toHaveLength(1);
  });

  it("requires one on every post with required: 'always', and none with 'never'", () => {
    expect(missing('Ran my first half marathon this weekend.', { disclaimer: { required: 'always' } })).toHaveLength(1);
    expect(missing(OPINION, { disclaimer: { required: 'never' } })).toEqual([]);
  });

  it("accepts the user's own disclaimer text and suggests it", () => {
    const text = 'Thoughts here are not those of Acme Health.';
    expect(missing(`${OPINION} ${text}`, { disclaimer: { text } })).toEqual([]);
    expect(missing(OPINION, { disclaimer: { text } })[0].suggestion).toBe(text);
  });

  it('never cancels an advice finding', () => {
    const found = analyze('Not medical advice, but you need to stop the warfarin before your biopsy.');
    expect(found.some((f) => f.category === 'advice')).toBe(true);
    expect(found.some((f) => f.category === 'disclaimer')).toBe(false);
  });
});
