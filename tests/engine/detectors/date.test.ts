import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const dates = (text: string) => analyze(text).filter((f) => f.type === 'DATE');
const texts = (text: string) => dates(text).map((f) => f.text);

describe('date detector', () => {
  it.each([
    // labelled date of birth, numeric
    ['Pt seen for cough, DOB 04/19/1950, no prior films', '04/19/1950'],
    // dd-Mon-yyyy after a birth label
    ['Her bracelet read "DOB 2-Feb-1948" and she was confused', '2-Feb-1948'],
    // compact DICOM birth date after a label
    ['header still shows BirthDate 19500419 for this pt', '19500419'],
    // month name with ordinal, scan date in a case
    ['We scanned her on June 9th and the mass had doubled', 'June 9th'],
    // "the Nth of Month" in a case
    ['The 80-year-old came back on the 5th of May with the same pain', '5th of May'],
    // bare month/day next to a modality
    ['his 6/14 CT was read as negative, the pt returned in agony', '6/14'],
    // date of service label
    ['Statement for the patient lists DOS 11/02 twice', '11/02'],
    // relative day in a sentence about a patient
    ['Read a head CT on a 70-year-old man last night, huge SDH', 'last night'],
    // weekday dating a patient's admission
    ['The pt I admitted on Thursday finally went home', 'Thursday'],
    // holiday dating the patient's injury
    ['A 12yo came in on Halloween with a fractured wrist', 'Halloween'],
    // "N days ago" with a patient
    ['Three days ago a 40-year-old woman presented with flank pain', 'Three days ago'],
    // a weekday with what happened to the patient that day (discharge), no other cue
    ['after nine weeks in the NICU little Rosa went home Thursday', 'Thursday'],
    // "On <weekday>" opening a past-tense story in a case
    ['Her husband drove her to every radiation session. On Tuesday he brought flowers for the techs.', 'Tuesday'],
    // a holiday in a past-tense story about a patient
    ['Saw a teenager from Boise on Halloween night with a burned forearm', 'Halloween'],
    // a bare day of the month after "on" in a case
    ['my dialysis pt finally got his transplant!!! the call came at 4am on the 9th', 'the 9th'],
    // a run of month/day dates of one admission: each one dates it
    ['03/02 admit, 03/11 discharge, back in our ER by 03/15. so tired of this cycle', '03/15'],
    // the discharge date after its slash date
    ['03/02 admit, 03/11 discharge, back in our ER by 03/15. so tired of this cycle', '03/11'],
    // "from" a night's event (origin, not a start day)
    ['The 15yo from Saturday night\'s house fire has 30% burns on his CT.', 'Saturday night'],
  ])('finds %s', (text, expected) => {
    expect(texts(text)).toContain(expected);
  });

  it.each([
    // conference dates and a talk time
    ['Speaking at SNMMI 2027 in Denver (June 5-9). My session is Monday at 9:00 in Hall B.'],
    // a deadline
    ['Abstracts for the spring symposium are due March 15, do not miss it'],
    // a future start date of a clinic line, not a patient's date
    ['New number for outpatient CT scheduling starting tuesday, please save it'],
    // "is closed on Monday" is a present state, not a past-tense story
    ['The imaging center is closed on Monday for the holiday'],
    // a charity run date is an event
    ['Our clinic team is running the 10K for lung cancer research on Sept 14! Sign up on our page.'],
    // "on the 3rd floor" is a place, not a day of the month
    ['The pt on the 3rd floor kept asking for more pudding'],
    // a whole day's schedule, not one patient's date
    ['The power outage forced us to cancel every outpatient MRI today. Check your messages for a new slot.'],
    // an instruction to the reader after a clause break
    ['If the knee films are clean but she still cannot walk, push for the MRI tonight.'],
    // a year alone and a duration
    ['In 2019 we started doing this; the pain lasted two weeks in most series'],
    // fractions, pain scores, thread counters, blood pressure
    ['Thread 2/7: pain 7/10 is common, and a BP of 180/110 needs care'],
    // an instruction to the reader, not a patient date
    ['If your calf is swollen, go to the ER tonight and get an ultrasound'],
    // generic weekday ("on a Saturday"), not a particular patient's day
    ['Nobody wants to read a CT on a Saturday with motion artifact'],
    // Friday Harbor is a place, not a weekday (its LOCATION is reported elsewhere)
    ['Ferry schedules to Friday Harbor changed again, tourism is up'],
    // the author's own results
    ['Got my own MRI results back today, all fine, thank you all'],
    // holiday used as an adjective in a non-case post
    ['Our reading room Christmas party was the best one yet'],
    // publication date
    ['Our paper was published on October 3, 2025 in Radiology, link below'],
    // overnight is not a date element
    ['Overnight a man came in after a fall, CT negative'],
    // a coarse period (a month, a week) does not name a day
    ['Last month we imaged a patient with a loose hip implant'],
    // a conference date after "presented at the ... meeting"
    ['Our residents presented at the Society of Pediatric Radiology meeting on April 12, so proud!'],
  ])('ignores %s', (text) => {
    expect(texts(text)).toEqual([]);
  });

  it('blocks a date of birth and warns for other patient dates', () => {
    const [dob] = dates('DOB 03/02/1951 on the req');
    expect(dob.severity).toBe('block');
    const [scan] = dates('We scanned the patient on March 2nd, mass unchanged');
    expect(scan.severity).toBe('warn');
  });

  it('finds a DOB typed in full-width digits and maps back to the original characters', () => {
    const draft = 'Pt DOB ０３/１４/１９６１ on the wristband';
    const [f] = dates(draft);
    expect(f.severity).toBe('block');
    expect(draft.slice(f.start, f.end)).toBe('０３/１４/１９６１');
  });

  it('finds a month-day date split by a line break', () => {
    expect(texts('We scanned the patient on March\n3rd and found a bleed')).toEqual(['March\n3rd']);
  });
});
