import { defineSite } from './types';

/** Instagram web: comment textareas in a form (Enter posts); the new-post caption is Lexical. */
export const instagram = defineSite({
  id: 'instagram',
  hosts: ['.instagram.com', 'instagram.com'],
  compose: ['form textarea[aria-label]', 'textarea[placeholder^="Add a comment"]', '[aria-label^="Write a caption"][contenteditable="true"]'],
  submit: ['form [role="button"]', 'form button[type="submit"]'],
  submitLabels: ['post', 'share'],
  attachments: ['input[type="file"]'],
  enterPosts: ['form textarea'],
  // Not known to post on Ctrl+Enter, but guarding it costs nothing and fails closed.
  modEnterPosts: true,
});
