// A plain contenteditable compose box with a Post button (served as www.doximity.com: generic adapter).
import { record, ctrlEnter } from './common.js';

const root = document.getElementById('root');
root.innerHTML = `<section class="composer">
  <div class="box" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Write a post" style="min-height:6em;border:1px solid #999;white-space:pre-wrap"></div>
  <button type="button" class="post">Post</button>
</section>`;
const box = root.querySelector('.box');
const post = () => {
  record(box.innerText.replace(/\n$/, ''));
  box.textContent = '';
};
root.querySelector('.post').addEventListener('click', post);
ctrlEnter(box, post);
