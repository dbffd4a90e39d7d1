/**
 * npm run eval:images -- [DIR] [--verbose] [--model 4.0.0|4.0.0_best_int] [--edge always|never|auto]
 * Quality of the image check (src/ocr/) on a labelled image set (DIR/labels.json, format in
 * ../shared/images/README.md): recall of PHI lines (a labelled PHI line is caught when a PHI
 * finding's box overlaps its bbox), share of images with PHI flagged, share of clean images
 * warned, metadata findings, and OCR time per image.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { closeOcr, scanImageFile } from '../src/ocr/node';
import type { Box, ImageFinding } from '../src/ocr/types';

interface Line { text: string; bbox: Box; phi: boolean; type: string | null; partial?: boolean; orientation?: string }
interface Label { file: string; expect: 'phi' | 'clean'; variant: string; lines: Line[]; metadata_phi?: { field: string; type: string }[] }

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const model = opt('--model');
const edge = opt('--edge');
const only = opt('--only');
const bright = opt('--bright');
const dir = args.find((a, i) => !a.startsWith('-') && !['--model', '--edge', '--only', '--bright'].includes(args[i - 1] ?? '')) ?? '../shared/images';
const labels: Label[] = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8'));

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

let phiLines = 0, caughtLines = 0, phiImages = 0, flaggedPhiImages = 0, cleanImages = 0, warnedClean = 0;
let metaGold = 0, metaCaught = 0, fpBoxes = 0, findingsTotal = 0, notChecked = 0;
const times: number[] = [];
const missesByType = new Map<string, number>();
/** Recall of PHI lines per image variant and per line orientation (`rotated_90`/`rotated_270` in the held-out set). */
const byVariant = new Map<string, [number, number]>();
const byOrientation = new Map<string, [number, number]>();
const tally = (m: Map<string, [number, number]>, k: string, hit: boolean) => { const r = m.get(k) ?? [0, 0]; r[1]++; if (hit) r[0]++; m.set(k, r); };
for (const lab of labels) {
  if (only && !lab.file.includes(only)) continue;
  const res = await scanImageFile(path.join(dir, lab.file), { model, edgePass: edge === 'always' ? true : edge === 'never' ? false : undefined, brightPass: bright === 'always' ? true : bright === 'never' ? false : undefined });
  times.push(res.ms);
  if (res.notChecked) notChecked++;
  const pixel = res.findings.filter((f) => f.bbox);
  const meta = res.findings.filter((f) => f.field);
  findingsTotal += res.findings.length;
  const misses: Line[] = [];
  for (const l of lab.lines.filter((x) => x.phi)) {
    phiLines++;
    const hit = pixel.some((f) => overlaps(f.bbox!, l.bbox));
    tally(byVariant, lab.variant, hit);
    tally(byOrientation, l.orientation ?? 'horizontal', hit);
    if (hit) caughtLines++;
    else { misses.push(l); missesByType.set(l.type ?? '?', (missesByType.get(l.type ?? '?') ?? 0) + 1); }
  }
  const fps: ImageFinding[] = pixel.filter((f) => !lab.lines.some((l) => l.phi && overlaps(f.bbox!, l.bbox)));
  fpBoxes += fps.length;
  for (const m of lab.metadata_phi ?? []) { metaGold++; if (meta.length) metaCaught++; }
  const flagged = res.findings.length > 0 || Boolean(res.notChecked);
  if (lab.expect === 'phi') { phiImages++; if (flagged) flaggedPhiImages++; } else { cleanImages++; if (flagged) warnedClean++; }
  if (verbose) {
    console.log(`${lab.file}  ${res.ms} ms  ${lab.expect}  findings ${res.findings.length}${res.partial ? `  partial: ${res.partial}` : ''}${res.notChecked ? `  NOT CHECKED: ${res.notChecked}` : ''}`);
    for (const l of misses) console.log(`   MISS ${l.type} ${JSON.stringify(l.text)} ${l.bbox.join(',')}`);
    for (const f of fps) console.log(`   FP   ${f.type} ${JSON.stringify(f.text)} ${f.bbox!.join(',')} ${f.ruleId}`);
    for (const f of meta) console.log(`   META ${f.type} ${f.field} ${JSON.stringify(f.text)} ${f.ruleId}`);
  }
}
await closeOcr();
times.sort((a, b) => a - b);
console.log(`images ${times.length} (dir ${dir}${model ? `, model ${model}` : ''}${edge ? `, edge ${edge}` : ''})`);
console.log(`PHI line recall        ${caughtLines}/${phiLines} = ${pct(caughtLines, phiLines)}   (target >= 95%)   misses by type: ${[...missesByType].map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}`);
console.log(`images with PHI flagged ${flaggedPhiImages}/${phiImages} = ${pct(flaggedPhiImages, phiImages)}   (target 100%)`);
console.log(`clean images warned    ${warnedClean}/${cleanImages} = ${pct(warnedClean, cleanImages)}   (target <= 10%)`);
console.log(`metadata PHI fields    ${metaCaught}/${metaGold} in images with metadata findings`);
console.log(`pixel findings outside PHI lines ${fpBoxes} of ${findingsTotal} findings; not checked ${notChecked}`);
const table = (m: Map<string, [number, number]>) => [...m].sort((a, b) => a[0].localeCompare(b[0])).map(([k, [c, n]]) => `${k} ${c}/${n}`).join(', ');
console.log(`PHI line recall by variant: ${table(byVariant)}`);
console.log(`PHI line recall by orientation: ${table(byOrientation)}`);
console.log(`ms per image: median ${times[Math.floor(times.length / 2)]}, p90 ${times[Math.floor(times.length * 0.9)]}, max ${times[times.length - 1]}`);
