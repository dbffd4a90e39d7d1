import { describe, expect, it } from 'vitest';
import { appendDisclaimer, DEFAULT_DISCLAIMERS, siteLength, siteLimit } from '../../../src/engine/fixes/append-disclaimer';

describe('appendDisclaimer', () => {
  it.each([
    // limits are data, per site
    ['x', 280], ['bluesky', 300], ['threads', 500], ['mastodon', 500], ['instagram', 2200], ['linkedin', 3000],
  ])('knows the %s limit', (site, limit) => {
    expect(siteLimit(site)).toBe(limit);
  });

  it('appends the longest default after a blank line when there is room, keeping the draft intact', () => {
    const draft = 'Screening saves lives.';
    const r = appendDisclaimer(draft, { site: 'linkedin' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith(draft)).toBe(true);
    expect(r.text).toBe(`${draft}\n\n${DEFAULT_DISCLAIMERS[0]}`);
    expect(r.shortened).toBe(false);
  });

  it("prefers the user's text, then the institution's", () => {
    const a = appendDisclaimer('Hot take.', { text: 'My views only.', institutionText: 'Not Acme policy.' });
    const b = appendDisclaimer('Hot take.', { institutionText: 'Not Acme policy.' });
    expect(a.ok && a.appended.trim()).toBe('My views only.');
    expect(b.ok && b.appended.trim()).toBe('Not Acme policy.');
  });

  it('shortens the disclaimer, never the draft, to fit the X limit', () => {
    const draft = 'a'.repeat(260);
    const r = appendDisclaimer(draft, { site: 'x', text: 'These are my personal views and not those of my employer or any group.' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.slice(0, 260)).toBe(draft);
    expect(r.length).toBeLessThanOrEqual(280);
    expect(r.shortened).toBe(true);
  });

  it('says so when even the shortest disclaimer cannot fit', () => {
    const draft = 'b'.repeat(298);
    const r = appendDisclaimer(draft, { site: 'bluesky' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('too-long');
    expect(r.limit).toBe(300);
    expect(r.message).toMatch(/over the 300-character limit/);
  });

  it('counts CJK and emoji double on X only', () => {
    expect(siteLength('日本', 'x')).toBe(4);
    expect(siteLength('日本', 'bluesky')).toBe(2);
  });

  it('has no limit for an unknown site', () => {
    const r = appendDisclaimer('c'.repeat(10000), { site: 'somewhere' });
    expect(r.ok).toBe(true);
  });
});
