import { defineSite } from './types';

/** LinkedIn: the share box and comment boxes are Quill; messaging is a plain contenteditable. */
export const linkedin = defineSite({
  id: 'linkedin',
  hosts: ['.linkedin.com'],
  editor: 'quill',
  compose: ['.share-creation-state__text-editor .ql-editor', '.comments-comment-box__form .ql-editor', '.comments-comment-texteditor .ql-editor', '.msg-form__contenteditable'],
  submit: ['.share-actions__primary-action', '.comments-comment-box__submit-button', '.comments-comment-box__submit-button--cr', '.msg-form__send-button'],
  submitLabels: ['post', 'comment', 'reply', 'send'],
  attachments: ['input[type="file"]'],
  modEnterPosts: true,
});
