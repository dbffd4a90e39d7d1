import { render } from 'preact';
import type { PanelApi, PanelHandlers, PanelView } from '../guard/panel-api';
import { WarningPanel } from './warning-panel';

const CSS = `
:host { all: initial; }
.panel { position: fixed; z-index: 2147483647; top: 12vh; left: 50%; transform: translateX(-50%);
  width: min(32rem, 92vw); max-height: 70vh; overflow: auto; box-sizing: border-box; padding: 1rem 1.25rem;
  background: #fff; color: #1b1b1b; border: 2px solid #c62828; border-radius: 10px;
  box-shadow: 0 12px 40px rgba(0,0,0,.3); font: 15px/1.4 system-ui, sans-serif; }
.panel:focus { outline: 3px solid #1565c0; outline-offset: 2px; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
p { margin: .25rem 0 .5rem; }
ul { margin: .5rem 0; padding-left: 1.2rem; }
li { margin: .35rem 0; }
.sev { font-weight: 600; }
li.block .sev { color: #b71c1c; }
li.warn .sev { color: #8a5300; }
.fix { color: #333; }
.status { background: #fff8e1; padding: .4rem .6rem; border-radius: 6px; }
.reason label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
.reason textarea { box-sizing: border-box; width: 100%; font: inherit; padding: .3rem .4rem; }
.managed { font-weight: 600; color: #b71c1c; }
.actions { display: flex; gap: .5rem; justify-content: flex-end; margin-top: .75rem; }
button { font: inherit; padding: .4rem .9rem; border-radius: 6px; border: 1px solid #777; background: #f5f5f5; cursor: pointer; }
button:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
button.primary { background: #1565c0; color: #fff; border-color: #1565c0; }
button.danger { color: #b71c1c; border-color: #b71c1c; background: #fff; }
button[disabled] { opacity: .5; cursor: default; }
`;

/**
 * Mounts the warning panel in a closed shadow root, on a neutral host element appended to
 * `container` (the site's compose dialog when there is one, so its focus trap keeps the panel).
 */
export function createPanelHost(): PanelApi {
  return {
    show(container: Element, view: PanelView, handlers: PanelHandlers) {
      const doc = container.ownerDocument;
      const host = doc.createElement('div');
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = CSS;
      shadow.append(style);
      const mount = doc.createElement('div');
      shadow.append(mount);
      container.append(host);
      const draw = (v: PanelView) => render(<WarningPanel view={v} handlers={handlers} />, mount);
      draw(view);
      return {
        update: draw,
        close() {
          render(null, mount);
          host.remove();
        },
      };
    },
  };
}
