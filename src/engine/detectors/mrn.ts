import labels from '../../../rules/identifier-labels.json';
import { digitsOf, ID_TOKEN, labelled, labelWordSet, notAnIdentifier, type PatternDetectorSpec, runPatterns } from '../patterns';
import { defineDetector } from '../types';

/**
 * Medical record, accession, study/exam, patient and visit numbers (HIPAA Safe Harbor (b)(2)(i)(H),
 * "medical record numbers"). There is no national format: each EHR/RIS/PACS numbers its own
 * (Epic MRNs are 7-10 digits, RIS accessions often carry a modality prefix such as `CT-24-0091833`,
 * DICOM tag (0010,0020) PatientID is free text). So the label carries the evidence: a labelled
 * value is confident, an unlabelled identifier-shaped token needs a record word nearby.
 */
const NOT_ID = new Set(labels.notIdentifier);
const LABEL_WORDS = labelWordSet({ ...labels, notIdentifier: [] });

/** Compiled once: detect() runs on every keystroke. */
const MRN_SPEC: PatternDetectorSpec = {
  id: 'mrn',
  type: 'MRN',
  patterns: [
    // MRN 00482913, Acc# RAD-22-118734, accession 7731-445, PatientID 88123390, visit # 55102
    labelled('mrn-labelled', labels.mrn, 0.9),
    // a RIS accession shape without a label: modality prefix, then 2+ digit groups (CT-24-0091833)
    { name: 'accession-shape', regex: /(?<![A-Za-z0-9\-])(?:CT|MR|MRI|US|XR|CR|DX|NM|PET|RAD|IR|MG|RF)-?\d{2,4}-\d{4,}(?![A-Za-z0-9]|-\d)/g, score: 0.6 },
    // any identifier-shaped token: reported only with a record word nearby (context stage)
    { name: 'id-token', regex: new RegExp(ID_TOKEN, 'g'), score: 0.3 },
  ],
  invalidate: (v, text, start) => {
    const d = digitsOf(v);
    if (d.length < 5 || d.length > 20) return true;
    // CPT 74177, ICD-10 Z87.891, BI-RADS 4: codes; phone and SSN shapes: their own detectors
    return notAnIdentifier(v, text, start, NOT_ID, LABEL_WORDS);
  },
};

export const mrn = defineDetector({
  id: 'mrn',
  category: 'phi',
  scope: 'paragraph',
  types: ['MRN'],
  context: {
    boost: ['mrn', 'accession', 'acc', 'record', 'chart', 'pacs', 'worklist', 'registered', 'study id', 'patient id', 'teaching file', 'pull it up', 'look it up'],
    suppress: ['cpt', 'icd', 'doi', 'pmid', 'isbn', 'nct', 'trial', 'grant', 'version', 'model', 'room', 'page'],
    window: 6,
  },
  detect(ctx) {
    return runPatterns(MRN_SPEC, ctx.text);
  },
});
