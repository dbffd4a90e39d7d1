/**
 * Limits shared by the OCR scan and the content script's image decoding, in a module of their
 * own: importing them from scan.ts would pull the whole engine into the content script.
 */
/** Longest side the OCR sees; larger images are downscaled first (documented in docs/ocr.md). */
export const MAX_OCR_SIDE = 2200;
