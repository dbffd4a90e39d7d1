import { defineSite } from './types';

/** Bluesky: a TipTap/ProseMirror box in the composer; React Native Web publish button. */
export const bluesky = defineSite({
  id: 'bluesky',
  hosts: ['bsky.app', '.bsky.app'],
  editor: 'prosemirror',
  compose: ['[data-testid="composePostView"] .ProseMirror', '.ProseMirror[contenteditable="true"]'],
  submit: ['[data-testid="composerPublishBtn"]'],
  submitLabels: ['post', 'publish post', 'reply', 'post all'],
  attachments: ['input[type="file"]'],
  modEnterPosts: true,
});
