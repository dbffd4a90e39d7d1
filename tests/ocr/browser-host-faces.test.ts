import { describe, expect, it, vi } from 'vitest';
import { createOcrHost } from '../../src/ocr/browser-host';
import { OCR_NS, toBase64, type ScanRequest } from '../../src/ocr/browser-protocol';
import type { FaceDetector, RgbImage } from '../../src/ocr/face';
import { createBrowserFaceDetector, FACE_ASSET_DIR } from '../../src/ocr/face-browser';
import type { OcrEngine } from '../../src/ocr/types';

const url = (p: string) => `chrome-extension://abc/${p}`;
const emptyEngine = async (): Promise<OcrEngine> => ({ recognize: async () => [], terminate: async () => undefined });

function request(w: number, h: number): ScanRequest {
  return { ns: OCR_NS, op: 'scan', width: w, height: h, grey: toBase64(new Uint8Array(w * h).fill(120)), timeLimitMs: 2000 };
}

/** A detector that reports one sure face in the middle quarter of whatever it is given. */
function fakeDetector(score = 0.9) {
  const seen: RgbImage[] = [];
  const d: FaceDetector = {
    name: 'fake',
    detect: async (img) => {
      seen.push(img);
      return [{ score, box: [img.width / 4, img.height / 4, (3 * img.width) / 4, (3 * img.height) / 4] }];
    },
  };
  return { d, seen };
}

describe('OCR host: faces', () => {
  it('returns a FACE block finding with its box in the sent image, beside the OCR findings', async () => {
    const { d, seen } = fakeDetector();
    const host = createOcrHost({ assetUrl: url, createEngine: emptyEngine, createFaceDetector: async () => d });
    const reply = await host.scan(request(1280, 640));
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.partial).toBeUndefined();
    const faces = reply.findings.filter((f) => f.type === 'FACE');
    expect(faces).toHaveLength(1);
    expect(faces[0]).toMatchObject({ category: 'phi', severity: 'block' });
    // The detector sees the image at 640 px on the long side; the box comes back in the sent pixels.
    expect(seen[0]).toMatchObject({ width: 640, height: 320 });
    expect(faces[0].bbox).toEqual([320, 160, 960, 480]);
  });

  it('loads the detector on the first image only, not at warm-up, then keeps it', async () => {
    const { d } = fakeDetector();
    const create = vi.fn(async () => d);
    const host = createOcrHost({ assetUrl: url, createEngine: emptyEngine, createFaceDetector: create });
    await host.warm();
    expect(create).not.toHaveBeenCalled();
    await host.scan(request(64, 64));
    await host.scan(request(64, 64));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('a detector that fails to load leaves the image partly checked (never clean) and is retried on the next image', async () => {
    const { d } = fakeDetector();
    const create = vi.fn().mockRejectedValueOnce(new Error('wasm did not start')).mockResolvedValue(d);
    const host = createOcrHost({ assetUrl: url, createEngine: emptyEngine, createFaceDetector: create });
    const first = await host.scan(request(64, 64));
    expect(first).toMatchObject({ ok: true, partial: expect.stringMatching(/faces not checked/) });
    const second = await host.scan(request(64, 64));
    expect(second.ok && second.findings.some((f) => f.type === 'FACE')).toBe(true);
    expect(second.ok && second.partial).toBeFalsy();
  });

  it('an unsure box not confirmed by the mirrored image is dropped', async () => {
    // Off-centre box at 0.6: the mirrored pass finds the same box, which no longer overlaps once mirrored back.
    const d: FaceDetector = { name: 'fake', detect: async () => [{ score: 0.6, box: [0, 0, 10, 10] }] };
    const host = createOcrHost({ assetUrl: url, createEngine: emptyEngine, createFaceDetector: async () => d });
    const reply = await host.scan(request(100, 100));
    expect(reply.ok && reply.findings.filter((f) => f.type === 'FACE')).toEqual([]);
  });
});

describe('createBrowserFaceDetector', () => {
  it('loads face-api, the wasm binaries and the weights from the extension folder, never a CDN', async () => {
    const calls: string[] = [];
    let backend = 'cpu';
    const fake = {
      tf: {
        setWasmPaths: (p: string) => calls.push(`wasm ${p}`),
        env: () => ({ set: (flag: string, v: boolean) => calls.push(`${flag}=${v}`) }),
        io: { decodeWeights: (buf: ArrayBuffer, specs: unknown) => ({ bytes: buf.byteLength, specs }) },
        setBackend: async (n: string) => { backend = n; return true; },
        ready: async () => undefined,
        getBackend: () => backend,
        tensor3d: () => ({ dispose: () => calls.push('dispose') }),
      },
      nets: { tinyFaceDetector: { isLoaded: false, loadFromWeightMap: (m: unknown) => { calls.push(`weights ${JSON.stringify(m)}`); } } },
      TinyFaceDetectorOptions: class { constructor(readonly o: unknown) {} },
      detectAllFaces: async () => [{ score: 0.9, box: { x: 1.2, y: 2, width: 10, height: 20.4 } }],
    };
    const load = vi.fn(async (u: string) => { calls.push(`import ${u}`); return fake; });
    const read = vi.fn(async (u: string) => {
      calls.push(`read ${u}`);
      return u.endsWith('.json') ? new TextEncoder().encode('[{"weights":["w"]}]').buffer as ArrayBuffer : new ArrayBuffer(7);
    });
    const d = await createBrowserFaceDetector(url, load, read);
    expect(calls).toEqual([
      `import chrome-extension://abc/${FACE_ASSET_DIR}/face-api.esm.js`,
      // Single-threaded wasm: the threaded build's blob workers do not load in an extension page.
      'WASM_HAS_MULTITHREAD_SUPPORT=false',
      `wasm chrome-extension://abc/${FACE_ASSET_DIR}/`,
      `read chrome-extension://abc/${FACE_ASSET_DIR}/tiny_face_detector_model-weights_manifest.json`,
      `read chrome-extension://abc/${FACE_ASSET_DIR}/tiny_face_detector_model.bin`,
      'weights {"bytes":7,"specs":["w"]}',
    ]);
    expect(backend).toBe('wasm');
    const boxes = await d.detect({ width: 2, height: 1, data: new Uint8Array(6) });
    expect(boxes).toEqual([{ score: 0.9, box: [1, 2, 11, 22] }]);
    expect(calls.at(-1)).toBe('dispose');
  });
});
