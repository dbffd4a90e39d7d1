import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const facilities = (text: string) => analyze(text).filter((f) => f.type === 'FACILITY').map((f) => f.text);

describe('facility detector', () => {
  it.each([
    // saint name with a unit, in a case
    ["A 34-year-old came into the St. Mary's ED last night with chest pain", ["St. Mary's ED"]],
    // transferred from a named general hospital
    ['The pt was transferred from Mercy General with a dissection', ['Mercy General']],
    // urgent care with a name
    ['A 9yo seen at Riverside Urgent Care had a missed supracondylar fracture', ['Riverside Urgent Care']],
    // a "Medical Center" in a case
    ['Our patient, 58, was admitted to Lakeview Medical Center for the bleed', ['Lakeview Medical Center']],
    // a health-system brand with its campus
    ['Read a CTA on a 70-year-old at Kaiser Roseville, positive for PE', ['Kaiser Roseville']],
    // a bare name after "at" in a sentence about a patient
    ['The 45-year-old driver was embolized at Harborside before transfer', ['Harborside']],
    // lower-case saint name in a casual case post
    ['covered st. agnes last night and read a CT on a guy with appendicitis', ['st. agnes']],
    // a weak head (Children's) right after `at`, in a case
    ["We lost a little one at Kestrel Bay Children's tonight; his mum held him", ["Kestrel Bay Children's"]],
    // a place name continued by lower-case department words
    ['the Fenwick radiology front desk called my patient twice about her MRI', ['Fenwick radiology front desk']],
    // a bare name after a treatment verb (`embolized at`) in a trauma case
    ['Spleen lac after the rollover. Embolized at Harrowfield, then home in four days.', ['Harrowfield']],
    // a saint name written without the dot
    ['my patient had been seen at St Agnes the week before her stroke', ['St Agnes']],
    // a ward by floor and wing
    ['The 80-year-old on 6 South pulled out her NG tube again', ['6 South']],
    // a ward by its short form
    ['Moved our septic patient to 5W overnight', ['5W']],
    // a numbered ward
    ['Thanks to the nurses on Ward 9 who caught the bleed early in a patient', ['Ward 9']],
    // a named hospital's ICU with a particular person, no clinical word
    ["Held a baby's hand in the Lakeshore NICU tonight", ['Lakeshore NICU']],
    // a rehab hospital the patient went home from
    ['Little guy went home from Cedar Hill Rehab today after 3 months', ['Cedar Hill Rehab']],
    // a hospital by its acronym, in a transfer
    ['the NWMC transfer overnight had a perforated appendix', ['NWMC']],
  ])('finds %s', (text, expected) => {
    expect(facilities(text)).toEqual(expected);
  });

  it.each([
    // the author's employer in a professional post
    ['Thrilled to join the faculty at Mercy General as a neuroradiologist!'],
    // a job post
    ['Lakeview Medical Center is hiring two body imagers, great team'],
    // a conference venue
    ['RSNA 2027 recap from McCormick Place: AI everywhere'],
    // a residency program affiliation
    ['I matched into our residency program at Emory ten years ago today'],
    // a hospital in the news, no case
    ['Saint Luke Hospital announced a new cancer center this week'],
    // a generic unit with no name
    ['Every ED doc I know orders more CTs than they want to'],
    // a sentence-initial adjective before a department word
    ['Pediatric radiology is a different world. This morning I read a CT on a toddler.'],
    // a saint city without the dot is a place, not a facility
    ['my patient drove in from St Louis after her fall'],
    // "outside hospital" shorthand is a kind of place, not one
    ['The OSH transfer had no imaging disc again'],
    // a ward's staff praised with no patient
    ['Our 4 North nurses won the unit award this year'],
    // a named NICU at a ceremony, nobody's case
    ['Visiting the Lakeshore NICU for the ribbon cutting ceremony'],
    // a generic long-term hospital acronym
    ['The LTACH transfer came without a med list'],
    // a highway and its direction, not a ward
    ['Crash on 95 North this morning, a 40-year-old with a splenic lac'],
  ])('ignores %s', (text) => {
    expect(facilities(text)).toEqual([]);
  });

  it('finds a facility written with homoglyphs and maps back to the original characters', () => {
    const draft = 'A 60-year-old was transferred from M\u0435rcy General with a bleed'; // Cyrillic e
    const [f] = analyze(draft).filter((x) => x.type === 'FACILITY');
    expect(f.text).toBe('M\u0435rcy General');
  });
});
