import medical from '../../../rules/advice-medical.json';
import { PhraseSet } from './phrases';

/**
 * Pure operator: a general rewording for a sentence of patient-specific advice. It never edits the
 * draft; it proposes one sentence that speaks to people in general and sends them to their own
 * doctor, so nothing can be read as a doctor-patient relationship. The medical action the advice
 * was about is kept (a test, a procedure, a referral) when one can be found; otherwise a plain
 * general sentence is returned.
 */
const URGENT = new PhraseSet(['er', 'ed', 'emergency room', 'emergency department', 'urgent care', '911', 'ambulance', 'a&e', 'go to the er', 'surgical emergency', 'emergency']);
const ACTION = new PhraseSet([...medical.tests, ...medical.procedures]);
const DRUG = new PhraseSet(medical.drugs);
const CARE = new PhraseSet(medical.care.filter((c) => !/^(doctor|doc|doctors|hospital)$/.test(c)));
const STOPWORDS = new Set(['scan', 'scans', 'film', 'films', 'pictures', 'imaging', 'opinion', 'finding', 'findings', 'follow up', 'follow-up', 'followup', 'treatment', 'therapy', 'rest', 'appointment', 'ice', 'recheck', 'rescan', 'boot', 'shot', 'cast', 'drain', 'removal']);

function article(word: string): string {
  return /^(?:[aeiou]|mri|mr\b|x-|fna|ecg|ekg|eeg|emg|ent|hrt)/i.test(word) ? 'an' : 'a';
}

export function generalizeAdvice(sentence: string): string {
  if (URGENT.test(sentence) || /(?<![\w@#])(?:ER|ED)(?!\w)/.test(sentence)) {
    return 'In general, symptoms or findings like these need prompt in-person care: anyone in this situation should be seen urgently rather than ask online.';
  }
  let action: string | undefined;
  for (const m of ACTION.matches(sentence)) {
    const w = m.text.toLowerCase().replace(/[\s-]+/g, ' ');
    if (!STOPWORDS.has(w)) { action = m.text; break; }
  }
  if (action) {
    const a = /^(surgery|surgical|physical therapy|chemo\w*|radiation|radiotherapy|dialysis|screening|imaging|genetic testing|premedication|stitches|sutures|crutches|labs|colonoscopies|biopsies|mris|cts)$/i.test(action) ? '' : `${article(action)} `;
    return `In general, whether ${a}${action} is needed depends on the full history and exam: anyone with similar findings should discuss it with their own doctor.`;
  }
  const drug = DRUG.first(sentence);
  if (drug) {
    return `In general, changes to ${drug} should be made with the prescribing doctor: anyone in this situation should ask them before starting or stopping it.`;
  }
  const care = CARE.first(sentence);
  if (care) {
    return `In general, findings like these are worth discussing with a ${care.toLowerCase() === 'er' ? 'doctor' : care}: anyone in this situation should ask their own doctor about next steps.`;
  }
  return 'In general, anyone with similar symptoms or findings should discuss them with their own doctor, who knows their history.';
}
