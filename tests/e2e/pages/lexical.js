// Lexical rich-text compose box in a dialog, shaped like Facebook's (served as www.facebook.com).
import { $getRoot, createEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { record, ctrlEnter } from './common.js';

const root = document.getElementById('root');
root.innerHTML = `<div role="dialog" aria-modal="true" aria-label="Create post">
  <div class="editor" contenteditable="true" role="textbox" aria-label="What's on your mind?" style="min-height:6em;border:1px solid #999;white-space:pre-wrap"></div>
  <div role="button" tabindex="0" aria-label="Post" class="post">Post</div>
</div>`;
const editor = createEditor({ namespace: 'e2e', onError: (e) => { throw e; } });
editor.setRootElement(root.querySelector('.editor'));
registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);
const text = () => editor.getEditorState().read(() => $getRoot().getTextContent());
window.__editorText = text;
const post = () => {
  record(text());
  editor.update(() => $getRoot().clear());
};
root.querySelector('.post').addEventListener('click', post);
ctrlEnter(root.querySelector('.editor'), post);
