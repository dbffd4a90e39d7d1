import { defineSite } from './types';

/** Facebook: Lexical boxes (`data-lexical-editor`); in comment boxes a plain Enter posts. */
export const facebook = defineSite({
  id: 'facebook',
  hosts: ['.facebook.com'],
  editor: 'lexical',
  compose: ['[data-lexical-editor="true"][contenteditable="true"]', '[role="textbox"][contenteditable="true"]'],
  submit: ['[role="dialog"] [role="button"][aria-label="Post"]', '[aria-label="Post"][role="button"]', '[aria-label="Comment"][role="button"]', '[aria-label="Reply"][role="button"]'],
  submitLabels: ['post', 'comment', 'reply', 'share now'],
  attachments: ['input[type="file"][accept*="image"]', 'input[type="file"]'],
  // Comment and reply boxes sit in a form; Enter there posts (Shift+Enter makes a new line).
  enterPosts: ['form [role="textbox"][contenteditable="true"]', '[aria-label^="Write a comment"]', '[aria-label^="Write a reply"]', '[aria-label^="Comment as"]', '[aria-label^="Reply as"]'],
  // Not known to post on Ctrl+Enter, but guarding it costs nothing and fails closed.
  modEnterPosts: true,
});
