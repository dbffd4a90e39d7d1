import { defineSite } from './types';

/** Reddit: new Reddit's composer (Lexical in `shreddit-composer`), old Reddit's form textareas. */
export const reddit = defineSite({
  id: 'reddit',
  hosts: ['.reddit.com'],
  compose: ['shreddit-composer [contenteditable="true"]', 'textarea[name="title"]', 'textarea[name="text"]', 'textarea[name="body"]', '.usertext-edit textarea'],
  submit: ['shreddit-composer button[slot="submit-button"]', 'button[type="submit"]', 'input[type="submit"]'],
  submitLabels: ['post', 'comment', 'reply', 'save'],
  attachments: ['input[type="file"]'],
  modEnterPosts: true,
});
