import { defineSite } from './types';

/** Mastodon: no fixed host (the user adds their instance); recognised by its app root. */
export const mastodon = defineSite({
  id: 'mastodon',
  hosts: [],
  markers: ['#mastodon', 'body.app-body .compose-form'],
  editor: 'textarea',
  compose: ['.compose-form textarea.autosuggest-textarea__textarea', '.compose-form textarea'],
  submit: ['.compose-form__publish button[type="submit"]', '.compose-form__submit button', '.compose-form button[type="submit"]'],
  submitLabels: ['post', 'publish', 'toot', 'reply', 'save'],
  attachments: ['.compose-form input[type="file"]'],
  modEnterPosts: true,
});
