// Shared by the e2e pages: what the page's own submit handler received, in order.
window.__posted = [];
export function record(text) {
  window.__posted.push(text);
}
/** A React Native Web-like `role=button` div: presses on click and on Enter/Space keyup. */
export function rnwButton(el, onPress) {
  el.addEventListener('click', onPress);
  el.addEventListener('keyup', (e) => {
    if (e.key === 'Enter' || e.key === ' ') onPress();
  });
}
export function ctrlEnter(el, onPress) {
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onPress();
    }
  });
}
