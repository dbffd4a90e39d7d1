import { render } from 'preact';
import { createHistory } from '../../src/store/history';
import { DAY_MS, loadPolicy } from '../../src/store/policy';
import { PrintRecord } from '../../src/ui/print-record';

// The printable record of posts (src/ui/print-record.tsx): read once, then the browser prints it.
const history = createHistory({ idb: indexedDB, subtle: crypto.subtle, retentionMs: async () => (await loadPolicy()).retentionDays * DAY_MS });
void history.posted().then((posts) =>
  render(<PrintRecord posts={posts} generated={new Date()} onPrint={() => print()} />, document.getElementById('app')!));
