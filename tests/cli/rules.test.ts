import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRules, parseRules, RulesError } from '../../src/cli/rules';

const parse = (v: unknown) => parseRules(JSON.stringify(v), 'pack.json');
const pack = { id: 'org.example', version: '1' };

describe('--rules PACK', () => {
  it.each([
    // a minimal pack: the bundled pack's options (threshold, all detectors on, disclaimer when needed)
    [pack, { threshold: 0.5, disclaimer: { required: 'when-needed' } }],
    // the pack's settings land on top of the bundled ones
    [{ ...pack, threshold: 0.7, detectors: { ssn: { enabled: false } }, dictionaries: { allow: ['Dr. Chen'], deny: [{ text: 'Ward 7B', type: 'FACILITY', severity: 'block' }] } },
      { threshold: 0.7, allow: ['Dr. Chen'], deny: [{ text: 'Ward 7B', type: 'FACILITY', severity: 'block' }] }],
    // back-compat: a file of plain analyze options from before packs
    [{ allow: ['Dr. Chen'], detectors: { email: { severity: 'info' } }, threshold: 0.6 }, { threshold: 0.6, allow: ['Dr. Chen'] }],
    // back-compat: $schema tolerated
    [{ $schema: './rules.schema.json', threshold: 0 }, { threshold: 0 }],
  ])('accepts %j', (input, expected) => {
    expect(parse(input)).toMatchObject(expected);
  });

  it('turns detector settings into analyze options over the bundled pack', () => {
    const o = parse({ ...pack, detectors: { ssn: { enabled: false }, email: { severity: 'info' } } });
    expect(o.detectors?.ssn).toEqual({ enabled: false });
    expect(o.detectors?.email).toEqual({ enabled: true, severity: 'info' });
    expect(o.detectors?.name).toEqual({ enabled: true });
  });

  it.each([
    // not JSON at all
    ['{"allow": [', /^pack\.json: 1 problem\n {2}\$: not valid JSON/],
    // top level must be an object
    ['[]', /\$: must be an object/],
    // a typo in a key must not silently relax the policy
    ['{"id": "x", "version": "1", "alow": ["x"]}', /\$\.alow: is not a known key/],
    // legacy options: allow of the wrong type, named by the legacy key
    ['{"allow": "Dr. Chen"}', /\$\.allow: must be an array/],
    // detector id that does not exist
    ['{"id": "x", "version": "1", "detectors": {"snn": {"enabled": false}}}', /\$\.detectors\.snn: is not a known name/],
    // unsafe regex, rejected with the reason
    ['{"id": "x", "version": "1", "patterns": [{"name": "p", "type": "MRN", "regex": "(\\\\d+)+$"}]}', /\$\.patterns\[0\]\.regex: .* can backtrack catastrophically/],
    // several problems: all listed, counted
    ['{"id": "X", "version": "1", "threshold": 2}', /^pack\.json: 2 problems\n {2}\$\.id: .*\n {2}\$\.threshold: must be <= 1$/],
  ])('rejects %s', (raw, message) => {
    expect(() => parseRules(raw, 'pack.json')).toThrow(RulesError);
    expect(() => parseRules(raw, 'pack.json')).toThrow(message);
  });

  it('loads the example institution pack', () => {
    // examples/rules.json is what docs/rule-packs.md walks through: it must stay valid
    const o = loadRules(join(__dirname, '../../examples/rules.json'));
    expect(o.allow).toEqual(['Dr. Okafor', 'Riverside Imaging Grand Rounds']);
    expect(o.detectors?.biometric).toEqual({ enabled: false });
    expect(o.patterns?.map((p) => p.name)).toEqual(['accession', 'bed']);
  });

  it('names an unreadable rules file', () => {
    // missing file: exit 2 with the path and the reason
    expect(() => loadRules('/nonexistent/rules.json')).toThrow(/\/nonexistent\/rules\.json: cannot read rules file \(ENOENT\)/);
  });
});
