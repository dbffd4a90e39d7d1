import hosts from '../../../rules/url-hosts.json';
import { clauseAfter, clauseBefore } from '../patterns';
import { defineDetector, type Candidate } from '../types';

/**
 * A link that points at the patient (HIPAA Safe Harbor (b)(2)(i)(N), "Web Universal Resource
 * Locators"): their fundraiser or care journal, their social post or blog, a shared folder of their
 * images, a PACS/viewer link to their study. Syntax: RFC 3986 with or without a scheme (people
 * type `gofundme.com/f/...`). A link to a journal, society, guideline or the author's own
 * lab/podcast is not PHI. The host decides most (rules/url-hosts.json), the clause the rest.
 */
const TLD = 'com|org|net|edu|gov|mil|int|io|co|me|us|ly|app|online|social|blog|info|health|care|uk|ca|au|de|fr|nz|ie|tv|gl|ms|link|page|site|news|ai|dev|xyz';
const URL_RE = new RegExp(
  String.raw`(?:\bhttps?:\/\/|(?<![\w@.\-\/])www\.)[^\s<>"']+|(?<![\w@.\-\/#])(?:[a-z0-9][a-z0-9\-]{0,62}\.)+(?:${TLD})(?![\w\-]|\.[a-z0-9])(?::\d{2,5})?(?:\/[^\s<>"']*)?`,
  'gi',
);
const IPV4_HOST = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const RECORD_PATH = /(?:[?&](?:study|studyuid|accession|acc|mrn|patient|patientid|pid|series)=)|\/(?:viewer|wado|dicom|studies|patient|patients|chart|mychart)\b|\b\d+(?:\.\d+){5,}\b/i;
/** An image or study share: a PACS/viewer host (`pacs-share.`, `dicom.`, `images.`) or a share-token path (`/s/8fK2q`, `/share/...`). */
const SHARE_HOST = /(?:^|[.\-])(?:pacs|dicom|viewer|share|shared|imaging|images|img|radiology|rad|portal|mychart|studies)(?:[.\-]|$)/;
const SHARE_PATH = /^\/(?:s|share|shared|sh|l|v)\/[A-Za-z0-9_\-]{5,}|[?&](?:token|share|key)=/i;
/** The patient named right after the link: `(pt A. B., 44M)`, `of her CT`. */
const PATIENT_AFTER = /^[\s(:,\-–]*(?:pt\b|patient\b|his\b|her\b|their\b|my patient|our patient|\d{1,3} ?(?:m|f|yo|y\/o)\b|(?:(?:go|please|pls|and|so)\s+)?(?:follow|support|subscribe to|check out|like|share|visit|donate to|send (?:her|him|them) (?:some )?love)\s+(?:her|him|them|this (?:kid|girl|boy|little))\b)/;
const POST_PATH = /\/@[\w.\-]+(?:\/\d+)?|\/(?:status|statuses|video|videos|p|posts|reel|reels|watch|shorts|comments|photo|photos|story|stories)\b|\/(?:visit|f|site|journal|fundraiser)\//i;
const PATIENT_CLAUSE = /\b(?:her|his|their|she|he|patient'?s?|pts?'?s?|family'?s?|parents'?|mom'?s?|dad'?s?|sons?'?s?|daughter'?s?|wife'?s?|husband'?s?|fundraiser|care page|journey|asked (?:me|us) to share|prayers|support (?:her|him|them)|images|scans?)\b/;
const PRO_CLAUSE = /\b(?:our|my)\b(?:\s+[\w'&-]+){0,3}?\s+(?:lab|group|podcast|episode|paper|study|article|talk|lecture|slides|deck|course|newsletter|blog|site|website|page|thread|program|department|team|practice)\b|\b(?:article|paper|journal|open access|full text|preprint|abstract|guideline|guidelines|white paper|podcast|episode|webinar|register|registration|conference|session|slides|syllabus|recruiting|apply|job|jobs|careers|details at|read more|learn more|survey|sign up|worth bookmarking)\b/;

function hostOf(url: string): string {
  const noScheme = url.replace(/^https?:\/\//i, '');
  return noScheme.split(/[\/?#:]/)[0].toLowerCase().replace(/^www\./, '');
}

function inList(host: string, list: readonly string[]): boolean {
  return list.some((h) => host === h || host.endsWith('.' + h));
}

/** Trailing punctuation that ends a sentence, not the link; a closing bracket only if unbalanced. */
function trimEnd(url: string): string {
  let u = url;
  for (;;) {
    const last = u[u.length - 1];
    if (/[.,;:!?'"…]/.test(last)) u = u.slice(0, -1);
    else if (last === ')' && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1);
    else if (last === ']' && !u.includes('[')) u = u.slice(0, -1);
    else return u;
  }
}

export const url = defineDetector({
  id: 'url',
  category: 'phi',
  scope: 'paragraph',
  types: ['URL'],
  detect(ctx) {
    const out: Candidate[] = [];
    URL_RE.lastIndex = 0;
    for (let m = URL_RE.exec(ctx.text); m; m = URL_RE.exec(ctx.text)) {
      const value = trimEnd(m[0]);
      const start = m.index, end = start + value.length;
      const host = hostOf(value);
      if (!host || inList(host, hosts.professional)) continue;
      const path = value.slice(value.toLowerCase().indexOf(host) + host.length);
      let pattern: string, base: number;
      if (inList(host, hosts.patient)) { pattern = 'patient-page-host'; base = 0.85; }
      else if (IPV4_HOST.test(host) || RECORD_PATH.test(path)) { pattern = 'record-link'; base = 0.85; }
      else if (inList(host, hosts.files)) { pattern = 'file-share-host'; base = 0.7; }
      else if (SHARE_PATH.test(path)) { pattern = 'image-share'; base = 0.6; }
      // a PACS or portal host with nothing after it is the system's front door, not one study
      else if (SHARE_HOST.test(host.split('.').slice(0, -2).join('.') || host.split('.')[0])) { pattern = 'image-share'; base = /^\/?$/.test(path) ? 0.3 : 0.6; }
      else if (inList(host, hosts.social) || inList(host, hosts.blog) || /\/@[\w.\-]+\/\d+/.test(path)) {
        pattern = POST_PATH.test(path) || inList(host, hosts.blog) ? 'social-post' : 'social-profile';
        base = pattern === 'social-post' ? 0.45 : 0.3;
      } else { pattern = 'other-link'; base = 0.2; }
      const before = clauseBefore(ctx, start, 100);
      const after = clauseAfter(ctx, end, 40);
      let score = base;
      const notes: string[] = [];
      if (PRO_CLAUSE.test(before) || PRO_CLAUSE.test(after)) { score -= 0.4; notes.push('- professional link cue'); }
      else if (PATIENT_CLAUSE.test(before) || PATIENT_AFTER.test(after)) { score += 0.35; notes.push('+ patient cue'); }
      else if (ctx.patientContext && base >= 0.45) { score += 0.25; notes.push('+ draft about a patient'); }
      out.push({
        detectorId: 'url', type: 'URL', start, end, score: Math.max(0, Math.min(1, score)), contextDone: true,
        explanation: { pattern, baseScore: base, ...(notes.length ? { context: notes } : {}) },
      });
    }
    return out;
  },
});
