import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK } from '../../src/rules/bundled';
import { isLocked, merge } from '../../src/rules/merge';
import type { Layer, Pack } from '../../src/rules/types';

const inst = (p: Partial<Pack>): Layer => ({ source: 'institution', pack: { id: 'org.example', version: '1', ...p } });
const user = (p: Partial<Pack>): Layer => ({ source: 'user', pack: { id: 'user', version: '1', ...p } });
const bundled: Layer = { source: 'bundled', pack: BUNDLED_PACK };

describe('merge(layers)', () => {
  it('bundled alone: its settings, default enforcement, nothing locked', () => {
    const p = merge([bundled]);
    expect(p.analyze.threshold).toBe(0.5);
    expect(p.analyze.detectors?.ssn).toEqual({ enabled: true });
    expect(p.analyze.disclaimer).toEqual({ required: 'when-needed' });
    expect(p.enforcement).toEqual({ block: 'allow', warn: 'allow' });
    expect(p.retentionDays).toBe(1); // issue 8: flagged drafts are kept 24 hours unless a pack says otherwise
    expect(p.locked).toEqual([]);
    expect(p.packs).toEqual([{ source: 'bundled', id: 'clearpost.default', version: '1.0.0' }]);
  });

  it.each([
    // later layer overrides a scalar when nothing is locked
    [[inst({ threshold: 0.7 }), user({ threshold: 0.6 })], (p: ReturnType<typeof merge>) => p.analyze.threshold, 0.6],
    // a locked scalar keeps the institution's value
    [[inst({ threshold: 0.7, locked: ['threshold'] }), user({ threshold: 0.9 })], (p: ReturnType<typeof merge>) => p.analyze.threshold, 0.7],
    // "*" locks everything
    [[inst({ retentionDays: 30, locked: ['*'] }), user({ retentionDays: 0 })], (p: ReturnType<typeof merge>) => p.retentionDays, 30],
    // a section lock covers its keys: "detectors" locks detectors.ssn
    [[inst({ detectors: { ssn: { severity: 'block' } }, locked: ['detectors'] }), user({ detectors: { ssn: { enabled: false } } })], (p: ReturnType<typeof merge>) => p.analyze.detectors?.ssn, { enabled: true, severity: 'block' }],
    // a key lock leaves the siblings free: the user may switch off biometric
    [[inst({ locked: ['detectors.ssn'] }), user({ detectors: { biometric: { enabled: false } } })], (p: ReturnType<typeof merge>) => p.analyze.detectors?.biometric, { enabled: false }],
    // per-detector fields merge: severity from the institution, enabled from bundled
    [[inst({ detectors: { email: { severity: 'info' } } })], (p: ReturnType<typeof merge>) => p.analyze.detectors?.email, { enabled: true, severity: 'info' }],
    // allow lists accumulate, case-insensitively de-duplicated
    [[inst({ dictionaries: { allow: ['Dr. Okafor'] } }), user({ dictionaries: { allow: ['dr. okafor', 'Acme Scan'] } })], (p: ReturnType<typeof merge>) => p.analyze.allow, ['Dr. Okafor', 'Acme Scan']],
    // a locked allow list: the user cannot relax it
    [[inst({ dictionaries: { allow: ['Dr. Okafor'] }, locked: ['dictionaries.allow'] }), user({ dictionaries: { allow: ['Jane Doe'] } })], (p: ReturnType<typeof merge>) => p.analyze.allow, ['Dr. Okafor']],
    // deny lists accumulate
    [[inst({ dictionaries: { deny: [{ text: 'Ward 7B', type: 'FACILITY' }] } }), user({ dictionaries: { deny: [{ text: 'Bay 3', type: 'FACILITY' }] } })], (p: ReturnType<typeof merge>) => p.analyze.deny?.map((d) => d.text), ['Ward 7B', 'Bay 3']],
    // disclaimer: text locked, required free
    [[inst({ disclaimer: { required: 'always', text: 'Views my own; not medical advice.' }, locked: ['disclaimer.text'] }), user({ disclaimer: { required: 'when-needed', text: 'mine' } })], (p: ReturnType<typeof merge>) => p.analyze.disclaimer, { required: 'when-needed', text: 'Views my own; not medical advice.' }],
    // enforcement: per severity, locked as a section
    [[inst({ enforcement: { block: 'stop' }, locked: ['enforcement'] }), user({ enforcement: { block: 'allow', warn: 'reason' } })], (p: ReturnType<typeof merge>) => p.enforcement, { block: 'stop', warn: 'allow' }],
    // a user layer cannot lock anything
    [[inst({}), user({ threshold: 0.6, locked: ['*'] })], (p: ReturnType<typeof merge>) => p.locked, []],
    // patterns: a user pattern with an institution pattern's name is not a replacement
    [[inst({ patterns: [{ name: 'acc', type: 'MRN', regex: 'ACC-\\d{7}', severity: 'block' }] }), user({ patterns: [{ name: 'acc', type: 'MRN', regex: 'never', severity: 'info' }, { name: 'bed', type: 'FACILITY', regex: 'Bed \\d+' }] })], (p: ReturnType<typeof merge>) => p.analyze.patterns?.map((x) => `${x.name}:${x.regex}`), ['acc:ACC-\\d{7}', 'bed:Bed \\d+']],
  ])('%#', (layers, pick, expected) => {
    expect(pick(merge([bundled, ...(layers as Layer[])]))).toEqual(expected);
  });

  it('lists what the user set but the institution locked, without applying it', () => {
    const p = merge([bundled, inst({ locked: ['threshold', 'detectors'] }), user({ threshold: 0.9, detectors: { ssn: { enabled: false } } })]);
    expect(p.ignored.map((i) => i.path)).toEqual(['user:threshold', 'user:detectors.ssn']);
    expect(p.ignored[0].message).toMatch(/managed by your institution \(org\.example\)/);
    expect(p.locked).toEqual(['detectors', 'threshold']);
  });

  it('is pure: inputs are not changed and a second merge gives the same policy', () => {
    const layers = [bundled, inst({ detectors: { ssn: { severity: 'warn' } } })];
    const before = JSON.stringify(layers);
    expect(merge(layers)).toEqual(merge(layers));
    expect(JSON.stringify(layers)).toBe(before);
  });

  it.each([
    ['*', 'threshold', true],
    ['detectors', 'detectors.ssn', true],
    ['detectors.ssn', 'detectors.ssnx', false],
    ['enforcement', 'enforcement.block', true],
    ['disclaimer.text', 'disclaimer.required', false],
  ])('isLocked([%s], %s) = %s', (lock, key, expected) => {
    expect(isLocked(new Set([lock]), key)).toBe(expected);
  });
});
