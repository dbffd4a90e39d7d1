import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'BIOMETRIC').map((f) => f.text);

describe('biometric detector', () => {
  it.each([
    // possessive
    ['police took his fingerprints in the trauma bay', ['fingerprints']],
    // "of the patient"
    ['our lab made a 3D facial scan of the patient for the implant', ['3D facial scan']],
    // a relative's template
    ["we had to re-enroll the brother's palm vein template", ['palm vein template']],
    // forensic comparison
    ['the ME sent antemortem dental radiographs to compare', ['antemortem dental radiographs']],
    // a voice recording of him, then the same memo again
    ['the family sent a voice memo of him speaking. Can I share the voice memo here?', ['voice memo', 'voice memo']],
    // a sample of her
    ['a colleague texted me a retinal photo of her diabetic patient', ['retinal photo']],
    // a fingerprint card sent for an unidentified body
    ['the coroner mailed us a fingerprint card for an unknown decedent with the films', ['fingerprint card']],
    // a fingerprint match to a person
    ['police got a fingerprint match for the man before we finished the CT', ['fingerprint match']],
    // the patient is the subject of the clause
    ['after the laryngectomy she lost her bank voiceprint login', ['voiceprint']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    // figure of speech
    ['Frontal sinuses are as unique as fingerprints.'],
    // an imaging technique
    ['MR fingerprinting maps T1 and T2 in one scan'],
    // a radiomic signature
    ['a radiomic fingerprint of the tumor predicts response'],
    // a system, not a sample of anyone
    ['the clinic rolled out palm-scan check-in this week'],
    // a general statement
    ['DNA sample collection is covered in the consent form'],
    // a metaphor in a sentence that talks about a patient
    ['her scan findings were as unique as a fingerprint'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
