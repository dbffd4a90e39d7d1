import { describe, expect, it } from 'vitest';
import { findAge, findRole, pluralise } from '../../../src/engine/quasi/people';
import { tokenize } from '../../../src/engine/quasi/phrases';

const ages = (s: string) => findAge(s).filter((p) => p.kind === 'AGE').map((p) => s.slice(p.start, p.end));
const roles = (s: string) => findRole(s, tokenize(s), findAge(s)).map((p) => s.slice(p.start, p.end));

describe('findAge', () => {
  it.each([
    ['A 41 year old with flank pain.', '41 year old'], // no hyphens
    ['CT for a 63-yo with hematuria.', '63-yo'], // hyphenated yo
    ['He was 57 years of age at the time.', '57 years of age'], // "of age"
    ['She was diagnosed with scleroderma at 44, and the lungs followed.', 'at 44'], // life event before "at N"
    ['Onset of the tremor at 27 with a normal MRI.', 'at 27'], // onset ... at N with
    ['At 52, he had never been admitted.', 'At 52'], // sentence-leading age before a pronoun
    ['A welder from the coast, 47.', '47'], // name-less tail ", N."
    ['Knee film tonight: 17M.', '17'], // age-sex shorthand before a full stop
    ['Lateral view, 33 F.', '33'], // spaced shorthand before a full stop
    ['Seen at age 71 for dizziness.', 'at age 71'], // age word (already held)
  ])('finds the age in %s', (text, found) => {
    expect(ages(text)).toContain(found);
  });

  it.each([
    ['Gestational age 34 weeks, breech.'], // gestational age is not the patient's age
    ['Bone age 12 on the hand film.'], // bone age
    ['Started metoprolol at 25 and titrated.'], // a dose: no life event before "at N"
    ['Heart rate at 38, so we paced.'], // a vital sign at N
    ['Diagnosed at 20 weeks on the anatomy scan.'], // gestational weeks after "at N"
    ['Temp of 39 F.'], // fever value, not an age-sex shorthand
    ['The startup raised $40M.'], // money
    ['See page 12, line 29.'], // a tail after a label
    ['We saw 29 patients in clinic.'], // a count
    ['He smoked for 29 years.'], // a duration
    ['Disc bulge at L4-5, worse than at L3.'], // vertebral levels
    ['Potassium at 5.9 after the transfusion.'], // lab value with a decimal
    ['Retired in 2019 and diagnosed in 2021.'], // years
  ])('finds no age in %s', (text) => {
    expect(ages(text)).toEqual([]);
  });
});

describe('findRole', () => {
  it.each([
    ['Scan of a retired letter carrier with back pain.', 'retired letter carrier'], // modifier + service job
    ['The patient is a drummer in a wedding band.', 'drummer'], // music role
    ['A minor-league relief pitcher with elbow pain.', 'minor-league relief pitcher'], // sports position with league modifiers
    ['We saw one of the sled dog mushers after the race.', 'sled dog mushers'], // plural after "one of the"
    ['A retired Air Force colonel on the table today.', 'retired Air Force colonel'], // military rank
    ['A retired Army major with a new cough.', 'retired Army major'], // ambiguous rank word after a rank modifier
    ['A dairy worker kicked by a heifer.', 'dairy worker'], // compound: industry + head
    ['A poultry plant worker with a hand laceration.', 'poultry plant worker'], // compound with a modifier before it
    ['One of the farm hands got caught in the auger.', 'farm hands'], // plural compound
    ['Our patient, a seamstress, has a needle in her thumb.', 'seamstress'], // craft
    ['The zookeeper was bitten on the forearm.', 'zookeeper'], // existing outdoor job
    ['He plays bass in a local cover band.', 'plays bass in a local cover band'], // instrument + ensemble grammar
    ['Played semi-pro hockey until the injury.', 'Played semi-pro hockey'], // level + sport
    ['She works on a hog farm outside town.', 'works on a hog farm'], // workplace grammar
    ['He works as a cable splicer, and the ladder slipped.', 'works as a cable splicer'], // "works as a ..."
    ['A 58-year-old cardiologist with chest pain.', 'cardiologist'], // a clinician with an age is the patient
    ['The only pharmacist in a town of 800.', 'pharmacist'], // "the only" makes a staff role unique
    ['His mom is the charge nurse on our ward.', 'charge nurse'], // a relative holds a staff role
  ])('finds the role in %s', (text, found) => {
    expect(roles(text)).toContain(found);
  });

  it.each([
    ['A major bleed from the splenic artery.'], // rank word without a rank modifier
    ['Referred to a general surgeon.'], // "general" as a specialty
    ['The private room was full.'], // "private" as an adjective
    ['Airline pilots are screened every year.'], // a plural is a group, not the patient
    ['The nurses noticed the rash.'], // the author's colleagues
    ['The cardiologist read the echo.'], // a clinician without an age
    ["Her mother's scan went to the oncologist."], // a relative in possessive form, then a clinician
    ['His coach brought him in from practice.'], // the patient's coach, not the patient
    ['I play bass in a band on weekends.'], // the author's own hobby
    ['I am a radiologist at a county hospital.'], // the author's own role
    ['Our receptionist forwarded the fax.'], // office staff of the author
    ['A dog owner with a bite wound.'], // excluded compound (pet owner)
    ['A BRCA carrier with a breast mass.'], // a gene carrier is not a mail carrier
    ['Contrast agent given at 3 mL/s.'], // "agent" is not a head here
    ['Scout view shows the tube.'], // CT scout is not a talent scout
    ['Tanner stage 3 on exam.'], // Tanner is a staging, not a tanner
  ])('finds no role in %s', (text) => {
    expect(roles(text)).toEqual([]);
  });

  it('derives plurals (mushers, firemen, deputies, coaches)', () => {
    expect(['musher', 'fireman', 'deputy', 'coach', 'farm worker'].map(pluralise)).toEqual(['mushers', 'firemen', 'deputies', 'coaches', 'farm workers']);
  });
});
