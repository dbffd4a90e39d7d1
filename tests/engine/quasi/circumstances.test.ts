import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { findEvent, findFeature, findTime } from '../../../src/engine/quasi/circumstances';
import { tokenize, type QuasiKind } from '../../../src/engine/quasi/phrases';

const spans = (s: string, kind: QuasiKind) =>
  [...findTime(s), ...findEvent(s, tokenize(s)), ...findFeature(s)].filter((p) => p.kind === kind).map((p) => s.slice(p.start, p.end));
const traceable = (s: string) => analyze(s).some((f) => f.category === 'traceable');

describe('TIME: when the case happened', () => {
  it.each([
    ['Back in 2014 a roofer came in with this exact fracture.', 'Back in 2014'], // `back in` + year
    ['In 2022 she had her second bleed.', 'In 2022'], // a bare year after `in` dates the case
    ['He was flown in during the winter of 2018.', 'the winter of 2018'], // season of a year
    ['We scanned her in mid-2021 for the first time.', 'in mid-2021'], // mid-year
    ['We met him this October in the trauma bay.', 'this October'], // this + month
    ['She came back last February, worse.', 'last February'], // last + month
    ['In late August his brother found him.', 'In late August'], // in late + month
    ['He presented on June 3rd with a swollen leg.', 'June 3rd'], // month + day
    ['Over winter break a student fell from a dorm window.', 'Over winter break'], // a school break
    ['A couple days ago we read a wild one.', 'A couple days ago'], // relative without `of`
    ['This past autumn he was brought in by his wife.', 'This past autumn'], // this past + season
    ['She came in two Saturdays ago.', 'two Saturdays ago'], // weekdays ago
    ['The other night a hunter rolled in hypothermic.', 'The other night'], // the other night
  ])('%s', (text, time) => {
    expect(spans(text, 'TIME')).toContain(time);
  });

  it.each([
    ['Under the 2017 Fleischner guidelines this nodule needs nothing.'], // a guideline's year
    ['The classification was revised in 2016.'], // the field's history, not a case
    ['Jones et al. in 2018 reported a series of twelve.'], // a citation
    ['October is breast cancer awareness month.'], // an awareness month
    ['See you at the April meeting in Chicago.'], // a conference
    ['She has been on rituximab since 2020.'], // a duration
    ['Every December the ED fills with RSV.'], // a habit
    ['Next January I start my fellowship.'], // a plan
    ['Applications are due by March 1.'], // a deadline
    ['It may get worse with time.'], // `may` as a verb
    ['The 2015-2019 cohort had 40 patients.'], // a range of years
  ])('no time in %s', (text) => {
    expect(spans(text, 'TIME')).toEqual([]);
  });
});

describe('EVENT: vehicle against animal, animal attacks, races and fairs, counted casualties', () => {
  it.each([
    ['SUV vs moose on the highway, roof crushed.', 'SUV vs moose'], // vehicle vs road animal
    ['Motorcycle versus. a white-tail deer at dusk.', 'Motorcycle versus. a white-tail deer'], // `versus.` and a modifier
    ['He hit a moose at 55 mph.', 'hit a moose'], // collision verb + road animal
    ['A boy bitten by a copperhead at summer camp.', 'bitten by a copperhead'], // venomous snake
    ['She was kicked by the neighbour\'s mule.', "kicked by the neighbour's mule"], // possessive before the animal
    ['A keeper attacked by one of the zoo\'s lions.', "attacked by one of the zoo's lions"], // `one of` before the animal
    ['Then the alligator dragged him under.', 'the alligator dragged'], // active voice
    ['A cottonmouth bite to the ankle while wading.', 'A cottonmouth bite'], // wild animal + weak noun
    ['Knocked off his board by a riptide and held under.', 'a riptide'], // rip current
    ['He finished the Iditarod with frostbitten toes.', 'finished the Iditarod'], // named race
    ['She pulled out of the triathlon at the bike leg.', 'pulled out of the triathlon'], // dropped out
    ['He collapsed mid-race, VF on the monitor.', 'mid-race'], // mid-race
    ['Burned at the county fair when a fryer tipped.', 'at the county fair'], // at the fair
    ['Seven campers were airlifted off the ridge.', 'Seven campers were airlifted'], // counted casualties
    ['One of the two survivors is still in our ICU.', 'two survivors'], // survivors with a count
    ['Twelve people were sickened at the church supper.', 'Twelve people were sickened'], // generic group + strong verb
    ['He was handling snakes at a serpent handling service.', 'a serpent handling'], // religious practice that makes news
    ['The milk crate challenge again: bilateral wrist fractures.', 'The milk crate challenge'], // viral challenge
  ])('%s', (text, event) => {
    expect(spans(text, 'EVENT')).toContain(event);
  });

  it.each([
    ['Ultramarathon runners get tibial stress fractures.'], // a race as a bare noun in teaching
    ['He runs marathons and has a resting HR of 42.'], // a habit, plural
    ['Running a marathon is good for your heart.'], // a generic gerund with an indefinite article
    ['Dog bite to the hand, now with cellulitis.'], // a pet bite is not news
    ['Bitten by her cat, now with a flexor sheath infection.'], // a pet
    ['Bear in mind the differential for a lytic lesion.'], // `bear` the verb
    ['The bull\'s-eye sign of candidiasis in the spleen.'], // `bull` in a sign
    ['Deer ticks carry Lyme; check after hikes.'], // a road animal as a modifier
    ['Three kids with strep this week.'], // a count of patients with an illness
    ['In our series, 12 people died within a year.'], // statistics with a generic group
    ['Race and ethnicity were self-reported.'], // `race` the category
    ['She was at the fair skin end of the spectrum.'], // `fair` the adjective
    ['Used an ultra-low dose protocol during the study.'], // a hyphenated word
    ['Car vs tree, restrained driver, seatbelt sign.'], // a car against a tree is everyday
    ['Ran a 5K on Saturday and now the knee hurts.'], // an everyday race with an indefinite article
    ['Three kids hurt on trampolines this summer alone.'], // a season's tally, not one occasion
  ])('no event in %s', (text) => {
    expect(spans(text, 'EVENT')).toEqual([]);
  });
});

describe('FEATURE: distinctive objects, devices doing something notable, tattoos with text', () => {
  it.each([
    ['A teen who swallowed 30 neodymium magnets.', '30 neodymium magnets'], // counted objects
    ['He swallowed a butter knife on a dare.', 'swallowed a butter knife'], // a distinctive swallowed object
    ['She aspirated her dental bridge in her sleep.', 'aspirated her dental bridge'], // aspirated
    ['A forgotten hemostat in the pelvis.', 'forgotten hemostat'], // retained instrument
    ['A lap pad left behind in her abdomen for years.', 'lap pad left behind in'], // left behind
    ['A sponge from her 1994 cesarean finally found.', 'sponge from her 1994 cesarean'], // sponge from a surgery
    ['Shrapnel from Korea still next to his aorta.', 'Shrapnel from Korea'], // war shrapnel
    ['A BB lodged in the orbit since childhood.', 'BB lodged in the orbit since childhood'], // an old projectile with its story
    ['She finished a half marathon with a total artificial heart.', 'finished a half marathon with a total artificial heart'], // feat with a device
    ['He climbed Mount Rainier with a prosthetic leg.', 'climbed Mount Rainier with a prosthetic leg'], // feat with a device, named peak
    ['An NFC chip under his left thumb skin? No: in his palm.', 'NFC chip under his left thumb'], // body modification
    ['Magnets surgically implanted into both ring fingers.', 'Magnets surgically implanted into both ring fingers'], // implanted magnets
    ['He has a tattoo of his late wife\'s name on the forearm.', "tattoo of his late wife's name"], // a name tattoo
    ['A tattoo over the sternum that reads “NO CPR”.', 'tattoo over the sternum that reads “NO CPR”'], // quoted tattoo text
    ['His DNR tattoo caused an ethics consult.', 'DNR tattoo'], // a DNR tattoo
    ['A sewing needle in her heart, no one knows how.', 'A sewing needle in her heart'], // a needle in an organ, no procedure
  ])('%s', (text, feature) => {
    expect(spans(text, 'FEATURE')).toContain(feature);
  });

  it.each([
    ['Pacemaker in the left chest, leads in the RA and RV.'], // a common implant
    ['A coin in the esophagus of a toddler, removed.'], // an everyday foreign body, uncounted
    ['She swallowed a coin and a bead.'], // everyday objects swallowed
    ['Advance the needle into the liver under ultrasound.'], // a biopsy needle
    ['The biopsy needle in the lesion on this image.'], // a procedure
    ['Patients with an LVAD need a special protocol.'], // a device without a feat
    ['He walked in with a pacemaker and a cast.'], // walking is no feat
    ['She has a tattoo on her ankle.'], // a plain tattoo
    ['A retained bullet fragment in the thigh.'], // a recent-looking fragment without a story
    ['Inserted a guidewire into the vein.'], // a procedure
    ['A 6-year-old swallowed two magnets; both passed.'], // two objects: left to the counted rule, which needs three
    ['An 8-year-old with a magnet in her nose.'], // an everyday foreign body in a site
    ['Pedicle screws in the spine from L3 to S1.'], // surgical hardware
    ['Bullet fragments in the thigh from last month.'], // an ordinary gunshot residue
  ])('no feature in %s', (text) => {
    expect(spans(text, 'FEATURE')).toEqual([]);
  });
});

describe('whole drafts: the new phrasing makes a case traceable only with the guideline rule', () => {
  it.each([
    ['Pickup versus elk near Durango last night: the driver, 58, has a C2 fracture.'], // event + time + place + age
    ['A 35-year-old bitten by a rattlesnake at the state park this weekend.'], // animal bite + time
    ['Swallowed 22 magnetic beads back in 2019: a 9-year-old from Reno, now fine.'], // counted objects + year + age + place
    ['Our 61-year-old retired fireman ran a marathon with an LVAD this spring.'], // device feat + age + role + time
    ['Four teens were injured in a rollover last night; a 16-year-old has a splenic lac.'], // counted casualties of one occasion + time + age
  ])('traceable: %s', (text) => {
    expect(traceable(text)).toBe(true);
  });

  it.each([
    ['A 34-year-old with a dog bite to the hand yesterday. Augmentin and elevation.'], // everyday injury
    ['Marathon runners get stress fractures. Saw a classic one today in a 40-year-old.'], // a race noun in teaching
    ['Per the 2019 guidelines, a 6 mm nodule in a 52-year-old needs no follow-up.'], // a guideline year
    ['A 3-year-old swallowed a coin yesterday; it passed.'], // an ordinary foreign body
    ['Pacemaker on the chest film of a 78-year-old, placed in 2015. Leads fine.'], // a common implant and a year
    ['Three kids hurt on trampolines this week; one 7-year-old has a tibia fracture.'], // a tally of everyday injuries
  ])('not traceable: %s', (text) => {
    expect(traceable(text)).toBe(false);
  });
});
