import type { AnalyzeOptions } from '../engine/types';
import type { GuardReport } from '../guard/controller';
import { isTabStatusRequest, reportMessage, type TabStatus } from './messages';
import { loadPolicy, type PolicyDeps, type PolicySummary } from './policy';
import { watchUserSettings } from './settings';

/** The parts of the extension API the content script's history wiring uses. */
export interface ContentRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  readonly onMessage: {
    addListener(cb: (message: unknown) => Promise<unknown> | undefined): void;
    removeListener(cb: (message: unknown) => Promise<unknown> | undefined): void;
  };
}

export interface ContentHistory {
  /** The guard's `report`: sends the report to the background; never throws. */
  report(event: GuardReport): void;
  /**
   * The user's allow list ("not PHI" in the popup), where the rule set lets it through, for the
   * next scan right away (the merged policy carries it too once the background re-merges).
   */
  options(): AnalyzeOptions;
}

/**
 * Content-script side of the history: forwards the guard's reports, keeps the user's allow list
 * (what they marked "not PHI" in the popup) in the analysis options, and answers the popup's
 * "is the guard active on this tab?" with the site id and how many boxes it follows.
 */
export function createContentHistory(deps: {
  runtime: ContentRuntime;
  site: string;
  boxes: () => number;
  signal: AbortSignal;
  policy?: PolicyDeps;
}): ContentHistory {
  let summary: PolicySummary | undefined;
  const reload = () => loadPolicy(deps.policy).then((s) => { summary = s; }, () => undefined);
  void reload();
  const unwatch = watchUserSettings(() => void reload());
  const onMessage = (m: unknown) => (isTabStatusRequest(m) ? Promise.resolve<TabStatus>({ active: true, site: deps.site, boxes: deps.boxes() }) : undefined);
  deps.runtime.onMessage.addListener(onMessage);
  deps.signal.addEventListener('abort', () => { unwatch(); deps.runtime.onMessage.removeListener(onMessage); }, { once: true });
  return {
    report(event) {
      try { void deps.runtime.sendMessage(reportMessage(event)).catch(() => undefined); } catch { /* extension reloaded */ }
    },
    options() {
      if (!summary) return {};
      return summary.allow.length ? { allow: summary.allow } : {};
    },
  };
}
