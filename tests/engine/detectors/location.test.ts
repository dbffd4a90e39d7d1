import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

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
  ])('ignores %s', (text) => {
    expect(places(text)).toEqual([]);
  });

  it('finds a place hidden with a zero-width space and maps back to the original characters', () => {
    const draft = 'CT on a 40-year-old woman from Yak\u200Bima with a bleed';
    const [f] = analyze(draft).filter((x) => x.type === 'LOCATION');
    expect(f.text).toBe('Yak\u200Bima');
  });
});
