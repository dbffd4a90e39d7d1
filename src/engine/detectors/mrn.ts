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
/** `v` marks a version (v2.1.4) but also starts visit numbers (V00928413): a long undotted value is a visit. */
const NOT_ID_VISIT = new Set(labels.notIdentifier.filter((l) => l !== 'v'));
const LABEL_WORDS = labelWordSet({ ...labels, notIdentifier: [] });
/**
 * A DICOM UID (PS3.5 section 9: dotted numeric components, at most 64 characters) names one study,
 * series or image. The standard's own UIDs (transfer syntaxes, SOP classes) sit under the DICOM root
 * 1.2.840.10008 and name no one; an instance UID carries 6+ components after its org root.
 */
const UID = String.raw`(?<![\d.])[12](?:\.\d{1,20}){6,30}(?![\d]|\.\d)`;
const isUid = (v: string) => /^[12](?:\.\d+){6,}$/.test(v) && v.length <= 64 && !v.startsWith('1.2.840.10008.');
/** What an accession is for: a modality, an exam word or a body part right after the number. */
const EXAM_AFTER = String.raw`(?=[ \t]+(?:[A-Za-z]+[ \t]+)?(?:CTA?|MRI?|MRA|MRCP|XR|CR|DX|US|NM|PET(?:-CT)?|IR|MG|RF|[Ss]tudy|[Ss]can|[Ee]xam|[Rr]ead|[Xx]-?ray|[Uu]ltrasound|[Mm]ammo(?:gram)?|[Ff]luoro)(?![A-Za-z]))`;

/** Compiled once: detect() runs on every keystroke. */
const MRN_SPEC: PatternDetectorSpec = {
  id: 'mrn',
  type: 'MRN',
  patterns: [
    // MRN 00482913, Acc# RAD-22-118734, accession 7731-445, PatientID 88123390, visit # 55102
    labelled('mrn-labelled', labels.mrn, 0.9),
    // a RIS accession shape without a label: modality prefix, then 2+ digit groups (CT-24-0091833)
    { name: 'accession-shape', regex: /(?<![A-Za-z0-9\-])(?:CT|MR|MRI|US|XR|CR|DX|NM|PET|RAD|IR|MG|RF)-?\d{2,4}-\d{4,}(?![A-Za-z0-9]|-\d)/g, score: 0.6 },
    // Study UID 1.2.840.113619.2.55...: labelled above, or bare with a study word nearby
    { name: 'dicom-uid', regex: new RegExp(UID, 'g'), score: 0.45 },
    // a worklist line: 6+ digits right before its exam (`88120045 CT head`, `4471203 chest XR`)
    { name: 'exam-number', regex: new RegExp(String.raw`(?<![A-Za-z0-9@#/\-.,])\d{6,12}${EXAM_AFTER}`, 'g'), score: 0.55 },
    // any identifier-shaped token: reported only with a record word nearby (context stage)
    { name: 'id-token', regex: new RegExp(ID_TOKEN, 'g'), score: 0.3 },
  ],
  invalidate: (v, text, start) => {
    const d = digitsOf(v);
    if (v.startsWith('1.2.840.10008.')) return true;
    if (isUid(v)) return false;
    if (d.length < 5 || d.length > 20) return true;
    // CPT 74177, ICD-10 Z87.891, BI-RADS 4: codes; phone and SSN shapes: their own detectors
    return notAnIdentifier(v, text, start, /^[Vv]\d{6,}$/.test(v) ? NOT_ID_VISIT : NOT_ID, LABEL_WORDS);
  },
};

export const mrn = defineDetector({
  id: 'mrn',
  category: 'phi',
  scope: 'paragraph',
  types: ['MRN'],
  context: {
    boost: ['mrn', 'accession', 'acc', 'record', 'chart', 'pacs', 'worklist', 'uid', 'dicom', 'header', 'recon', 'series', 'registered', 'study id', 'patient id', 'teaching file', 'pull it up', 'look it up'],
    suppress: ['cpt', 'icd', 'doi', 'pmid', 'isbn', 'nct', 'trial', 'grant', 'version', 'model', 'room', 'page'],
    window: 6,
  },
  detect(ctx) {
    const out = runPatterns(MRN_SPEC, ctx.text);
    // A worklist lists its accessions in one shape: a bare number with as many digits as one that
    // stands before its exam is a sibling in the same list (`4471203 CT head, 4471388 SBO`).
    const listed = new Set<number>();
    for (const c of out) if (c.explanation.pattern === 'exam-number') listed.add(c.end - c.start);
    if (!listed.size) return out;
    return out.map((c) =>
      c.explanation.pattern === 'id-token' && listed.has(c.end - c.start) && /^\d+$/.test(ctx.text.slice(c.start, c.end))
        ? { ...c, score: 0.55, explanation: { ...c.explanation, context: ['+ same shape as a listed accession'] } }
        : c,
    );
  },
});
