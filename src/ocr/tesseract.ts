/**
 * The OCR engine over tesseract.js v7: one worker, LSTM only, bundled language data, no cache,
 * word boxes from `blocks`. Environment-neutral: the Node and browser adapters pass the paths.
 * See naptha/tesseract.js:docs/local-installation.md and issue naptha/tesseract.js#961.
 */
import { createWorker, OEM } from 'tesseract.js';
import { toPgm } from './preprocess';
import type { Box, GreyBitmap, OcrEngine, OcrLine, OcrWord } from './types';

export interface TesseractPaths {
  /** Folder holding `eng.traineddata.gz` (a local path in Node, an extension URL in the browser). */
  langPath: string;
  /** Folder with the plain, simd and relaxedsimd -lstm cores (browser); Node resolves its own. */
  corePath?: string;
  workerPath?: string;
  /** The browser needs `false` (the default blob worker fails to load in an extension). */
  workerBlobURL?: boolean;
}

interface TBox { x0: number; y0: number; x1: number; y1: number }
interface TWord { text: string; confidence: number; bbox: TBox }
interface TLine { words: TWord[]; confidence: number; bbox: TBox }
interface TBlock { paragraphs: { lines: TLine[] }[] }

const box = (b: TBox): Box => [b.x0, b.y0, b.x1, b.y1];

/** Flattens tesseract's block tree into lines of non-empty words. */
export function linesFromBlocks(blocks: readonly TBlock[] | null | undefined): OcrLine[] {
  const out: OcrLine[] = [];
  for (const b of blocks ?? []) {
    for (const p of b.paragraphs) {
      for (const l of p.lines) {
        const words: OcrWord[] = l.words
          .map((w) => ({ text: w.text.trim(), box: box(w.bbox), confidence: w.confidence }))
          .filter((w) => w.text.length > 0);
        if (!words.length) continue;
        out.push({ text: words.map((w) => w.text).join(' '), words, box: box(l.bbox), confidence: l.confidence });
      }
    }
  }
  return out;
}

export async function createTesseractEngine(paths: TesseractPaths): Promise<OcrEngine> {
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: paths.langPath,
    cacheMethod: 'none',
    gzip: true,
    ...(paths.corePath ? { corePath: paths.corePath } : {}),
    ...(paths.workerPath ? { workerPath: paths.workerPath } : {}),
    ...(paths.workerBlobURL !== undefined ? { workerBlobURL: paths.workerBlobURL } : {}),
  });
  // We invert dark images ourselves; tesseract's own per-line inversion test costs time.
  // debug_file: Tesseract's diagnostics ("Estimating resolution as …") go nowhere instead of stderr.
  await worker.setParameters({ tessedit_do_invert: '0', debug_file: '/dev/null' } as never);
  let psmSet = '';
  return {
    async recognize(img: GreyBitmap, psm: string): Promise<OcrLine[]> {
      if (img.width < 3 || img.height < 3) return [];
      if (psm !== psmSet) {
        await worker.setParameters({ tessedit_pageseg_mode: psm } as never);
        psmSet = psm;
      }
      const res = await worker.recognize(toPgm(img) as never, {}, { blocks: true, text: false } as never);
      return linesFromBlocks(res.data.blocks as unknown as TBlock[]);
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
