import phrases from '../../../rules/disclaimer-phrases.json';
import sites from '../../../rules/disclaimer-sites.json';

/**
 * Pure operator: appends an opinion disclaimer to a draft (issue 4). The text is the user's, else
 * the institution's, else the longest built-in default that fits; when the preferred text does
 * not fit the site's length limit (rules/disclaimer-sites.json) a shorter default is used. The
 * draft itself is never shortened: if even the shortest disclaimer cannot fit, the result says so.
 */
export interface AppendDisclaimerOptions {
  /** Site id (x, bluesky, threads, mastodon, instagram, linkedin, ...): picks the length limit. */
  site?: string;
  /** The user's own disclaimer text. */
  text?: string;
  /** The institution's disclaimer text (used when the user has none). */
  institutionText?: string;
  /** Overrides the site's limit (characters). */
  limit?: number;
}

export type AppendDisclaimerResult =
  | { ok: true; text: string; appended: string; length: number; limit?: number; shortened: boolean }
  | { ok: false; reason: 'too-long'; message: string; length: number; limit: number; shortest: string };

const LIMITS: Record<string, number> = sites.limits;
export const DEFAULT_DISCLAIMERS: readonly string[] = phrases.defaults;

export function siteLimit(site: string | undefined): number | undefined {
  return site ? LIMITS[site.toLowerCase()] : undefined;
}

/**
 * Length as the site counts it. X weighs characters outside Latin and common punctuation double
 * (twitter-text's weighted length); other sites count code points. URL shortening is ignored.
 */
export function siteLength(text: string, site?: string): number {
  let n = 0;
  const weighted = site?.toLowerCase() === 'x';
  for (const ch of text) {
    if (!weighted) { n++; continue; }
    const cp = ch.codePointAt(0)!;
    const light = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    n += light ? 1 : 2;
  }
  return n;
}

function joinWith(draft: string, disclaimer: string, sep: string): string {
  return draft + sep + disclaimer;
}

export function appendDisclaimer(draft: string, opts: AppendDisclaimerOptions = {}): AppendDisclaimerResult {
  const limit = opts.limit ?? siteLimit(opts.site);
  const own = [opts.text, opts.institutionText].map((t) => t?.trim()).filter((t): t is string => !!t);
  const candidates = [...own, ...DEFAULT_DISCLAIMERS];
  const preferred = candidates[0];
  // A blank line before the disclaimer when it fits, a single space otherwise.
  const endsBlank = /\n\s*$/.test(draft);
  const endsSpace = /\s$/.test(draft) || draft.length === 0;
  const seps = endsBlank || endsSpace ? [''] : ['\n\n', ' '];
  for (const d of candidates) {
    for (const sep of seps) {
      const text = joinWith(draft, d, sep);
      const length = siteLength(text, opts.site);
      if (limit === undefined || length <= limit) {
        return { ok: true, text, appended: sep + d, length, limit, shortened: d !== preferred };
      }
    }
  }
  const shortest = candidates.reduce((a, b) => (siteLength(b, opts.site) < siteLength(a, opts.site) ? b : a));
  const sep = seps[seps.length - 1];
  const need = siteLength(joinWith(draft, shortest, sep), opts.site);
  return {
    ok: false,
    reason: 'too-long',
    limit: limit!,
    length: need,
    shortest,
    message: `Even the shortest disclaimer would take the post to ${need} characters, over the ${limit}-character limit. Shorten the post by ${need - limit!} characters, or rely on a disclaimer in your profile.`,
  };
}

/** The disclaimer text the fix would append to this draft on this site (for a finding's suggestion). */
export function defaultDisclaimer(site?: string, draft = '', text?: string): string {
  const r = appendDisclaimer(draft, { site, text });
  return r.ok ? r.appended.trim() : r.shortest;
}
