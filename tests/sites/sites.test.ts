// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { adapterFor, generic, SITES } from '../../src/sites';
import { editingHost, editorKind, enterPosts, isComposeBox, submitControlOn } from '../../src/sites/editor';
import { eligibility } from '../../src/sites/eligibility';
import type { SiteAdapter } from '../../src/sites/types';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const load = (id: string) => {
  document.body.innerHTML = readFileSync(join(FIXTURES, `${id}.html`), 'utf8');
};
const byId = (id: string): SiteAdapter => [...SITES, generic].find((s) => s.id === id)!;
const count = (sel: string) => document.querySelectorAll(sel).length;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('every adapter', () => {
  it('is registered, has a fixture, and every src/sites adapter file is listed', () => {
    const files = readdirSync(join(import.meta.dirname, '../../src/sites')).map((f) => f.replace(/\.ts$/, ''));
    const adapterFiles = files.filter((f) => !['index', 'types', 'editor', 'eligibility', 'matches', 'mastodon-page'].includes(f));
    expect(new Set(adapterFiles)).toEqual(new Set([...SITES, generic].map((s) => s.id)));
    for (const s of [...SITES, generic]) expect(readdirSync(FIXTURES)).toContain(`${s.id}.html`);
  });
});

// Each selector beside its expected count on the site's saved fixture.
const SELECTORS: [site: string, kind: 'compose' | 'submit' | 'attachments', selector: string, expected: number][] = [
  ['x', 'compose', '[data-testid^="tweetTextarea_"][contenteditable="true"]', 1], // home composer
  ['x', 'submit', '[data-testid="tweetButtonInline"]', 1], // inline Post
  ['x', 'attachments', 'input[data-testid="fileInput"]', 1], // media input
  ['linkedin', 'compose', '.share-creation-state__text-editor .ql-editor', 1], // share box
  ['linkedin', 'compose', '.comments-comment-box__form .ql-editor', 1], // comment box
  ['linkedin', 'submit', '.share-actions__primary-action', 1], // Post
  ['linkedin', 'submit', '.comments-comment-box__submit-button', 1], // Comment
  ['facebook', 'compose', '[data-lexical-editor="true"][contenteditable="true"]', 2], // dialog + comment
  ['facebook', 'submit', '[role="dialog"] [role="button"][aria-label="Post"]', 1], // dialog's Post
  ['bluesky', 'compose', '[data-testid="composePostView"] .ProseMirror', 1], // composer
  ['bluesky', 'submit', '[data-testid="composerPublishBtn"]', 1], // publish
  ['mastodon', 'compose', '.compose-form textarea.autosuggest-textarea__textarea', 1], // toot box
  ['mastodon', 'submit', '.compose-form__submit button', 1], // Post
  ['mastodon', 'attachments', '.compose-form input[type="file"]', 1], // media
  ['reddit', 'compose', 'textarea[name="text"]', 1], // old Reddit comment
  ['reddit', 'compose', 'shreddit-composer [contenteditable="true"]', 1], // new Reddit composer
  ['reddit', 'submit', 'shreddit-composer button[slot="submit-button"]', 1], // new Reddit Comment
  ['threads', 'compose', '[data-lexical-editor="true"][contenteditable="true"]', 1], // new thread
  ['instagram', 'compose', 'form textarea[aria-label]', 1], // comment
  ['instagram', 'submit', 'form [role="button"]', 1], // Post
  ['doximity', 'compose', 'textarea', 1], // generic form
];

describe.each(SELECTORS)('%s %s %s', (site, kind, selector, expected) => {
  it(`matches ${expected} on the fixture and is the adapter's`, () => {
    load(site);
    expect(byId(site)[kind]).toContain(selector);
    expect(count(selector)).toBe(expected);
  });
});

describe('adapterFor', () => {
  const HOSTS: [host: string, id: string][] = [
    ['x.com', 'x'], // bare host
    ['mobile.twitter.com', 'x'], // subdomain
    ['www.linkedin.com', 'linkedin'],
    ['web.facebook.com', 'facebook'],
    ['bsky.app', 'bluesky'],
    ['old.reddit.com', 'reddit'],
    ['www.threads.net', 'threads'],
    ['www.instagram.com', 'instagram'],
    ['www.doximity.com', 'doximity'],
    ['notfacebook.com', 'generic'], // suffix match needs the dot
    ['example.org', 'generic'], // anything else
  ];
  it.each(HOSTS)('%s -> %s', (host, id) => expect(adapterFor(host).id).toBe(id));
  it('recognises a user-added Mastodon instance by its app root', () => {
    load('mastodon');
    expect(adapterFor('social.example.org', document).id).toBe('mastodon');
  });
});

describe('editor kinds, compose boxes and submit controls on the fixtures', () => {
  const KINDS: [site: string, selector: string, kind: string][] = [
    ['x', '[data-testid="tweetTextarea_0"]', 'draft'], // Draft root class
    ['linkedin', '.ql-editor', 'quill'],
    ['facebook', '[data-lexical-editor]', 'lexical'],
    ['bluesky', '.ProseMirror', 'prosemirror'],
    ['mastodon', 'textarea', 'textarea'],
    ['generic', '.box', 'contenteditable'],
  ];
  it.each(KINDS)('%s %s is %s', (site, selector, kind) => {
    load(site);
    const el = document.querySelector(selector)!;
    expect(editorKind(el)).toBe(kind);
    expect(isComposeBox(el, byId(site))).toBe(true);
  });

  it('finds the editing host from a text node deep inside Draft.js', () => {
    load('x');
    const leaf = document.querySelector('[data-text="true"]')!;
    expect(editingHost(leaf)).toBe(document.querySelector('[data-testid="tweetTextarea_0"]'));
  });

  const CONTROLS: [site: string, clicked: string, control: string | null][] = [
    ['x', '[data-testid="tweetButtonInline"] span', '[data-testid="tweetButtonInline"]'], // click on the label inside
    ['bluesky', '[data-testid="composerPublishBtn"] div', '[data-testid="composerPublishBtn"]'],
    ['threads', '[role="button"] div', '[role="button"]'], // known only by its "Post" label
    ['generic', '.go', '.go'], // a plain button labelled Post
    ['generic', '.other', null], // Cancel is not a submit control
    ['mastodon', 'textarea', null], // the box itself is not a control
  ];
  it.each(CONTROLS)('%s: a click on %s goes through %s', (site, clicked, control) => {
    load(site);
    const path: EventTarget[] = [];
    for (let n: Element | null = document.querySelector(clicked); n; n = n.parentElement) path.push(n);
    const found = submitControlOn(path, byId(site));
    expect(found).toBe(control ? document.querySelector(control) : null);
  });

  it('plain Enter posts in Facebook comment boxes and Instagram comments, not in the post dialog', () => {
    load('facebook');
    const [dialogBox, commentBox] = document.querySelectorAll('[data-lexical-editor]');
    expect(enterPosts(dialogBox, byId('facebook'))).toBe(false);
    expect(enterPosts(commentBox, byId('facebook'))).toBe(true);
    load('instagram');
    expect(enterPosts(document.querySelector('textarea')!, byId('instagram'))).toBe(true);
  });
});

describe('eligibility gives reasons', () => {
  it.each([
    ['.box', []], // editable and shown
    ['.ro', ['readonly']], // read-only textarea
    ['.gone', ['hidden']], // hidden attribute
    ['.go', ['not-editable']], // a button is not a compose box
  ])('%s -> %j', (selector, reasons) => {
    load('generic');
    expect(eligibility(document.querySelector(selector)!)).toEqual(reasons);
  });
  it('reports a detached box', () => {
    const ta = document.createElement('textarea');
    expect(eligibility(ta)).toContain('detached');
  });
});
