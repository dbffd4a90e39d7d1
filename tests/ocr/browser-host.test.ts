import { describe, expect, it, vi } from 'vitest';
import { bitmapFromGrey, createOcrHost, ocrPaths } from '../../src/ocr/browser-host';
import { OCR_NS, toBase64, type ScanRequest } from '../../src/ocr/browser-protocol';
import { toGrey } from '../../src/ocr/preprocess';
import type { TesseractPaths } from '../../src/ocr/tesseract';
import type { OcrEngine, OcrLine } from '../../src/ocr/types';

const url = (p: string) => `chrome-extension://abc/${p}`;

/** A stand-in engine that "reads" the given lines, or never answers. */
function fakeEngine(lines: OcrLine[] | 'hang') {
  const engine: OcrEngine & { terminated: number; calls: number } = {
    terminated: 0,
    calls: 0,
    recognize: () => { engine.calls++; return lines === 'hang' ? new Promise<OcrLine[]>(() => undefined) : Promise.resolve(lines); },
    terminate: async () => { engine.terminated++; },
  };
  return engine;
}

const word = (text: string, x: number): OcrLine['words'][number] => ({ text, box: [x, 10, x + 10 * text.length, 30], confidence: 90 });
function line(...texts: string[]): OcrLine {
  let x = 10;
  const words = texts.map((t) => { const w = word(t, x); x += 10 * t.length + 10; return w; });
  return { text: texts.join(' '), words, box: [10, 10, x, 30], confidence: 90 };
}

function request(w = 40, h = 20, extra: Partial<ScanRequest> = {}): ScanRequest {
  return { ns: OCR_NS, op: 'scan', width: w, height: h, grey: toBase64(new Uint8Array(w * h).fill(200)), timeLimitMs: 2000, ...extra };
}

describe('ocrPaths', () => {
  it('points every runtime file at the extension, never a CDN, with the plain worker', () => {
    const p = ocrPaths(url);
    expect(p).toEqual({
      workerPath: 'chrome-extension://abc/ocr/worker.min.js',
      corePath: 'chrome-extension://abc/ocr/core',
      langPath: 'chrome-extension://abc/ocr/lang',
      workerBlobURL: false,
    });
  });
});

describe('bitmapFromGrey', () => {
  it('rebuilds RGBA whose brightest channel is the grey that was sent', () => {
    const grey = Uint8Array.from([0, 17, 128, 255, 3, 99]);
    const bmp = bitmapFromGrey(3, 2, grey);
    expect(bmp.data.length).toBe(24);
    expect(toGrey(bmp).data).toEqual(grey);
  });

  it('refuses pixel data of the wrong size', () => {
    expect(() => bitmapFromGrey(3, 3, new Uint8Array(8))).toThrow(/size/);
  });
});

describe('createOcrHost', () => {
  it('finds PHI in the lines read and returns boxes in the sent bitmap', async () => {
    const engine = fakeEngine([line('DOE^JANE', 'DOB:', '03/14/1961')]);
    const create = vi.fn(async (_paths: TesseractPaths) => engine);
    const host = createOcrHost({ assetUrl: url, createEngine: create });
    const reply = await host.scan(request(400, 60));
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.findings.length).toBeGreaterThanOrEqual(2);
    for (const f of reply.findings) expect(f.bbox).toBeDefined();
    expect(reply.notChecked).toBeUndefined();
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0][0]).toMatchObject({ workerBlobURL: false });
  });

  it('keeps one warm worker across images', async () => {
    const engine = fakeEngine([line('kVp', '120')]);
    const create = vi.fn(async () => engine);
    const host = createOcrHost({ assetUrl: url, createEngine: create });
    await host.warm();
    const a = await host.scan(request());
    const b = await host.scan(request());
    expect(a).toMatchObject({ ok: true, findings: [] });
    expect(b).toMatchObject({ ok: true, findings: [] });
    expect(create).toHaveBeenCalledTimes(1);
    expect(engine.terminated).toBe(0);
  });

  it('a time-out is "not checked", never clean, and the stuck worker is replaced', async () => {
    const stuck = fakeEngine('hang');
    const fresh = fakeEngine([]);
    const create = vi.fn().mockResolvedValueOnce(stuck).mockResolvedValueOnce(fresh);
    const host = createOcrHost({ assetUrl: url, createEngine: create });
    const reply = await host.scan(request(40, 20, { timeLimitMs: 30 }));
    expect(reply).toMatchObject({ ok: true, notChecked: expect.stringMatching(/time limit/) });
    expect(stuck.terminated).toBe(1);
    await host.scan(request());
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('takes raw bytes (structured clone) as well as base64 (JSON messaging)', async () => {
    const host = createOcrHost({ assetUrl: url, createEngine: async () => fakeEngine([]) });
    const raw = await host.scan(request(40, 20, { grey: new Uint8Array(800).fill(200), meta: new Uint8Array(0) }));
    expect(raw).toMatchObject({ ok: true, findings: [] });
  });

  it('a typed array mangled by JSON messaging ({"0":…}) is an error reply, not a clean result', async () => {
    const host = createOcrHost({ assetUrl: url, createEngine: async () => fakeEngine([]) });
    const mangled = JSON.parse(JSON.stringify({ grey: new Uint8Array(800) })).grey as string;
    const reply = await host.scan(request(40, 20, { grey: mangled }));
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/structured clone/) });
  });

  it('bad pixel data is an error reply, not a crash', async () => {
    const host = createOcrHost({ assetUrl: url, createEngine: async () => fakeEngine([]) });
    const reply = await host.scan(request(40, 20, { grey: toBase64(new Uint8Array(5)) }));
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/size/) });
  });

  it('handle: answers its own ops, ignores the others (the background answers "ensure")', async () => {
    const engine = fakeEngine([]);
    const host = createOcrHost({ assetUrl: url, createEngine: async () => engine });
    expect(host.handle({ ns: OCR_NS, op: 'ensure' })).toBeUndefined();
    await expect(host.handle({ ns: OCR_NS, op: 'warm' })).resolves.toEqual({ ok: true });
    await expect(host.handle({ ns: OCR_NS, op: 'release' })).resolves.toEqual({ ok: true });
    expect(engine.terminated).toBe(1);
  });
});
