import type { Finding } from '../engine/types';
import type { ImageView } from './attachments';

/** What the controller tells the warning panel (the UI is injected: src/ui/panel-host.tsx). */
export interface PanelView {
  readonly findings: readonly Finding[];
  /** A sentence about the last action ("Fixed 2 items…", "The site did not accept…"). */
  readonly status?: string;
  /** An action is running: buttons are disabled. */
  readonly busy?: boolean;
  /** Whether "Fix all" has anything to do. */
  readonly canFix: boolean;
  /** The post's attached images, with their findings (src/guard/attachments.ts). */
  readonly images?: readonly ImageView[];
  /**
   * The rule set's enforcement for this draft (issue 7): "Post anyway" is offered ('allow'),
   * offered only with a typed reason ('reason'), or not offered ('stop'). Absent: 'allow'.
   */
  readonly postAnyway?: 'allow' | 'reason' | 'stop';
}

export interface PanelHandlers {
  fixAll(): void;
  edit(): void;
  /** `reason`: the user's typed reason, required when the view's `postAnyway` is 'reason'. */
  postAnyway(reason?: string): void;
  /** Writes an image's redacted copy and swaps it in where the site allows it. */
  replaceImage?(id: string): void;
}

export interface PanelHandle {
  update(view: PanelView): void;
  close(): void;
}

export interface PanelApi {
  /** Shows the panel inside `container` (the site's compose dialog, or the page's body). */
  show(container: Element, view: PanelView, handlers: PanelHandlers): PanelHandle;
}
