// Chrome's offscreen document: hosts the OCR worker (src/ocr/browser-host.ts). It only wires.
import { isOcrRequest } from '../../src/ocr/browser-protocol';
import { createOcrHost } from '../../src/ocr/browser-host';

const host = createOcrHost({ assetUrl: (path) => browser.runtime.getURL(`/${path}` as '/') });
browser.runtime.onMessage.addListener((message: unknown) => (isOcrRequest(message) ? host.handle(message) : undefined));
