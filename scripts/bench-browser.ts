/**
 * `npm run bench:browser`: the guard's speed in real Chromium with the built extension (issue 6).
 * Prints, for a 3,000-character draft in the Draft.js page (X's editor):
 *  - keystroke to updated highlights, median and p95 (target p95 <= 100 ms): from the page's own
 *    keydown to the moment the highlight registry holds new Highlight objects (the guard replaces
 *    them on every re-analysis, so this includes its debounce);
 *  - long tasks (> 50 ms) on the page's main thread while typing (target: none), with the
 *    long-animation-frame scripts that came from the extension;
 *  - the content script's size, gzip (target <= 150 KB).
 * Bounded: builds into a temporary folder, types a fixed number of keys, and gives up after
 * BENCH_TIMEOUT_MS (default 180 s). Synthetic draft text only.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchWithExtension } from '../tests/e2e/support/chromium';
import { buildExtension } from '../tests/e2e/support/extension';
import { buildPages, PAGE_HOSTS } from '../tests/e2e/support/pages';
import { startServer } from '../tests/e2e/support/server';

const KEYS = Number(process.env.BENCH_KEYS ?? 40);
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);

/** A made-up 3,000-character clinical-ish draft with a few identifiers (no real patient). */
function draft(): string {
  const lines = [
    'Teaching thread on chest pain work-up in the emergency department, for residents.',
    'Saw a patient today, SSN 219-09-9999, call back at 555-867-5309 about the results.',
    'Troponin trends matter more than a single value; repeat at three hours if the first is normal.',
    'The HEART score helps decide who can go home, but it never replaces clinical judgement.',
    'Remember aortic dissection and pulmonary embolism before anchoring on the coronaries.',
  ];
  let out = '';
  for (let i = 0; out.length < 3000; i++) out += `${lines[i % lines.length]} `;
  return out.slice(0, 3000);
}

/** Main world, before the page's scripts: keydown stamps, highlight-change stamps, long tasks. */
const INIT = `(() => {
  const keys = [], changes = [], longTasks = [], extScripts = [];
  window.__bench = { keys, changes, longTasks, extScripts };
  window.addEventListener('keydown', () => keys.push(performance.now()), true);
  let last = [];
  const poll = () => {
    const now = CSS.highlights ? [...CSS.highlights.values()] : [];
    if (now.length !== last.length || now.some((h, i) => h !== last[i])) changes.push(performance.now());
    last = now;
    setTimeout(poll, 1);
  };
  poll();
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) for (const s of e.scripts || []) {
        if (/^(chrome|moz)-extension:/.test(s.sourceURL)) extScripts.push({ duration: s.duration, source: s.sourceURL.replace(/^[a-z-]+:\\/\\/[^/]+/, '') });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'clearpost-bench-'));
  const timer = setTimeout(() => { console.error(`bench:browser: gave up after ${TIMEOUT} ms`); process.exit(2); }, TIMEOUT);
  const [ext] = await Promise.all([
    process.env.CLEARPOST_E2E_EXTENSION ?? buildExtension(join(work, 'ext')),
    buildPages(join(work, 'pages')),
  ]);
  const server = await startServer(join(work, 'pages'), work);
  const browser = await launchWithExtension({ extensionDir: ext, hosts: PAGE_HOSTS });
  try {
    const content = await readFile(join(ext, 'content-scripts', 'content.js'));
    const gz = gzipSync(content, { level: 9 }).length;

    const page = await browser.context.newPage();
    // Main world, before the page's scripts: keydown stamps, highlight-change stamps, long tasks.
    // (A string, not a function: tsx would wrap named functions in a helper the page lacks.)
    await page.addInitScript(INIT);
    const origin = `https://x.com:${server.port}`;
    await page.goto(`${origin}/draft.html`);
    const box = page.locator('[data-testid="tweetTextarea_0"]');
    await box.waitFor();
    await box.click();
    // Paste the 3,000 characters in one go (typing them would take minutes), then type.
    const text = draft();
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction((n) => ((window as unknown as { __draftText: () => string }).__draftText().length >= n), text.length);
    await page.keyboard.press('End');
    await page.waitForTimeout(500);
    // The engine loads on the first focus and then checks the pasted draft: its first run compiles
    // its patterns and builds its lexicon indexes (reported, then the typing figures start afresh).
    const loadTasks = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { longTasks: { duration: number }[]; extScripts: unknown[] } }).__bench;
      const tasks = b.longTasks.map((t) => t.duration);
      b.longTasks.length = 0;
      b.extScripts.length = 0;
      return tasks;
    });

    const typingStart = await page.evaluate(() => performance.now());
    const latencies: number[] = [];
    const typed = ' Follow up 5551234 ok';
    for (let i = 0; i < KEYS; i++) {
      const before = await page.evaluate(() => (window as unknown as { __bench: { changes: number[] } }).__bench.changes.length);
      await page.keyboard.press(typed[i % typed.length] === ' ' ? 'Space' : typed[i % typed.length]);
      const got = await page.waitForFunction((n) => {
        const b = (window as unknown as { __bench: { keys: number[]; changes: number[] } }).__bench;
        return b.changes.length > n ? b.changes[b.changes.length - 1] - b.keys[b.keys.length - 1] : null;
      }, before, { timeout: 5000, polling: 5 }).then((h) => h.jsonValue()).catch(() => null);
      if (typeof got === 'number') latencies.push(got);
      await page.waitForTimeout(120); // a typist's pace
    }
    const burstStart = await page.evaluate(() => performance.now());
    // A burst at full speed: what matters here is long tasks, not per-key latency.
    await page.keyboard.type(' and a quick burst of typing at full speed', { delay: 15 });
    await page.waitForTimeout(500);
    const bench = await page.evaluate(() => (window as unknown as { __bench: { longTasks: { start: number; duration: number }[]; extScripts: { duration: number; source: string }[] } }).__bench);
    const draftLen = await page.evaluate(() => (window as unknown as { __draftText: () => string }).__draftText().length);

    console.log(`bench:browser (Chromium, Draft.js page, ${draftLen}-character draft, ${latencies.length}/${KEYS} keystrokes measured)`);
    if (latencies.length) {
      console.log(`  keystroke -> updated highlights: median ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (target p95 <= 100 ms; includes the 40 ms debounce)`);
    } else {
      console.log('  keystroke -> updated highlights: no highlight change observed');
    }
    const extLong = bench.extScripts.filter((s) => s.duration > 50);
    console.log(`  engine load and first check of the pasted draft: ${loadTasks.length} long task(s) > 50 ms${loadTasks.length ? ` (${loadTasks.map((d) => d.toFixed(0)).join(", ")} ms)` : ''}`);
    console.log(`  long tasks > 50 ms while typing: ${bench.longTasks.length}${bench.longTasks.length ? ` (longest ${Math.max(...bench.longTasks.map((t) => t.duration)).toFixed(0)} ms)` : ''}; extension scripts in long animation frames: ${bench.extScripts.length}, of which > 50 ms: ${extLong.length} (target: none)`);
    for (const t of bench.longTasks) console.log(`    long task ${t.duration.toFixed(0)} ms at +${(t.start - typingStart).toFixed(0)} ms (${t.start < burstStart ? 'paced typing' : 'burst'})`);
    console.log(`  content script: ${(content.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip (target <= 150 KB gzip)`);
    await page.close();
  } finally {
    clearTimeout(timer);
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
