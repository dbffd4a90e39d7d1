import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { isTraceable, traceable } from '../../../src/engine/detectors/traceable';
import type { QuasiKind } from '../../../src/engine/quasi/phrases';

const traceableOf = (text: string) => analyze(text).filter((f) => f.category === 'traceable');
const kindsOf = (text: string) => new Set((traceableOf(text)[0]?.parts ?? []).map((p) => p.kind));

describe('traceable: positives (a rare case, event or feature that points at one person)', () => {
  it.each([
    // rare disease + exact age + job + town
    ['Alkaptonuria in a 52-year-old beekeeper from Harrow Mills: black cartilage on every disc space.', ['RARITY', 'AGE', 'ROLE', 'PLACE']],
    // rare disease + age + role, no PHI at all
    ['Fascinating CT: 27-year-old rodeo clown with fibrodysplasia ossificans progressiva, bridging bone across the hips.', ['RARITY', 'AGE', 'ROLE']],
    // rare disease + time + facility
    ['Melorheostosis on a hand film this afternoon at Fenwick General. Dripping candle wax down the second ray.', ['RARITY', 'TIME', 'PLACE']],
    // rarity claim + age + role (no named disease)
    ['68-year-old ferry captain, incidental finding I have never seen before: a completely calcified pericardium.', ['RARITY', 'AGE', 'ROLE']],
    // 1 in a million + age + sports role
    ['15yo varsity pitcher with a 1 in a million vascular anomaly on his shoulder MRA.', ['RARITY', 'AGE', 'ROLE']],
    // event + place + time (no rare disease)
    ['The pileup on the bridge outside Carverton this morning: we got the school bus driver, 54, with an open femur.', ['EVENT', 'TIME', 'AGE', 'ROLE']],
    // event verb + place
    ['A surfer bitten by a shark off Marlow Point came to us with a degloved calf. Vascular intact on CTA.', ['EVENT', 'PLACE']],
    // feature + age + role
    ['39-year-old circus performer, CT abdomen: 14 batteries sitting in the stomach. Endoscopy is on the way.', ['FEATURE', 'AGE', 'ROLE']],
    // sex/age shorthand + pro sports role + rarity claim
    ['M/27 NFL lineman, only the 3rd reported case of bilateral patellar agenesis I can find.', ['AGE', 'ROLE', 'RARITY']],
    // farm accident with a newsy vehicle word + place + time
    ['Tractor rollover outside Millbrook this afternoon. We got the farmer with a crushed pelvis.', ['EVENT', 'TIME']],
    // feature (object in a body site) + time + place
    ['Guy walked into the ED in Brookvale last night with a knife in his skull, chatting. Tip abuts the sinus.', ['FEATURE', 'TIME', 'PLACE']],
  ])('%s', (text, kinds) => {
    const found = traceableOf(text);
    expect(found).toHaveLength(1);
    expect(found[0].type).toBe('TRACEABLE_CASE');
    expect(found[0].severity).toBe('warn');
    const got = kindsOf(text);
    for (const k of kinds) expect(got.has(k as QuasiKind)).toBe(true);
  });
});

describe('traceable: hard negatives (GUIDELINE.md)', () => {
  it.each([
    // a rare disease discussed in general
    ['Alkaptonuria pearls: ochronotic discs, calcified cartilage, dark urine on standing. Know it for boards.'],
    // a rare case with nothing else about the patient
    ['Classic melorheostosis on a femur film, a great teaching case for residents.'],
    // a rare case with one other kind (age) and sex, which never counts
    ['A 47-year-old woman with Mounier-Kuhn syndrome: a trachea you could drive through.'],
    // a common case however many details
    ['41-year-old carpenter from Brookvale with appendicitis this morning at Fenwick General. Textbook target sign.'],
    // a common fall is not a newsworthy event
    ['70-year-old retired teacher slipped on ice outside the Carverton library yesterday: hip fracture.'],
    // the author's own condition
    ['Radiologist with situs inversus here. Yes, I read my own chest film upside down at age 30 in Vermont.'],
    // an event with no patient in the draft
    ['Thinking of everyone in Carverton tonight after the tornado. Proud of how our department showed up.'],
    // a research cohort at a conference
    ['Our poster at ASNR 2026: 40 children with Sturge-Weber syndrome, ASL versus DSC perfusion. Come by Tuesday!'],
    // generalised already: a decade and a vague region
    ['Man in his 30s with Gorham-Stout disease of the mandible, somewhere out west. Unforgettable panorex.'],
  ])('%s', (text) => {
    expect(traceableOf(text)).toEqual([]);
  });
});

describe('traceable: the finding', () => {
  const draft = 'Alkaptonuria in a 52-year-old beekeeper from Harrow Mills, scanned this morning. Black discs everywhere.';

  it('spans the quasi-identifiers with parts, names the kinds, never the words', () => {
    const [f] = traceableOf(draft);
    expect(f.start).toBe(0);
    expect(f.parts!.every((p) => p.start >= f.start && p.end <= f.end)).toBe(true);
    expect(f.message).toMatch(/exact age \+ job or role \+ place \+ time \+ a rare condition/);
    expect(f.message).not.toMatch(/beekeeper|Harrow|52/);
    expect(f.ruleId).toBe('traceable/combination');
  });

  it('suggests a generalised case: a decade, no place, no time, a general role, the disease kept', () => {
    const [f] = traceableOf(draft);
    expect(f.suggestion).toContain('Alkaptonuria');
    expect(f.suggestion).toContain('50-something');
    expect(f.suggestion).not.toMatch(/52|Harrow|this morning|beekeeper/);
  });

  it('never replaces the PHI findings (the town is still LOCATION)', () => {
    const all = analyze(draft);
    expect(all.some((f) => f.category === 'phi' && f.type === 'LOCATION')).toBe(true);
    expect(all.some((f) => f.category === 'traceable')).toBe(true);
  });

  it('a rule pack can raise the severity or switch it off', () => {
    expect(analyze(draft, { detectors: { traceable: { severity: 'block' } } }).find((f) => f.category === 'traceable')?.severity).toBe('block');
    expect(analyze(draft, { detectors: { traceable: { enabled: false } } }).some((f) => f.category === 'traceable')).toBe(false);
  });

  it('is declared once, frozen, under its file name', () => {
    expect(traceable.id).toBe('traceable');
    expect(traceable.category).toBe('traceable');
    expect(Object.isFrozen(traceable)).toBe(true);
  });
});

describe('traceable: the guideline rule on kinds', () => {
  const k = (...xs: QuasiKind[]) => new Set(xs);
  it.each([
    [k('RARITY', 'AGE', 'ROLE'), true], // trigger + two others
    [k('RARITY', 'AGE'), false], // trigger + one other
    [k('FEATURE', 'RARITY', 'AGE'), true], // a second trigger counts as another kind
    [k('EVENT', 'TIME'), true], // event with a time
    [k('EVENT', 'PLACE'), true], // event with a place
    [k('EVENT', 'AGE'), false], // event with neither time nor place, one other kind
    [k('AGE', 'ROLE', 'PLACE', 'TIME'), false], // no trigger: a common case
  ])('%s -> %s', (kinds, expected) => {
    expect(isTraceable(kinds)).toBe(expected);
  });
});
