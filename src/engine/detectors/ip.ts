import { clauseAfter, clauseBefore, lastWords, wordBefore } from '../patterns';
import { defineDetector, type Candidate } from '../types';

/**
 * An IP address that points at the patient (HIPAA Safe Harbor (b)(2)(i)(O)): the address their
 * portal logins, uploads or home devices come from. Formats: IPv4 dotted quad, each octet 0-255
 * (RFC 791; a value outside that range is dropped), IPv6 (RFC 4291, full or `::`-compressed).
 * Inside a URL the address belongs to the URL detector. Whose address it is decides: `her portal
 * logins come from`, `her son's router` are patient cues; `the recipient's`, `our server` are not.
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.\\-\\/:])${OCTET}(?:\\.${OCTET}){3}(?![\\w\\-]|\\.\\d)`, 'g');
const H = '[0-9A-Fa-f]{1,4}';
const IPV6 = new RegExp(`(?<![\\w:.\\/])(?:(?:${H}:){7}${H}|(?:${H}:){1,6}:(?:${H}(?::${H}){0,5})?|::(?:${H}:){0,5}${H})(?![\\w:])`, 'g');
const NOT_IP_LABEL = new Set(['v', 'version', 'ver', 'build', 'firmware', 'software', 'release', 'section', 'rule', 'step', 'figure', 'fig', 'table', 'icd', 'cpt']);
const PATIENT = /\b(?:her|his|their|patient'?s?|pts?'?s?|family'?s?|mom'?s?|dad'?s?|sons?'?s?|daughter'?s?|grandson'?s?|granddaughter'?s?|wife'?s?|husband'?s?|ex|ex-husband'?s?|ex-wife'?s?|boyfriend'?s?|girlfriend'?s?|portal|record|chart|results|home|residential|router)\b|\b[a-z]+'s (?:ct|cta|mri|mr|pet|scan|scans|study|studies|images|exam|films|chart|x-rays?)\b/;
const PRO = /\b(?:recipient'?s?|colleague'?s?|attacker'?s?|hacker'?s?|our (?:server|network|firewall|vpn|gateway|pacs)|server|dns|gateway|subnet|localhost|netmask|example|configure|set your|ping)\b/;

export const ip = defineDetector({
  id: 'ip',
  category: 'phi',
  scope: 'paragraph',
  types: ['IP'],
  detect(ctx) {
    const out: Candidate[] = [];
    const add = (start: number, end: number, pattern: string, base: number) => {
      const value = ctx.text.slice(start, end);
      if (/^(?:0\.0\.0\.0|255\.255\.255\.255|127\.0\.0\.1)$/.test(value)) return;
      if (NOT_IP_LABEL.has(wordBefore(ctx.lower, start))) return;
      const before = clauseBefore(ctx, start, 90);
      const after = clauseAfter(ctx, end, 45);
      const near = `${lastWords(before, 6)} ${after}`;
      let score = base;
      const notes: string[] = [];
      if (PRO.test(near)) { score = 0.2; notes.push('- not the patient\'s address'); }
      else if (PATIENT.test(before) || PATIENT.test(after)) { score = 0.85; notes.push('+ patient cue'); }
      else if (!ctx.patientContext) score -= 0.1;
      out.push({
        detectorId: 'ip', type: 'IP', start, end, score, contextDone: true,
        explanation: { pattern, baseScore: base, ...(notes.length ? { context: notes } : {}) },
      });
    };
    IPV4.lastIndex = 0;
    for (let m = IPV4.exec(ctx.text); m; m = IPV4.exec(ctx.text)) add(m.index, m.index + m[0].length, 'ipv4', 0.55);
    IPV6.lastIndex = 0;
    for (let m = IPV6.exec(ctx.text); m; m = IPV6.exec(ctx.text)) {
      // a bare "::" or a time like 10:30 never reaches here; require at least 3 groups
      if ((m[0].match(/[0-9A-Fa-f]+/g)?.length ?? 0) >= 3) add(m.index, m.index + m[0].length, 'ipv6', 0.55);
    }
    return out;
  },
});
