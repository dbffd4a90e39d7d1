import { defineSite } from './types';

/** Doximity: no stable public markers are known yet; the generic rules do the work. */
export const doximity = defineSite({
  id: 'doximity',
  hosts: ['.doximity.com', 'doximity.com'],
  compose: ['textarea', '[contenteditable="true"]'],
  submit: ['button[type="submit"]'],
  submitLabels: ['post', 'share', 'publish', 'comment', 'reply', 'send'],
  attachments: ['input[type="file"]'],
  modEnterPosts: true,
});
