import { render } from 'preact';
import type { SitesApi } from '../../src/guard/register-sites';
import { OptionsPage } from '../../src/ui/options';
import { SitesSection } from '../../src/ui/options-sites';
import { AuditSection } from '../../src/ui/options-audit';
import { HistorySettingsSection } from '../../src/ui/options-history';
import { createPopupApi, historySettingsApi, type PopupBrowser } from '../../src/ui/popup-api';
import { RulePackSection } from '../../src/ui/options-rules';
import { createPolicyClient, type PolicyClientDeps } from '../../src/rules/policy-client';

// The options page is a list of sections; each section is its own component (src/ui/options-*.tsx).
const sites = browser as unknown as SitesApi;
const history = createPopupApi(browser as unknown as PopupBrowser);
const policy = createPolicyClient({ local: browser.storage.local as unknown as PolicyClientDeps['local'], onChanged: browser.storage.onChanged as unknown as PolicyClientDeps['onChanged'] });
render(<OptionsPage sections={[
  { id: 'sites', title: 'Mastodon instances', body: <SitesSection api={sites} /> },
  { id: 'history', title: 'Your settings and history', body: <HistorySettingsSection api={historySettingsApi(history)} /> },
  { id: 'audit', title: 'Audit log', body: <AuditSection history={history.history} download={history.download} /> },
  { id: 'rules', title: 'Rule packs', body: <RulePackSection client={policy} /> },
]} />, document.getElementById('app')!);
