import { describe, expect, it } from 'vitest';
import { analyze, buildContext } from '../../../src/engine/analyze';
import { normalize } from '../../../src/engine/normalize';
import { findPlaces, sentencePlaces } from '../../../src/engine/quasi/place';

/** PLACE texts of a draft (all finders, PHI detectors included). */
const places = (s: string) => {
  const text = normalize(s).text;
  return findPlaces(buildContext(text)).map((p) => text.slice(p.start, p.end));
};
/** PLACE texts from the traceable-only grammar of one sentence. */
const own = (s: string) => sentencePlaces(s).map((p) => s.slice(p.start, p.end));
const traceable = (s: string) => analyze(s).filter((f) => f.category === 'traceable');

describe('place: a capitalised town or district after a phrasing that introduces a place', () => {
  it.each([
    ['Did a locums stretch up in Dillingham and met him there.', 'Dillingham'], // up in
    ['Her family is down in Quartzsite most winters.', 'Quartzsite'], // down in
    ['He was out in Wendover when the headaches started.', 'Wendover'], // out in
    ['Over in Cordova they had no CT at all.', 'Cordova'], // over in, sentence-initial
    ['I was covering in Glasgow Village that weekend.', 'Glasgow Village'], // covering in, two words
    ['A drywall installer from Spanish Harlem with odd bone lesions.', 'Spanish Harlem'], // district after from
    ['A bartender in Five Corners, 44, with a one in a million thing.', 'Five Corners'], // a number word opens the name
    ['Flown in from Unalakleet overnight.', 'Unalakleet'], // flown in from
    ['Medevac from Bethel to Anchorage at 3 am.', 'Anchorage'], // from X to Y takes Y too
    ['The whole family farms just outside of Wray.', 'Wray'], // just outside of
    ['A teacher in rural Cheyenne Wells with a rare finding.', 'Cheyenne Wells'], // rural + name
    ['Prayers for Dunmore tonight after the mine collapse.', 'Dunmore'], // a community in the news
  ])('%s', (text, place) => {
    expect(own(text)).toContain(place);
  });
});

describe('place: lakes, rivers, mountains, beaches, islands, roads', () => {
  it.each([
    ['He went through the ice on Cass Lake on Sunday.', 'Cass Lake'], // X Lake
    ['Fell through on Lake Bemidji chasing the dog.', 'Lake Bemidji'], // Lake X
    ['Snowmobiled through the ice on Little Pine and was pulled out blue.', 'Little Pine'], // a water name with no head
    ['Thrown from a raft on the Salmon River last week.', 'Salmon River'], // X River
    ['Rescued from a ledge in the Wind River Range.', 'Wind River Range'], // a named range
    ['Stung while snorkeling at Hanauma Bay.', 'Hanauma Bay'], // X Bay
    ['A lifeguard at Crescent Beach with a rare arrhythmia.', 'Crescent Beach'], // X Beach
    ['Camping on Kelleys Island when it happened.', 'Kelleys Island'], // X Island
    ['Summited Mount Rainier with a resting sat of 82.', 'Mount Rainier'], // Mount X
    ['Rollover on Highway 2 near the pass.', 'Highway 2'], // numbered highway
    ['Jackknifed semi on I-80 at dawn.', 'I-80'], // interstate
  ])('%s', (text, place) => {
    expect(own(text)).toContain(place);
  });
});

describe('place: regions and a hospital type with its region', () => {
  it.each([
    ['A wheat farmer from the Palouse with a rare myopathy.', 'the Palouse'], // named region, no head
    ['Grew up in the Bootheel and never left.', 'the Bootheel'], // named region
    ['A crabber from the Northern Neck, 52.', 'the Northern Neck'], // named region with an area word
    ['Cattle rancher from the Sand Hills with a lithopedion.', 'Sand Hills'], // X Hills
    ['A trapper from the Kuskokwim Delta.', 'Kuskokwim Delta'], // X Delta
    ['A roughneck out in the Permian Basin.', 'the Permian Basin'], // X Basin
    ['She drives a school bus up in the Panhandle.', 'the Panhandle'], // a capitalised head alone after the
    ['A tribal elder from the Wind River Reservation.', 'Wind River Reservation'], // reservation
    ['Transferred from a critical access hospital in rural Custer County with a rare bleed.', 'critical access hospital in rural Custer County'], // hospital type + region, one span
  ])('%s', (text, place) => {
    expect(own(text)).toContain(place);
  });
});

describe('place: named hospitals, schools and teams', () => {
  it.each([
    ['Delivered at Sisters of Hope two days ago.', 'Sisters'], // named hospital without a head noun (born/delivered at)
    ['Airlifted to Saint Alphonsus with a crushed chest.', 'Saint Alphonsus'], // airlifted to
    ['Life-flighted to Harborview from the pass.', 'Harborview'], // life-flighted to
    ['A shortstop for the Cedar Falls Cyclones with a rare tumor.', 'Cedar Falls Cyclones'], // team after a sports role
    ['Plays for the Mudcats, 20, never seen anything like it.', 'Mudcats'], // plays for the X
    ['A junior at Westview, 16, with a first-in-state finding.', 'Westview'], // school year at X
    ['A lunch lady at Pine Ridge Elementary, 58.', 'Pine Ridge'], // a role at a named school
  ])('%s', (text, place) => {
    expect(own(text)).toContain(place);
  });
});

describe('place: not places', () => {
  it.each([
    ['Got a sweet note from Rosa on the ward today.'], // a person after from
    ['Thanks for the referral from Dr. Okafor, fun case.'], // a colleague after from
    ['Great pearls from Priya in the reading room.'], // a source noun before from
    ['We first saw her in September, then again in May.'], // months
    ['See you all in Spring; sessions start on Monday.'], // season and weekday
    ['Published in Radiology and shared on Twitter.'], // a journal and a medium
    ['New outcome data from Kaiser on screening.'], // an organisation as a source
    ['Rocky Mountain spotted fever can look like measles.'], // a disease named after a place
    ['The Lake Louise score was 7 at the summit.'], // a score named after a place
    ['Valley fever is common in the Southwest.'], // a disease; a large region is not a named feature here
    ['Vasculitis in Kawasaki disease is a classic board question.'], // an eponym after in
    ['Nice review of imaging in Sturge-Weber this month.'], // a rare disease after in
    ['Founder effects in Ashkenazi families explain it.'], // a people, not a place
    ['A Southern Baptist choir sang at the memorial.'], // a capitalised area word is part of another name
    ['Big fan of Tiger Woods and Grant Hill.'], // people whose surnames are geographic heads
    ['At Grand Rounds we went over the Whipple procedure.'], // a conference, an eponym procedure
    ['In Summary, the fracture healed.'], // a discourse word after In
  ])('%s', (text) => {
    expect(own(text)).toEqual([]);
  });
});

describe('place: through the traceable detector', () => {
  it('a rare case with a role and a town after `up in` is traceable', () => {
    const text = 'Covering a clinic up in Chignik this week: a 41-year-old fisherman with fibrodysplasia ossificans progressiva.';
    const found = traceable(text);
    expect(found).toHaveLength(1);
    expect(found[0].parts?.some((p) => p.kind === 'PLACE' && text.slice(p.start, p.end) === 'Chignik')).toBe(true);
  });

  it('an event with a water name and no time is traceable through the PLACE alone', () => {
    const text = 'A 19-year-old snowmobiler went through the ice on Big Muskie, core temp 27.';
    const found = traceable(text);
    expect(found).toHaveLength(1);
    expect(found[0].parts?.filter((p) => p.kind === 'PLACE').map((p) => text.slice(p.start, p.end))).toEqual(['Big Muskie']);
  });

  it('a common case with a place, an age and a role stays not traceable', () => {
    // no RARITY, EVENT or FEATURE: appendicitis is common whatever the details
    expect(traceable('A 43-year-old logger from the Iron Range with appendicitis, CT this morning.')).toEqual([]);
  });

  it('a rare disease discussed in general with a region stays not traceable', () => {
    // no particular patient: prevalence talk about a region
    expect(traceable('Fibrodysplasia ossificans progressiva is rare everywhere, including the Upper Peninsula.')).toEqual([]);
  });

  it('places in the PHI detectors stay the PHI detectors\' (the union is kept)', () => {
    // a town that the location detector already reports is still a PLACE
    expect(places('Our patient, 33, from Harrow Mills with alkaptonuria.')).toContain('Harrow Mills');
  });
});

describe('place: a person noun before `from` keeps the place', () => {
  it.each([
    ['A nurse from Tuba City, 38, with a lithopedion.', 'Tuba City'], // the patient's own role
    ['A retired surgeon from Kanab with a rare bone dysplasia.', 'Kanab'], // a doctor as the patient
  ])('%s', (text, place) => {
    expect(own(text)).toContain(place);
  });
});
