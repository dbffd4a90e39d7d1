// Quill compose box shaped like LinkedIn's share box (served as www.linkedin.com).
import Quill from 'quill';
import 'quill/dist/quill.core.css';
import { record, ctrlEnter } from './common.js';

const root = document.getElementById('root');
root.innerHTML = `<div role="dialog" aria-label="Create a post" class="share-box">
  <div class="share-creation-state__text-editor"><div class="q" style="min-height:6em;border:1px solid #999"></div></div>
  <button type="button" class="share-actions__primary-action">Post</button>
</div>`;
const quill = new Quill(root.querySelector('.q'), { placeholder: 'What do you want to talk about?' });
const text = () => quill.getText().replace(/\n$/, '');
window.__editorText = text;
const post = () => {
  record(text());
  quill.setText('');
};
root.querySelector('.share-actions__primary-action').addEventListener('click', post);
ctrlEnter(quill.root, post);
