import { describe, expect, it } from 'vitest';
import { analyze, buildContext } from '../../../src/engine/analyze';
import { location } from '../../../src/engine/detectors/location';

const places = (text: string) => analyze(text).filter((f) => f.type === 'LOCATION').map((f) => f.text);

describe('location detector', () => {
  it.each([
    // "from" a small town in a case
    ['Read a CT on a 60-year-old farmer from Walla Walla with a pneumothorax', ['Walla Walla']],
    // "near" a town
    ['pt is a logger near Sedro-Woolley who got pinned under a tree', ['Sedro-Woolley']],
    // street address with unit, city and ZIP after a state code
    ['Patient address on the req: 77 Birch Lane, Apt 4, Nampa, ID 83651', ['77 Birch Lane, Apt 4', 'Nampa', '83651']],
    // street name without number, lives off
    ['The pt lives off Cedar Ave and missed two appointments', ['Cedar Ave']],
    // county
    ['A 7yo from Grant County came in with a septic hip', ['Grant County']],
    // ZIP labelled
    ['Three patients with silicosis from the same zip code 93012 this year', ['93012']],
    // a named venue where the patient was hurt
    ['We got the 16-year-old from the crash near the Pinecrest high school last night', ['Pinecrest high school']],
    // "the only X in Y" identifies the patient without any other cue
    ['When the only dentist in Riverton gets an MRI, everyone knows', ['Riverton']],
    // a named road without a house number, in a trauma case
    ['the pile-up on the Harlow bypass sent us three patients overnight', ['Harlow bypass']],
    // a local race the patient ran after her surgery
    ['a year after her surgery she ran the Corrib Lake 10K with her son', ['Corrib Lake 10K']],
    // a generic person "from" a town, then what brought him in
    ['Had a welder from Kettle Falls in tonight with a corneal burn', ['Kettle Falls']],
    // "out of" after a trade, in a case
    ['CT this morning on a cattle rancher out of Broadus with a hip fracture', ['Broadus']],
    // a named relative-style nickname needs no clinical word
    ['Uncle Ray from Lodgepole brings the staff pie every checkup', ['Lodgepole']],
    // a neighbourhood named with "the X district"
    ['Saw a girl from the Ironbound district with a wrist fracture', ['Ironbound']],
    // Spanish preposition after a titled name, accented town
    ['Vino el señor Mamani desde Ilavé para su control', ['Ilavé']],
    // a street and then its town
    ['Two boys from a trailer on Garnet Road in North Pelham, both with burns', ['Garnet Road', 'North Pelham']],
    // an intersection with an ordinal street
    ['Fourth cyclist this year from the corner of Alder and 12th, a 30-year-old with a femur fracture', ['Alder and 12th']],
    // "on X" for an island, when the paragraph calls it an island
    ['A 70-year-old lobsterman on Frenchboro came in with a hand infection. He takes the mail boat off the island twice a month.', ['Frenchboro']],
    // "on X Island" names the island itself
    ['The 55-year-old ferry mechanic on Tarrow Island came in with a crush injury', ['Tarrow Island']],
    // "out to" a neighbourhood on an outreach day
    ['We took the mobile clinic out to Sunnyslope and scanned a 50-year-old with a mass', ['Sunnyslope']],
  ])('finds %s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  it.each([
    // a conference city
    ['Speaking at ARRS 2027 in San Diego, come to my session on liver MRI'],
    // the author's travel
    ['Back from a conference in Vienna, jet-lagged but inspired'],
    // a job post with the practice city
    ['Our small practice in Bozeman is hiring a breast imager, DM me'],
    // a state alone and a country alone, in a case
    ['A 50-year-old man from Montana with a cough; another pt from Canada'],
    // a state spelled in two words is still a state
    ['Anyone get patients from the rodeo in New Mexico? We got the rider.'],
    // eponyms and paper authors are not places
    ['A patient with findings typical of Crohn disease, as in Okafor et al.'],
    // software and acronyms after "in"
    ['The pt images are stuck in PACS and the order is in Epic'],
    // Boston Scientific is a device maker, not a city
    ['The patient has a Boston Scientific ICD, serial on file'],
    // the author's own race, no case
    ['I ran the Fenmore 10K last weekend, slow but happy'],
    // a conference city, after "presented at the ... meeting" (not a patient who presented)
    ['Proud of our fellows who presented at the Society of Pediatric Radiology meeting in San Diego on April 12!'],
    // the author's own town
    ['The running group I coach in Fairhaven asked me to explain what a stress fracture looks like on MRI. A 34-year-old was admitted last week.'],
    ['I work in Fairhaven and scanned a 34-year-old with a stress fracture.'],
    // "on" before drugs and weekdays, with no island in the paragraph
    ['Our patient is on Eliquis and Lasix and fell on Monday'],
    // a sales rep "from" a company, nothing clinical about him
    ['a guy from Kinsworth came by to demo the new drill'],
    // a department after "from"
    ['a woman from Billing called about the coding audit'],
    // a big-city mayor in the news, no patient
    ['The mayor of Boston announced a new vaccine program'],
    // a friend is not a patient
    ['Flew back from the meeting with a friend from Denver'],
    // the author's own island, no case
    ['I live on Bainbridge Island and commute by ferry'],
    // "ran out of" a drug is not a home base
    ['My 70-year-old patient ran out of Eliquis and came in with a PE'],
    // "reached out to" a person is not a trip
    ['I reached out to Priya about the 60-year-old with the mass'],
    // a drug after "on" in a paragraph that mentions an island, with no person before it
    ['Our patient is on Keppra; the island clinic is closed on Sundays'],
  ])('ignores %s', (text) => {
    expect(places(text)).toEqual([]);
  });

  it('reads a one-of-a-kind local role with a patient seen nearby', () => {
    // the sheriff of a town, seen in clinic (the unique-id detector may also claim the longer phrase)
    const ctx = buildContext('Please pray for the sheriff of Tolland, I saw him in clinic today');
    const hits = location.detect(ctx).filter((c) => c.score >= 0.5).map((c) => ctx.text.slice(c.start, c.end));
    expect(hits).toEqual(['Tolland']);
    // without anyone seen, the same role is news
    const news = buildContext('The sheriff of Tolland spoke at the school board meeting');
    expect(location.detect(news).filter((c) => c.score >= 0.5)).toEqual([]);
  });

  it('finds a place hidden with a zero-width space and maps back to the original characters', () => {
    const draft = 'CT on a 40-year-old woman from Yak\u200Bima with a bleed';
    const [f] = analyze(draft).filter((x) => x.type === 'LOCATION');
    expect(f.text).toBe('Yak\u200Bima');
  });
});
