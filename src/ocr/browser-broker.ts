/**
 * Background side of the OCR host. A content script keeps a port named HOLD_PORT open while a
 * composer is open; the first hold creates the host and warms its worker, the last release
 * (after a grace period, so moving between composers does not reload the model) closes it.
 * Chrome: the host is an offscreen document (MV3 service workers cannot run a Worker with wasm
 * the way tesseract.js needs), created on demand with reason WORKERS. Firefox has no offscreen
 * API: the host runs in the background page itself, kept alive by the open port.
 * No browser.* calls here except through the injected `runtime` and `offscreen` objects.
 */
import { HOLD_PORT, OCR_NS, isOcrRequest, type EnsureReply, type OcrRequest } from './browser-protocol';
import type { OcrHost } from './browser-host';

export interface PortLike {
  readonly name: string;
  readonly onDisconnect: { addListener(cb: () => void): void };
}

export interface RuntimeLike {
  readonly onConnect: { addListener(cb: (port: PortLike) => void): void };
  readonly onMessage: { addListener(cb: (message: unknown) => Promise<unknown> | undefined): void };
  sendMessage(message: unknown): Promise<unknown>;
}

/** The subset of chrome.offscreen the broker uses. */
export interface OffscreenLike {
  hasDocument(): Promise<boolean>;
  createDocument(init: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

export interface BrokerOptions {
  readonly runtime: RuntimeLike;
  /** Chrome: the offscreen API; absent: the host runs here (`localHost`). */
  readonly offscreen?: OffscreenLike;
  /** Firefox: the host, in this page (created on first use; a dynamic import keeps tesseract.js out of start-up). */
  readonly localHost?: () => Promise<OcrHost>;
  /** Keep the host this long after the last composer closed (default 30 s). */
  readonly graceMs?: number;
}

export const OFFSCREEN_URL = 'offscreen.html';

export interface Broker {
  holders(): number;
  ensure(): Promise<void>;
}

export function installOcrBroker(opts: BrokerOptions): Broker {
  const { runtime, offscreen } = opts;
  let holders = 0;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let ready: Promise<void> | null = null;
  let readyDone = false;
  let local: Promise<OcrHost> | null = null;
  const host = () => (local ??= opts.localHost!());

  async function createOffscreen() {
    if (await offscreen!.hasDocument()) return;
    await offscreen!.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['WORKERS'],
      justification: 'Reads text in attached images on this device (OCR in a web worker) to catch patient identifiers before posting.',
    }).catch(async (err: unknown) => {
      // Two holds racing: the second create fails with "Only a single offscreen document may be created".
      if (!(await offscreen!.hasDocument())) throw err;
    });
  }

  async function ensure(): Promise<void> {
    clearTimeout(closeTimer);
    // Chrome may have closed a finished document (a crash, memory pressure): start again rather
    // than send into nothing. A document still being created is not checked (it is not there yet).
    if (offscreen && ready && readyDone && !(await offscreen.hasDocument().catch(() => false))) ready = null;
    if (!ready) {
      const p = (async () => {
        if (offscreen) {
          await createOffscreen();
          await runtime.sendMessage({ ns: OCR_NS, op: 'warm' } satisfies OcrRequest);
        } else {
          await (await host()).warm();
        }
      })();
      ready = p;
      readyDone = false;
      p.then(() => { if (ready === p) readyDone = true; }, () => { if (ready === p) ready = null; });
    }
    return ready;
  }

  async function close() {
    ready = null;
    if (offscreen) {
      if (await offscreen.hasDocument().catch(() => false)) await offscreen.closeDocument().catch(() => undefined);
    } else {
      await (await local)?.release();
    }
  }

  runtime.onConnect.addListener((port) => {
    if (port.name !== HOLD_PORT) return;
    holders++;
    void ensure().catch(() => undefined);
    port.onDisconnect.addListener(() => {
      holders = Math.max(0, holders - 1);
      if (holders > 0) return;
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => { if (holders === 0) void close(); }, opts.graceMs ?? 30_000);
    });
  });

  runtime.onMessage.addListener((message) => {
    if (!isOcrRequest(message)) return undefined;
    // The probe comes back as a Uint8Array only where messaging clones structurally (browser-protocol.ts).
    if (message.op === 'ensure') {
      return ensure().then(
        (): EnsureReply => ({ ok: true, probe: new Uint8Array([1]) }),
        (err: unknown): EnsureReply => ({ ok: false, error: err instanceof Error ? err.message : 'OCR host unavailable' }),
      );
    }
    // Chrome: 'scan' is answered by the offscreen document, not here. Firefox: by the host in this page.
    if (!offscreen && message.op === 'scan') return host().then((h) => h.handle(message));
    return undefined;
  });

  return { holders: () => holders, ensure };
}
