import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'EMAIL');

describe('email detector', () => {
  it.each([
    // a relative's personal mailbox
    ["email his daughter at lena.marsh71@gmail.com with the CD form", 'lena.marsh71@gmail.com'],
    // the patient's own address, "she's at"
    ["If you want to write to her, she's at quilting.gran@yahoo.com.", 'quilting.gran@yahoo.com'],
    // a personal mailbox with no cue is still someone's
    ['send the scheduling link to rjt1958@comcast.net re the biopsy', 'rjt1958@comcast.net'],
    // evasion: spelled out
    ["her address is dana.k [at] outlook [dot] com", 'dana.k [at] outlook [dot] com'],
    // obfuscated: bracketed at and the provider with no domain
    ['the patient keeps writing to me from bigmike_1961 (at) hotmail about his scan', 'bigmike_1961 (at) hotmail'],
    // a bare at, with a handle-shaped local part
    ['his wife asked me to write to r.okafor77 at gmail with the results', 'r.okafor77 at gmail'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it('blocks a patient address', () => {
    expect(found('the patient emails from ray.h.home@protonmail.com daily')[0].severity).toBe('block');
  });

  it.each([
    // role mailbox of a department
    ['Questions? Email radiology@northvalleyhealth.org'],
    // the author's own address
    ['Email me at jchen@univhospital.edu for the slides'],
    // a fediverse handle is not an email
    ['@dustyroads@mstdn.social you should see someone'],
    // a journal submissions address
    ['Abstracts go to submissions@radjournal.org by Friday'],
    // a department's role mailbox with its prefix, in a job post
    ['Now hiring a body imager. Email bodyimaging-careers@lakeshorehealth.org'],
    // prose "at" before a provider's name
    ['her son works at yahoo and asked about the MRI'],
    // a recruiter's work address in a job post
    ['Now recruiting a breast imager. Contact Sam Ortiz, recruiter, at sortiz@pinecresthealth.org'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
