import { defineSite } from './types';

/** Threads: Lexical boxes; the Post control is a `role=button` div known only by its label. */
export const threads = defineSite({
  id: 'threads',
  hosts: ['.threads.net', '.threads.com', 'threads.net', 'threads.com'],
  editor: 'lexical',
  compose: ['[data-lexical-editor="true"][contenteditable="true"]', '[role="textbox"][contenteditable="true"]'],
  submit: [],
  submitLabels: ['post', 'reply'],
  attachments: ['input[type="file"]'],
  modEnterPosts: true,
});
