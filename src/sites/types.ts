/** What Clearpost knows about one site's compose UI. Pure data: tested offline on saved HTML fixtures. */
export type EditorKind = 'textarea' | 'contenteditable' | 'draft' | 'lexical' | 'prosemirror' | 'quill';

export interface SiteAdapter {
  /** Kebab-case id, also passed to analyze() as `options.site`. */
  readonly id: string;
  /** Hostnames this adapter covers: exact, or a suffix when written with a leading dot. */
  readonly hosts: readonly string[];
  /** Elements whose presence marks a page of this site when the host is user-added (Mastodon). */
  readonly markers?: readonly string[];
  /** Editable elements (textarea or contenteditable host) that are compose boxes. */
  readonly compose: readonly string[];
  /** Controls that post the draft. */
  readonly submit: readonly string[];
  /** Lower-case visible labels or accessible names of `button`/`role=button` controls that post. */
  readonly submitLabels?: readonly string[];
  /** File inputs that attach images. */
  readonly attachments: readonly string[];
  /** Compose boxes in which a plain Enter posts (comment boxes). */
  readonly enterPosts?: readonly string[];
  /** Whether Ctrl/Cmd+Enter posts from a compose box (default true). */
  readonly modEnterPosts?: boolean;
  /** The editor the site uses, when it is known (detection from markers still wins). */
  readonly editor?: EditorKind;
}

export function defineSite(site: SiteAdapter): SiteAdapter {
  return Object.freeze(site);
}
