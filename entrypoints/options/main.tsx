import { render } from 'preact';
import type { SitesApi } from '../../src/guard/register-sites';
import { OptionsPage } from '../../src/ui/options';
import { SitesSection } from '../../src/ui/options-sites';

// The options page is a list of sections; each section is its own component (src/ui/options-*.tsx).
const sites = browser as unknown as SitesApi;
render(<OptionsPage sections={[{ id: 'sites', title: 'Mastodon instances', body: <SitesSection api={sites} /> }]} />, document.getElementById('app')!);
