import type { GuardPage } from './guard-page';

/**
 * An X-ray-like PNG drawn in the page: light overlay text in the top-left corner of a dark image
 * with a grey "organ" (a made-up patient; written for the tests and the demo).
 */
export async function renderScan(gp: GuardPage, lines: readonly string[]): Promise<Buffer> {
  const b64 = await gp.page.evaluate((rows) => {
    const c = document.createElement('canvas');
    c.width = 1024;
    c.height = 768;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#0b0b0b';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.fillStyle = '#5a5a5a';
    ctx.beginPath();
    ctx.ellipse(512, 400, 300, 250, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#f2f2f2';
    ctx.font = '22px "DejaVu Sans Mono", monospace';
    rows.forEach((r, i) => ctx.fillText(r, 16, 34 + i * 30));
    return c.toDataURL('image/png').split(',')[1];
  }, lines);
  return Buffer.from(b64, 'base64');
}

/** Attaches a PNG through the page's file input, as a user picking a file would. */
export async function attachPng(gp: GuardPage, name: string, png: Buffer): Promise<void> {
  await gp.page.setInputFiles('input[type="file"]', { name, mimeType: 'image/png', buffer: png });
}

/** Waits until the panel lists an image with findings (its region is named "N finding(s) in image …"). */
export async function waitForImageFindings(gp: GuardPage, timeout: number) {
  const until = Date.now() + timeout;
  for (;;) {
    const p = await gp.panel();
    if (p?.text.some((t) => /finding.* in image /.test(t))) return p;
    if (Date.now() > until) throw new Error(`no image findings in the panel: ${JSON.stringify(p?.text ?? null)}`);
    await gp.page.waitForTimeout(25);
  }
}
