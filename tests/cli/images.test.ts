import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args';
import { imageJsonLine, imageReport } from '../../src/cli/images';
import { classify, IMAGE_EXT } from '../../src/cli/input';
import { makePaint } from '../../src/cli/report';
import { IMAGE_EXTENSIONS } from '../../src/ocr/node';
import type { ImageFinding } from '../../src/ocr/types';
import { renderPng } from '../ocr/render';

/**
 * Images through the real CLI (spawned as a user runs it), on images rendered here. Three
 * processes in all: each loads the OCR worker, a few seconds on a busy 2-core machine.
 */
const BIN = join(__dirname, '../../bin/clearpost.mjs');
/** A photo of people that ships in the face detector's npm package (the project holds no face photos). */
const FACE_PHOTO = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo', 'sample1.jpg');

interface Run { code: number | null; stdout: string; stderr: string }
function run(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const PHI_ROWS = [
  { text: 'QUILLFEATHER^MAEVE', x: 10, y: 26 },
  { text: 'MRN: 00731862', x: 10, y: 52 },
  { text: 'DOB: 11/02/1957', x: 10, y: 78 },
  { text: '120 kVp  250 mAs', x: 10, y: 450 },
];
const TECH_ROWS = [{ text: '120 kVp  250 mAs', x: 10, y: 450 }, { text: 'W 400 L 40', x: 480, y: 450 }];

let dir: string;
let phiPng: string, cleanJpg: string, fakePng: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearpost-cli-img-'));
  phiPng = join(dir, 'phi.png');
  writeFileSync(phiPng, await renderPng(640, 480, PHI_ROWS));
  cleanJpg = join(dir, 'clean.jpg');
  writeFileSync(cleanJpg, await sharp(await renderPng(640, 480, TECH_ROWS)).jpeg({ quality: 90 }).toBuffer());
  fakePng = join(dir, 'fake.png');
  writeFileSync(fakePng, 'a text file with an image extension');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('classify and arguments', () => {
  it.each([
    // each image extension, any case
    ['xray.PNG'], ['scan.jpg'], ['scan.jpeg'], ['photo.webp'], ['anim.gif'], ['old.bmp'],
  ])('%s is an image', (p) => {
    expect(classify(p)).toMatchObject({ kind: 'image', label: p });
  });

  it('the CLI list of image extensions is the pipeline\'s', () => {
    expect([...IMAGE_EXT].sort()).toEqual([...IMAGE_EXTENSIONS].sort());
  });

  it('an unsupported type names the image types too', () => {
    // a TIFF export is not read
    expect(classify('study.tiff')).toMatch(/unsupported file type '\.tiff'.*\.png/);
  });

  it.each([
    // -o is required
    [['redact', 'a.png'], /-o OUT is required/],
    // one image only
    [['redact', 'a.png', 'b.png', '-o', 'c.png'], /one image/],
    // no image at all
    [['redact', '-o', 'c.png'], /no input image/],
  ])('redact rejects %j', (argv, msg) => {
    expect(() => parseCommand(argv)).toThrow(msg);
  });

  it('redact parses -o/--out and --json', () => {
    expect(parseCommand(['redact', 'a.png', '-o', 'b.png', '--json'])).toEqual({ kind: 'redact', options: { file: 'a.png', out: 'b.png', json: true, rules: undefined } });
  });
});

describe('report formats', () => {
  const finding: ImageFinding = { category: 'phi', type: 'MRN', severity: 'block', message: 'm', ruleId: 'ocr-overlay/overlay-id', score: 0.9, text: '00731862', bbox: [35, 40, 120, 56] };
  it('--json line: file, findings, ms; partial and notChecked only when set', () => {
    expect(JSON.parse(imageJsonLine({ file: 'a.png', findings: [finding], ms: 12 }))).toEqual({ file: 'a.png', findings: [finding], ms: 12 });
    expect(JSON.parse(imageJsonLine({ file: 'b.gif', findings: [], ms: 3, partial: 'frame 1 of 2' }))).toEqual({ file: 'b.gif', findings: [], ms: 3, partial: 'frame 1 of 2' });
  });

  it('readable: the box or the metadata field of each finding; not checked is never "no findings"', () => {
    const paint = makePaint(false);
    const text = imageReport({ file: 'a.png', ms: 5, findings: [finding, { ...finding, bbox: undefined, field: 'ifd0:Artist', text: 'ROE^JOHN\u001b[31m' }] }, paint);
    expect(text).toMatch(/block +MRN .*\n +box 35,40 to 120,56 +read: 00731862/);
    expect(text).toMatch(/metadata ifd0:Artist +read: ROE\^JOHN\uFFFD\[31m/); // terminal escapes shown, not obeyed
    const nc = imageReport({ file: 'c.png', ms: 1, findings: [], notChecked: 'empty file (0 bytes)' }, paint);
    expect(nc).toMatch(/NOT CHECKED +empty file/);
    expect(nc).not.toMatch(/no findings/);
  });
});

describe('clearpost scan / redact with images', { timeout: 120_000 }, () => {
  it('scan --json: one line per image with boxes; a block finding is 1, a not-checked image 2', async () => {
    const r = await run(['scan', '--json', phiPng, cleanJpg, FACE_PHOTO]);
    expect(r.code).toBe(1);
    const [phi, clean, face] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // a photo of people: FACE findings that block, each with its box
    const faces = face.findings.filter((f: { type: string }) => f.type === 'FACE');
    expect(faces.length).toBeGreaterThan(0);
    for (const f of faces) expect(f).toMatchObject({ severity: 'block', bbox: expect.any(Array) });
    expect(phi.file).toBe(phiPng);
    expect(typeof phi.ms).toBe('number');
    expect(phi.findings.map((f: { type: string }) => f.type)).toEqual(expect.arrayContaining(['NAME', 'MRN', 'DATE']));
    for (const f of phi.findings) expect(f.bbox[3]).toBeLessThan(100); // the overlay rows, not the kVp line
    expect(clean).toMatchObject({ file: cleanJpg, findings: [] });
    expect(r.stderr).toMatch(/Summary: 3 drafts scanned/);

    const bad = await run(['scan', '--json', cleanJpg, fakePng]);
    expect(bad.code).toBe(2);
    const lines = bad.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toMatchObject({ file: fakePng, findings: [], notChecked: expect.stringMatching(/not an image/) });
    expect(bad.stderr).toContain(`${fakePng}: not checked: not an image`);
  });

  it('redact writes a same-size copy; an image that cannot be checked is exit 2 and nothing is written', async () => {
    const out = join(dir, 'phi-redacted.png');
    const r = await run(['redact', phiPng, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote .*phi-redacted\.png \(png\): [3-9] regions blacked out, metadata removed/);
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height]).toEqual([640, 480]);

    const none = join(dir, 'fake-redacted.png');
    const bad = await run(['redact', fakePng, '-o', none]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/fake\.png: not redacted: not an image/);
    expect(existsSync(none)).toBe(false);
  });
});
