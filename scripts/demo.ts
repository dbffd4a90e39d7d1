/**
 * `npm run demo`: the guard in a real browser. Starts Debian's Chromium (headless unless a display
 * is present) with the built extension, opens local pages that embed the real editor libraries on
 * the hosts of the sites they imitate, types a synthetic draft with PHI, clicks Post, and saves
 * screenshots of the highlights, the warning panel and the fixed draft under demo-output/; then
 * attaches an X-ray-like image with burned-in PHI and shows the panel with its OCR findings.
 * Expects `.output/chrome-mv3` (the npm script builds it first).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/e2e/support/chromium';
import { GuardPage } from '../tests/e2e/support/guard-page';
import { buildPages, PAGE_HOSTS, type PageName } from '../tests/e2e/support/pages';
import { attachPng, renderScan, waitForImageFindings } from '../tests/e2e/support/scan-image';
import { startServer } from '../tests/e2e/support/server';

const ROOT = join(import.meta.dirname, '..');
const EXT = join(ROOT, '.output', 'chrome-mv3');
const OUT = join(ROOT, 'demo-output');
// A made-up draft: no real patient.
const DRAFT = 'Interesting case this week: my patient John Smith, 67, was admitted on 3/14/2024.\nHis SSN 219-09-9999 was on the intake form.\nCall 555-867-5309 with questions.';
const CAPTION = 'Classic appearance on the frontal view, note the fluid level.';
const SCAN_OVERLAY = ['DOE^JANE  DOB: 03/14/1961  MRN: 00482913', 'ST. ELSEWHERE IMAGING'];
const DEMOS: [PageName, string][] = [
  ['draft', 'X (Draft.js)'],
  ['lexical', 'Facebook (Lexical)'],
  ['tiptap', 'Bluesky (TipTap/ProseMirror)'],
];

async function main() {
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`no built extension at ${EXT}: run "npm run build" first`);
  await mkdir(OUT, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'clearpost-demo-'));
  await buildPages(join(work, 'pages'));
  const server = await startServer(join(work, 'pages'), work);
  const headless = !process.env.DISPLAY;
  const browser = await launchWithExtension({ extensionDir: EXT, hosts: PAGE_HOSTS, headless });
  console.log(`Chromium ${headless ? 'headless' : 'on the display'} with Clearpost from ${EXT}`);
  let step = 0;
  const shot = async (gp: GuardPage, what: string) => {
    const file = join(OUT, `${String(++step).padStart(2, '0')}-${gp.name}-${what}.png`);
    await gp.page.screenshot({ path: file });
    console.log(`  saved ${file}`);
  };
  try {
    for (const [name, label] of DEMOS) {
      console.log(`\n${label}: ${name}.html served on its site's host`);
      const gp = await GuardPage.open(browser.context, name, server.port);
      await gp.type(DRAFT);
      await gp.page.waitForTimeout(400);
      console.log(`  typed a ${DRAFT.length}-character draft with a name, a date, an SSN and a phone number`);
      await shot(gp, 'highlights');
      await gp.clickPost();
      const panel = await gp.waitForPanel();
      console.log(`  clicked Post: stopped; panel "${panel.name}" with buttons ${[...panel.backendIds.keys()].join(', ')}; posted so far: ${(await gp.posted()).length}`);
      await shot(gp, 'panel');
      await gp.clickPanelButton('Fix all');
      for (let i = 0; i < 50 && (await gp.panel()); i++) await gp.page.waitForTimeout(100);
      const left = await gp.panel();
      await shot(gp, 'fixed');
      console.log(`  Fix all: ${left ? 'the panel lists what is left to fix by hand' : 'every finding replaced'}`);
      if (left) await gp.clickPanelButton('Edit');
      await gp.clickPost();
      await gp.page.waitForTimeout(500);
      const again = await gp.panel();
      if (again) {
        console.log('  clicked Post again: the panel still lists findings, so the draft was not posted');
      } else {
        const posted = await gp.posted();
        console.log(`  clicked Post again: the page received ${posted.length} post(s):`);
        for (const p of posted) console.log(`    ${p.replace(/\n/g, ' / ')}`);
      }
      const foreign = gp.foreignRequests();
      console.log(`  requests to other hosts: ${foreign.length}`);
      await gp.page.close();
    }

    console.log(`\nReddit (textarea): textarea.html with an attached X-ray-like image`);
    const gp = await GuardPage.open(browser.context, 'textarea', server.port);
    await gp.type(CAPTION);
    await attachPng(gp, 'chest-xray.png', await renderScan(gp, SCAN_OVERLAY));
    console.log(`  typed a clean caption and attached a 1024x768 PNG whose corner overlay shows a made-up name, DOB and MRN`);
    await gp.clickPost();
    await gp.waitForPanel();
    const t0 = Date.now();
    const panel = await waitForImageFindings(gp, 45_000);
    const summary = [...new Set(panel.text.filter((t) => /finding.* in image /.test(t)))].join('; ');
    console.log(`  clicked Post: stopped; on-device OCR found ${summary} (${Date.now() - t0} ms after the panel opened, cold start included); posted so far: ${(await gp.posted()).length}`);
    await shot(gp, 'image-panel');
    const foreign = gp.foreignRequests();
    console.log(`  requests to other hosts: ${foreign.length}`);
    await gp.page.close();
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
