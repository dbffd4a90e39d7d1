/** Test helper: renders overlay text onto a synthetic dark "scan" with sharp (SVG text), as RGBA. */
import sharp from 'sharp';
import type { Bitmap } from '../../src/ocr/types';

export interface TextRow { text: string; x: number; y: number; size?: number; fill?: string }

export function svgFor(width: number, height: number, rows: readonly TextRow[], background = '#101010'): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`
    + `<rect width="100%" height="100%" fill="${background}"/>`
    + `<ellipse cx="${width / 2}" cy="${height / 2}" rx="${width / 3}" ry="${height / 3}" fill="#5a5a5a"/>`
    + rows.map((r) => `<text x="${r.x}" y="${r.y}" font-family="DejaVu Sans Mono, monospace" font-size="${r.size ?? 18}" fill="${r.fill ?? '#ffffff'}">${esc(r.text)}</text>`).join('')
    + '</svg>';
}

export async function renderPng(width: number, height: number, rows: readonly TextRow[], background?: string): Promise<Buffer> {
  return sharp(Buffer.from(svgFor(width, height, rows, background))).png().toBuffer();
}

export async function toBitmap(png: Buffer): Promise<Bitmap> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}
