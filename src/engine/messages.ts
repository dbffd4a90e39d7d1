/** Plain-language reasons and default replacements per PHI type. Never includes the matched text. */
export const PHI_LABEL: Record<string, string> = {
  NAME: 'a patient or relative name',
  DATE: 'a date tied to a patient',
  AGE_OVER_89: 'an age over 89',
  LOCATION: 'a place smaller than a state tied to a patient',
  FACILITY: 'the facility where the patient was seen',
  PHONE: 'a phone number',
  FAX: 'a fax number',
  EMAIL: 'an email address',
  SSN: 'a Social Security number',
  MRN: 'a medical record, accession or study number',
  HEALTH_PLAN: 'a health plan member number',
  ACCOUNT: 'an account or billing number',
  LICENSE: 'a licence or certificate number',
  VEHICLE: 'a vehicle plate or VIN',
  DEVICE: 'a device serial or identifier',
  URL: 'a link that points at the patient',
  IP: 'an IP address',
  BIOMETRIC: 'a biometric identifier',
  UNIQUE_ID: 'a unique identifying characteristic',
};

export function phiMessage(type: string): string {
  const label = PHI_LABEL[type] ?? 'an identifier';
  return `Looks like ${label}: a HIPAA Safe Harbor identifier. Remove or generalise it before posting.`;
}

export function phiSuggestion(type: string): string {
  return `[${type.toLowerCase().replace(/_/g, ' ')}]`;
}
