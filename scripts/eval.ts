/**
 * npm run eval -- [CORPUS.jsonl ...] [--verbose] [--half odd|even]
 * Quality of the engine on a labelled corpus (format: ../shared/corpus/GUIDELINE.md).
 * Prints PHI span recall, typed recall, precision, F2, recall per type; advice and
 * missing-disclaimer precision/recall/F1 per draft; the share of clean drafts warned.
 * `--half odd|even` keeps the drafts whose id ends in an odd or even number: a holdout's odd half
 * may be read to diagnose misses, its even half is the unseen figure (eval/README.md).
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/engine/analyze';
import type { Finding } from '../src/engine/types';

interface Span { start: number; end: number; type: string; text: string }
interface Draft {
  id: string; site: string; text: string; phi: Span[];
  advice: boolean; disclaimer_needed: boolean; disclaimer_present: boolean;
  traceable?: boolean; quasi?: { start: number; end: number; kind: string; text: string }[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const halfAt = args.indexOf('--half');
const half = halfAt >= 0 ? args[halfAt + 1] : undefined;
if (half !== undefined && half !== 'odd' && half !== 'even') {
  console.error('eval: --half takes odd or even');
  process.exit(2);
}
const files = args.filter((a, i) => !a.startsWith('-') && !(halfAt >= 0 && i === halfAt + 1));
/** Whether a draft's id (`th-0007`) ends in a number of the chosen parity. */
const inHalf = (id: string) => {
  if (!half) return true;
  const n = Number(/(\d+)$/.exec(id)?.[1] ?? NaN);
  return Number.isFinite(n) && (n % 2 === 1) === (half === 'odd');
};
if (files.length === 0) files.push('../shared/corpus/dev.jsonl');

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const prf = (tp: number, fp: number, fn: number, beta = 1) => {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  const b2 = beta * beta;
  const f = p + r ? ((1 + b2) * p * r) / (b2 * p + r) : 0;
  return { p, r, f };
};
const fmt = (x: number) => x.toFixed(3);

for (const file of files) {
  const drafts: Draft[] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).filter((d: Draft) => inHalf(d.id));
  let gold = 0, caught = 0, typed = 0, found = 0, correct = 0;
  const perType = new Map<string, { gold: number; caught: number; typed: number; fp: number }>();
  const row = (t: string) => perType.get(t) ?? (perType.set(t, { gold: 0, caught: 0, typed: 0, fp: 0 }), perType.get(t)!);
  const adv = { tp: 0, fp: 0, fn: 0 };
  const dis = { tp: 0, fp: 0, fn: 0 };
  const tr = { tp: 0, fp: 0, fn: 0 };
  const quasiRecall = new Map<string, { gold: number; hit: number }>();
  let clean = 0, cleanWarned = 0;
  const hasAdvice = new Set<string>(), hasDisclaimer = new Set<string>();
  const t0 = performance.now();
  for (const d of drafts) {
    const findings: Finding[] = analyze(d.text, { site: d.site });
    const phi = findings.filter((f) => f.category === 'phi');
    for (const g of d.phi) {
      gold++; row(g.type).gold++;
      const hits = phi.filter((f) => overlaps(f, g));
      if (hits.length) { caught++; row(g.type).caught++; }
      if (hits.some((f) => f.type === g.type)) { typed++; row(g.type).typed++; }
      if (verbose && !hits.length) console.log(`MISS ${d.id} ${g.type} ${JSON.stringify(g.text)} | ${JSON.stringify(d.text.slice(Math.max(0, g.start - 60), g.end + 40))}`);
    }
    for (const f of phi) {
      found++;
      if (d.phi.some((g) => overlaps(f, g))) correct++;
      else {
        row(f.type).fp++;
        if (verbose) console.log(`FP   ${d.id} ${f.type} ${JSON.stringify(f.text)} (${f.ruleId} ${f.score}) | ${JSON.stringify(d.text.slice(Math.max(0, f.start - 60), f.end + 40))}`);
      }
    }
    const a = findings.some((f) => f.category === 'advice');
    if (a) hasAdvice.add(d.id);
    if (a && d.advice) adv.tp++; else if (a) adv.fp++; else if (d.advice) adv.fn++;
    if (verbose && a !== d.advice) console.log(`ADV${a ? '-FP' : '-FN'} ${d.id} ${JSON.stringify(d.text.slice(0, 220))}`);
    const missingGold = d.disclaimer_needed && !d.disclaimer_present;
    const m = findings.some((f) => f.category === 'disclaimer');
    if (m) hasDisclaimer.add(d.id);
    if (m && missingGold) dis.tp++; else if (m) dis.fp++; else if (missingGold) dis.fn++;
    if (verbose && m !== missingGold) console.log(`DIS${m ? '-FP' : '-FN'} ${d.id} need=${d.disclaimer_needed} has=${d.disclaimer_present} ${JSON.stringify(d.text.slice(0, 220))}`);
    if (d.traceable !== undefined) {
      const t = findings.some((f) => f.category === 'traceable');
      if (t && d.traceable) tr.tp++; else if (t) tr.fp++; else if (d.traceable) tr.fn++;
      if (verbose && t !== d.traceable) console.log(`TRACE${t ? '-FP' : '-FN'} ${d.id} ${JSON.stringify(d.text.slice(0, 220))}`);
      // recall of the gold quasi spans per kind: a part of the traceable finding of the same kind overlaps it
      const found = findings.filter((f) => f.category === 'traceable').flatMap((f) => f.parts ?? []);
      for (const q of d.traceable ? d.quasi ?? [] : []) {
        const r = quasiRecall.get(q.kind) ?? (quasiRecall.set(q.kind, { gold: 0, hit: 0 }), quasiRecall.get(q.kind)!);
        r.gold++;
        if (found.some((p) => p.kind === q.kind && overlaps(p, q))) r.hit++;
      }
    }
    const isClean = d.phi.length === 0 && !d.advice && !missingGold && !d.traceable;
    if (isClean) {
      clean++;
      const warned = findings.some((f) => f.severity !== 'info');
      if (warned) {
        cleanWarned++;
        if (verbose) console.log(`CLEAN-WARNED ${d.id} ${findings.filter((f) => f.severity !== 'info').map((f) => `${f.category}:${f.type}:${JSON.stringify(f.text.slice(0, 40))}`).join(' ')}`);
      }
    }
  }
  const ms = performance.now() - t0;
  const recall = gold ? caught / gold : 1;
  const precision = found ? correct / found : 1;
  const f2 = prf(correct, found - correct, gold - caught, 2).f;
  console.log(`\n${file}: ${drafts.length} drafts, ${gold} PHI spans, ${(ms / drafts.length).toFixed(2)} ms/draft`);
  console.log(`PHI  span recall ${fmt(recall)} (${caught}/${gold})  typed recall ${fmt(gold ? typed / gold : 1)}  precision ${fmt(precision)} (${correct}/${found})  F2 ${fmt(f2)}`);
  console.log('PHI  recall per type:');
  for (const [t, r] of [...perType].sort()) {
    console.log(`  ${t.padEnd(12)} ${r.gold ? fmt(r.caught / r.gold) : '  -  '} (${r.caught}/${r.gold})  typed ${r.gold ? fmt(r.typed / r.gold) : '  -  '}  false positives ${r.fp}`);
  }
  const A = prf(adv.tp, adv.fp, adv.fn), D = prf(dis.tp, dis.fp, dis.fn);
  console.log(`ADVICE  precision ${fmt(A.p)}  recall ${fmt(A.r)}  F1 ${fmt(A.f)}  (tp ${adv.tp}, fp ${adv.fp}, fn ${adv.fn})`);
  console.log(`DISCLAIMER missing  precision ${fmt(D.p)}  recall ${fmt(D.r)}  F1 ${fmt(D.f)}  (tp ${dis.tp}, fp ${dis.fp}, fn ${dis.fn})`);
  if (drafts.some((d) => d.traceable !== undefined)) {
    const T = prf(tr.tp, tr.fp, tr.fn);
    console.log(`TRACEABLE  precision ${fmt(T.p)}  recall ${fmt(T.r)}  F1 ${fmt(T.f)}  (tp ${tr.tp}, fp ${tr.fp}, fn ${tr.fn})`);
    console.log('TRACEABLE quasi-span recall per kind (gold spans of traceable drafts found as parts of the same kind):');
    for (const [k, r] of [...quasiRecall].sort()) console.log(`  ${k.padEnd(8)} ${fmt(r.gold ? r.hit / r.gold : 1)} (${r.hit}/${r.gold})`);
  }
  console.log(`CLEAN drafts warned (any category): ${fmt(clean ? cleanWarned / clean : 0)} (${cleanWarned}/${clean})`);
}
