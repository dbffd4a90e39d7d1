import cues from '../../../rules/contact-cues.json';
import { clauseAfter, clauseBefore, lastWords } from '../patterns';
import { defineDetector, type Candidate } from '../types';

/**
 * A patient's (or relative's) email address (HIPAA Safe Harbor (b)(2)(i)(F)). Format: RFC 5322
 * addr-spec, restricted to what people type (dot-atom local part, a dotted host with an alphabetic
 * TLD), plus the `name [at] host [dot] com` spelling used to dodge filters. Whose address it is
 * decides: a personal mailbox with a patient cue (`her daughter at ...`, `she's at ...`) blocks; a
 * role mailbox (`info@`, `radiology@`, `jobs@`) or the author's own (`email me at`) is not PHI.
 */
const ADDRESS = /(?<![\w.+\-@])[A-Za-z0-9](?:[\w+\-]|\.(?=[\w+\-]))*@[A-Za-z0-9](?:[A-Za-z0-9\-]|\.(?=[A-Za-z0-9]))*\.[A-Za-z]{2,24}(?![\w@]|\.[A-Za-z0-9])/g;
const SPELLED = /(?<![\w.])[A-Za-z0-9][\w.+\-]{0,40}\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*[A-Za-z0-9\-]{2,40}\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+)\s*(?:com|org|net|edu|gov|us|io|me|co|uk|ca)\b/gi;

/**
 * A mailbox at a personal provider with the domain cut short: `jdoe_81 (at) yahoo`, `k.marsh at
 * gmail`. The provider names come from the personal domains (`gmail.com` -> `gmail`). With a bare
 * ` at ` the local part must look like a handle (a digit, `_` or `.`), so `works at yahoo` is prose.
 */
const PROVIDERS = [...new Set(cues.personalDomains.map((d) => d.split('.')[0]).filter((p) => p.length >= 3))];
const PROVIDER_ALT = PROVIDERS.sort((a, b) => b.length - a.length).join('|');
const SPELLED_PROVIDER = new RegExp(String.raw`(?<![\w.])(?:[A-Za-z0-9][\w.+\-]{0,40}\s*(?:\[at\]|\(at\)|\{at\}|\s@\s)|[A-Za-z0-9][\w+\-]*[\d_.][\w.+\-]{0,40}\s+at\s+)\s*(?:${PROVIDER_ALT})(?![\w@]|\s*(?:\.|\[dot\]|\(dot\)|\{dot\}|\s+dot\s+)\s*[A-Za-z])`, 'gi');
const PATIENT = new RegExp(cues.patientNear);
const PRO = new RegExp(cues.professional);
const ROLE = new RegExp(cues.roleMailbox);
const PERSONAL = new Set(cues.personalDomains);
const SELF = /\b(?:email|e-mail|mail|message|contact|reach|write to) me\b|\bmy (?:email|e-mail|address|inbox)\b|\b(?:dr|prof|professor|colleague|author|editor)\b\.?/;

export const email = defineDetector({
  id: 'email',
  category: 'phi',
  scope: 'paragraph',
  types: ['EMAIL'],
  detect(ctx) {
    const out: Candidate[] = [];
    const add = (start: number, end: number, pattern: string, base: number, local: string, host: string) => {
      const before = clauseBefore(ctx, start, 90);
      const near = lastWords(before, 6);
      const after = clauseAfter(ctx, end, 30);
      let score = base;
      const notes: string[] = [];
      const personal = PERSONAL.has(host.toLowerCase());
      // a role mailbox, also with a department before it (`neurorad-jobs@`, `peds.scheduling@`) at a
      // non-personal host
      const lastToken = local.toLowerCase().split(/[.\-_+]/).pop() ?? '';
      if (ROLE.test(local.toLowerCase()) || (!personal && ROLE.test(lastToken))) { score = 0.2; notes.push('- role mailbox'); }
      else if (PATIENT.test(near) || PATIENT.test(after.slice(0, 24))) { score = 0.9; notes.push('+ patient contact cue'); }
      else if (SELF.test(near) || (!personal && (PRO.test(before) || PRO.test(after)))) { score -= 0.35; notes.push('- own or professional address'); }
      else if (personal) { score = Math.max(score, 0.85); notes.push('+ personal mailbox'); }
      out.push({
        detectorId: 'email', type: 'EMAIL', start, end, score: Math.max(0, Math.min(1, score)), contextDone: true,
        explanation: { pattern, baseScore: base, ...(notes.length ? { context: notes } : {}) },
      });
    };
    ADDRESS.lastIndex = 0;
    for (let m = ADDRESS.exec(ctx.text); m; m = ADDRESS.exec(ctx.text)) {
      const [local, host] = m[0].split('@');
      add(m.index, m.index + m[0].length, 'address', 0.6, local, host);
    }
    SPELLED.lastIndex = 0;
    for (let m = SPELLED.exec(ctx.text); m; m = SPELLED.exec(ctx.text)) {
      const local = /^[\w.+\-]+/.exec(m[0])?.[0] ?? '';
      // "at" between words is prose; the spelled form needs its "dot" too (the regex requires it)
      add(m.index, m.index + m[0].length, 'spelled-out', 0.6, local, '');
    }
    SPELLED_PROVIDER.lastIndex = 0;
    for (let m = SPELLED_PROVIDER.exec(ctx.text); m; m = SPELLED_PROVIDER.exec(ctx.text)) {
      const local = /^[\w.+\-]+/.exec(m[0])?.[0] ?? '';
      const provider = /[a-z]+$/i.exec(m[0])?.[0].toLowerCase() ?? '';
      const host = cues.personalDomains.find((d) => d.split('.')[0] === provider) ?? '';
      add(m.index, m.index + m[0].length, 'spelled-provider', 0.6, local, host);
    }
    return out;
  },
});
