import { defineSite } from './types';

/** Fallback on any covered page: any textarea or contenteditable, and controls that read like posting. */
export const generic = defineSite({
  id: 'generic',
  hosts: [],
  compose: ['textarea', '[contenteditable="true"]', '[contenteditable=""]', '[contenteditable="plaintext-only"]'],
  submit: ['button[type="submit"]', 'input[type="submit"]'],
  submitLabels: ['post', 'reply', 'comment', 'share', 'send', 'publish', 'tweet', 'toot', 'submit'],
  attachments: ['input[type="file"]'],
  modEnterPosts: true,
});
