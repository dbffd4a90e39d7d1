import { defineSite } from './types';

/** X (Twitter): Draft.js compose boxes; React Native Web buttons that press on click and keyup. */
export const x = defineSite({
  id: 'x',
  hosts: ['x.com', '.x.com', 'twitter.com', '.twitter.com'],
  editor: 'draft',
  compose: ['[data-testid^="tweetTextarea_"][contenteditable="true"]', '[data-testid="dmComposerTextInput"]'],
  submit: ['[data-testid="tweetButtonInline"]', '[data-testid="tweetButton"]', '[data-testid="dmComposerSendButton"]'],
  attachments: ['input[data-testid="fileInput"]', 'input[type="file"]'],
  modEnterPosts: true,
});
