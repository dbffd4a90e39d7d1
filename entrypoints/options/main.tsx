import { render } from 'preact';
import type { SitesApi } from '../../src/guard/register-sites';
import { OptionsPage } from '../../src/ui/options';
import { SitesSection } from '../../src/ui/options-sites';
import { RulePackSection } from '../../src/ui/options-rules';
import { createPolicyClient, type PolicyClientDeps } from '../../src/rules/policy-client';

// The options page is a list of sections; each section is its own component (src/ui/options-*.tsx).
const sites = browser as unknown as SitesApi;
const policy = createPolicyClient({ local: browser.storage.local as unknown as PolicyClientDeps['local'], onChanged: browser.storage.onChanged as unknown as PolicyClientDeps['onChanged'] });
render(<OptionsPage sections={[
  { id: 'sites', title: 'Mastodon instances', body: <SitesSection api={sites} /> },
  { id: 'rules', title: 'Rule packs', body: <RulePackSection client={policy} /> },
]} />, document.getElementById('app')!);
