// TipTap/ProseMirror compose box in a dialog, shaped like Bluesky's (served as bsky.app):
// a React Native Web-like publish button that presses on click and on Enter/Space keyup.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { record, rnwButton, ctrlEnter } from './common.js';

const root = document.getElementById('root');
root.innerHTML = `<div role="dialog" aria-modal="true" aria-label="Compose" data-testid="composePostView">
  <div class="editor" style="min-height:6em;border:1px solid #999"></div>
  <div role="button" tabindex="0" data-testid="composerPublishBtn" aria-label="Publish post">Post</div>
</div>`;
const editor = new Editor({ element: root.querySelector('.editor'), extensions: [StarterKit] });
const text = () => editor.getText({ blockSeparator: '\n' });
window.__editorText = text;
const post = () => {
  record(text());
  editor.commands.clearContent();
};
rnwButton(root.querySelector('[data-testid="composerPublishBtn"]'), post);
ctrlEnter(root.querySelector('.editor'), post);
