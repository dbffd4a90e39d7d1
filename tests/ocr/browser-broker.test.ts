import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installOcrBroker, OFFSCREEN_URL, type OffscreenLike, type PortLike, type RuntimeLike } from '../../src/ocr/browser-broker';
import { HOLD_PORT, OCR_NS } from '../../src/ocr/browser-protocol';
import type { OcrHost } from '../../src/ocr/browser-host';

/** A fake runtime: records listeners, lets the test open ports and send messages. */
function fakeRuntime() {
  let onConnect: (p: PortLike) => void = () => undefined;
  let onMessage: (m: unknown) => Promise<unknown> | undefined = () => undefined;
  const sent: unknown[] = [];
  const runtime: RuntimeLike = {
    onConnect: { addListener: (cb) => { onConnect = cb; } },
    onMessage: { addListener: (cb) => { onMessage = cb; } },
    sendMessage: async (m) => { sent.push(m); return { ok: true }; },
  };
  const open = (name = HOLD_PORT) => {
    let disconnect = () => undefined as void;
    onConnect({ name, onDisconnect: { addListener: (cb) => { disconnect = cb; } } });
    return () => disconnect();
  };
  return { runtime, sent, open, message: (m: unknown) => onMessage(m) };
}

function fakeOffscreen() {
  let exists = false;
  const o: OffscreenLike & { created: number; closed: number } = {
    created: 0,
    closed: 0,
    hasDocument: async () => exists,
    createDocument: async (init) => { expect(init).toMatchObject({ url: OFFSCREEN_URL, reasons: ['WORKERS'] }); o.created++; exists = true; },
    closeDocument: async () => { o.closed++; exists = false; },
  };
  return o;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Chrome: offscreen document on demand', () => {
  it('the first hold creates the document and warms the worker; a second hold reuses it', async () => {
    const rt = fakeRuntime();
    const off = fakeOffscreen();
    installOcrBroker({ runtime: rt.runtime, offscreen: off });
    rt.open();
    rt.open();
    await vi.runAllTimersAsync();
    expect(off.created).toBe(1);
    expect(rt.sent).toEqual([{ ns: OCR_NS, op: 'warm' }]);
  });

  it('closes the document a grace period after the last composer closed, not before', async () => {
    const rt = fakeRuntime();
    const off = fakeOffscreen();
    const broker = installOcrBroker({ runtime: rt.runtime, offscreen: off, graceMs: 1000 });
    const a = rt.open();
    const b = rt.open();
    await vi.advanceTimersByTimeAsync(10);
    a();
    await vi.advanceTimersByTimeAsync(2000);
    expect(off.closed).toBe(0); // one composer is still open
    b();
    expect(broker.holders()).toBe(0);
    await vi.advanceTimersByTimeAsync(900);
    expect(off.closed).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(off.closed).toBe(1);
  });

  it('a new hold within the grace period keeps the document', async () => {
    const rt = fakeRuntime();
    const off = fakeOffscreen();
    installOcrBroker({ runtime: rt.runtime, offscreen: off, graceMs: 1000 });
    rt.open()();
    await vi.advanceTimersByTimeAsync(500);
    rt.open();
    await vi.advanceTimersByTimeAsync(5000);
    expect(off.closed).toBe(0);
    expect(off.created).toBe(1);
  });

  it('recreates a document that disappeared while the broker thought it was ready', async () => {
    const rt = fakeRuntime();
    const off = fakeOffscreen();
    const broker = installOcrBroker({ runtime: rt.runtime, offscreen: off });
    await broker.ensure();
    await off.closeDocument(); // closed behind the broker's back
    await broker.ensure();
    expect(off.created).toBe(2);
    await broker.ensure();
    expect(off.created).toBe(2);
  });

  it('answers "ensure", leaves "scan" to the offscreen document, ignores other ports and messages', async () => {
    const rt = fakeRuntime();
    const off = fakeOffscreen();
    const broker = installOcrBroker({ runtime: rt.runtime, offscreen: off });
    rt.open('some-other-port');
    expect(broker.holders()).toBe(0);
    // The one-byte probe tells the content script whether bytes survive the trip (structured clone).
    await expect(rt.message({ ns: OCR_NS, op: 'ensure' })).resolves.toEqual({ ok: true, probe: new Uint8Array([1]) });
    expect(off.created).toBe(1);
    expect(rt.message({ ns: OCR_NS, op: 'scan' })).toBeUndefined();
    expect(rt.message({ type: 'unrelated' })).toBeUndefined();
  });
});

describe('Firefox: the host runs in the background page', () => {
  it('creates the host lazily, warms it, answers scans, releases after the grace period', async () => {
    const rt = fakeRuntime();
    const host = { warm: vi.fn(async () => undefined), release: vi.fn(async () => undefined), scan: vi.fn(), handle: vi.fn(async () => ({ ok: true, findings: [], ms: 1 })) };
    const factory = vi.fn(async () => host as unknown as OcrHost);
    installOcrBroker({ runtime: rt.runtime, localHost: factory, graceMs: 100 });
    expect(factory).not.toHaveBeenCalled();
    const close = rt.open();
    await vi.advanceTimersByTimeAsync(1);
    expect(host.warm).toHaveBeenCalledTimes(1);
    await expect(rt.message({ ns: OCR_NS, op: 'scan' })).resolves.toMatchObject({ ok: true });
    close();
    await vi.advanceTimersByTimeAsync(150);
    expect(host.release).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledTimes(1);
  });
});
