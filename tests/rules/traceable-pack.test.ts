import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze';
import { BUNDLED_PACK } from '../../src/rules/bundled';
import { merge } from '../../src/rules/merge';
import type { Layer, Pack } from '../../src/rules/types';
import { checkPack } from '../../src/rules/validate';

// Synthetic draft written for this test (no corpus text): exact age + role + town + time + a rare disease.
const DRAFT = 'A 34-year-old firefighter from Millbrook came in this morning with Erdheim-Chester disease.';
const bundled: Layer = { source: 'bundled', pack: BUNDLED_PACK };
const inst = (p: Partial<Pack>): Layer => ({ source: 'institution', pack: { id: 'org.example', version: '1', ...p } });
const user = (p: Partial<Pack>): Layer => ({ source: 'user', pack: { id: 'user', version: '1', ...p } });
const traceable = (layers: Layer[]) => analyze(DRAFT, merge(layers).analyze).filter((f) => f.category === 'traceable');

describe('rule packs: the traceable detector', () => {
  it.each([
    // on/off
    [{ detectors: { traceable: { enabled: false } } }, true],
    // raised to block
    [{ detectors: { traceable: { severity: 'block' } } }, true],
    // lockable like any detector
    [{ detectors: { traceable: { enabled: true } }, locked: ['detectors.traceable'] }, true],
    // only block, warn, info
    [{ detectors: { traceable: { severity: 'stop' } } }, false],
    // unknown keys are refused
    [{ detectors: { traceable: { minParts: 3 } } }, false],
  ])('the validator accepts %j: %s', (extra, ok) => {
    expect(checkPack({ id: 'org.example', version: '1', ...extra }).problems.length === 0).toBe(ok);
  });

  it('bundled default: one warn finding', () => {
    const fs = traceable([bundled]);
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('warn');
  });

  it('an institution pack raises it to block', () => {
    expect(traceable([bundled, inst({ detectors: { traceable: { severity: 'block' } } })]).map((f) => f.severity)).toEqual(['block']);
  });

  it('a pack turns it off and the PHI findings stay', () => {
    const policy = merge([bundled, user({ detectors: { traceable: { enabled: false } } })]);
    const fs = analyze(DRAFT, policy.analyze);
    expect(fs.filter((f) => f.category === 'traceable')).toEqual([]);
    expect(fs.some((f) => f.category === 'phi' && f.type === 'LOCATION')).toBe(true);
  });

  it('a locked block setting from the institution is kept when the user tries to switch it off', () => {
    const fs = traceable([bundled, inst({ detectors: { traceable: { severity: 'block' } }, locked: ['detectors.traceable'] }), user({ detectors: { traceable: { enabled: false } } })]);
    expect(fs.map((f) => f.severity)).toEqual(['block']);
  });
});
