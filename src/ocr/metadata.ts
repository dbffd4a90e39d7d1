/**
 * Metadata check: EXIF, XMP, IPTC and PNG text chunks read by exifr (no hand-written parser).
 * A GPS position is a LOCATION; every text field (description, comment, artist/author,
 * software, keywords...) goes through the text engine and the overlay layer, and each PHI span
 * becomes a finding with the field's name instead of a box. Camera time stamps and technical
 * tags are not read as text.
 */
import exifr from 'exifr';
import { analyze } from '../engine/analyze';
import { phiMessage } from '../engine/messages';
import type { AnalyzeOptions } from '../engine/types';
import { overlaySpans } from './overlay';
import type { ImageFinding } from './types';

/** Tags that are never PHI text (structure, camera and colour settings). */
const SKIP = /^(?:ImageWidth|ImageHeight|BitDepth|ColorType|Compression|Filter|Interlace|XResolution|YResolution|ResolutionUnit|YCbCrPositioning|ExifVersion|FlashpixVersion|ColorSpace|ComponentsConfiguration|Make|Model|Orientation|GPS.*|latitude|longitude|.*Date.*|.*Time.*|ExposureProgram|MeteringMode|Flash|FocalLength.*|FNumber|ISO|LensModel|LensMake|format|lang|about|ExifImage.*|PixelX.*|PixelY.*)$/;

const EXIF_TEXT_HEADER = /^(?:ASCII|UNICODE|JIS|)\0{0,8}/;

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) {
    // EXIF UserComment: an 8-byte character-code header, then the text.
    const head = new TextDecoder('latin1').decode(v.subarray(0, 8));
    const body = v.subarray(8);
    const text = head.startsWith('UNICODE') ? new TextDecoder('utf-16le').decode(body) : new TextDecoder('utf-8').decode(head.startsWith('ASCII') || head === '\0'.repeat(8) ? body : v);
    return text.replace(EXIF_TEXT_HEADER, '').replace(/\0+$/g, '');
  }
  if (v && typeof v === 'object' && 'value' in v) return asText((v as { value: unknown }).value); // XMP lang-alt
  return undefined;
}

/** `segment:Tag` -> text, for every text field. */
export function textFields(parsed: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (prefix: string, obj: unknown, depth: number) => {
    if (!obj || typeof obj !== 'object' || depth > 4) return;
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      if (SKIP.test(k)) continue;
      const field = `${prefix}:${k}`;
      const text = asText(v);
      if (text !== undefined) { if (text.trim()) out.push([field, text.trim()]); continue; }
      if (Array.isArray(v)) { v.forEach((x) => { const t = asText(x); if (t?.trim()) out.push([field, t.trim()]); }); continue; }
      walk(field, v, depth + 1);
    }
  };
  for (const [segment, obj] of Object.entries(parsed)) {
    const text = asText(obj);
    if (text !== undefined) { if (text.trim() && !SKIP.test(segment)) out.push([segment, text.trim()]); continue; }
    walk(segment, obj, 0);
  }
  return out;
}

/** PHI spans in one metadata value (text engine + overlay conventions). */
export function fieldFindings(field: string, value: string, options: AnalyzeOptions = {}): ImageFinding[] {
  const spans: Array<{ start: number; end: number; type: string; score: number; ruleId: string; severity?: ImageFinding['severity'] }> = [];
  for (const f of analyze(value, options)) if (f.category === 'phi') spans.push({ start: f.start, end: f.end, type: f.type, score: f.score, ruleId: f.ruleId, severity: f.severity });
  for (const s of overlaySpans(value)) spans.push({ start: s.start, end: s.end, type: s.type, score: s.score, ruleId: `ocr-overlay/${s.pattern}` });
  spans.sort((a, b) => b.score - a.score || (b.end - b.start) - (a.end - a.start));
  const kept: typeof spans = [];
  for (const s of spans) if (!kept.some((k) => k.start < s.end && s.start < k.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start).map((s) => ({
    category: 'phi', type: s.type, severity: s.severity ?? (s.score >= 0.85 ? 'block' : 'warn'), message: phiMessage(s.type),
    ruleId: s.ruleId, score: s.score, text: value.slice(s.start, s.end), field,
  }));
}

/** Metadata findings of an encoded image (JPEG, PNG, WebP...). Unreadable metadata yields none. */
export async function metadataFindings(bytes: Uint8Array, options: AnalyzeOptions = {}): Promise<ImageFinding[]> {
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = await exifr.parse(bytes, {
      tiff: true, exif: true, gps: true, xmp: true, iptc: true, ihdr: true, userComment: true,
      icc: false, jfif: false, interop: false, makerNote: false, mergeOutput: false,
    });
  } catch {
    return [];
  }
  if (!parsed) return [];
  const out: ImageFinding[] = [];
  const gps = parsed.gps as { latitude?: number; longitude?: number } | undefined;
  if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)) {
    out.push({
      category: 'phi', type: 'LOCATION', severity: 'block', score: 0.95, ruleId: 'ocr-metadata/gps',
      message: 'The photo carries the GPS position where it was taken (for example a patient\'s home).',
      text: `${gps.latitude!.toFixed(5)}, ${gps.longitude!.toFixed(5)}`, field: 'EXIF:GPSLatitude/GPSLongitude',
    });
  }
  for (const [field, value] of textFields(parsed)) out.push(...fieldFindings(field, value, options));
  return out;
}
