import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate, OUT_PATH, SCHEMA_PATH, syncedSchema } from '../../scripts/gen-pack-validator';
import { checkPack, checkPackText, jsonPath, MAX_PACK_BYTES } from '../../src/rules/validate';

const base = { id: 'org.example.hospital', version: '2026.11.1' };
const problems = (v: unknown) => checkPack(v).problems.map((p) => `${p.path}: ${p.message}`);

describe('rules/pack.schema.json and its generated validator', () => {
  it('the schema lists the registry detector ids and the committed validator is generated from it', () => {
    // editing the schema or adding a detector without `npx tsx scripts/gen-pack-validator.ts` fails here
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(syncedSchema());
    expect(readFileSync(OUT_PATH, 'utf8')).toBe(generate());
  });

  it('the generated validator has no eval, no Function, no URL (MV3 and the build audit)', () => {
    const code = readFileSync(OUT_PATH, 'utf8');
    expect(code).not.toMatch(/\beval\(|new Function|Function\(|https?:\/\/|require\(|\bimport /);
  });
});

describe('checkPack', () => {
  it.each([
    // the smallest pack: id and version
    [base],
    // every section
    [{ ...base, description: 'd', threshold: 0.6, detectors: { ssn: { enabled: true, severity: 'block' }, biometric: { enabled: false } },
      patterns: [{ name: 'accession', type: 'MRN', regex: String.raw`\bACC-\d{7}\b`, flags: 'i', severity: 'block', score: 0.9, context: { boost: ['accession'], window: 4 } }],
      dictionaries: { deny: [{ text: 'Ward 7B', type: 'FACILITY', severity: 'block' }], allow: ['Dr. Okafor'] },
      disclaimer: { required: 'always', text: 'Views my own.' }, enforcement: { block: 'stop', warn: 'reason' }, retentionDays: 0,
      locked: ['detectors', 'disclaimer.text', 'enforcement'], examples: [{ text: 'ACC-1234567', expect: ['MRN', { type: 'MRN', severity: 'block', rule: 'custom-pattern/accession' }], exact: false }] }],
    // a $schema key for editors is accepted
    [{ $schema: './pack.schema.json', ...base }],
  ])('accepts %j', (pack) => {
    expect(problems(pack)).toEqual([]);
    expect(checkPack(pack).pack).toBe(pack);
  });

  it.each([
    // the top level must be an object
    [[], ['$: must be an object']],
    // id and version are required
    [{}, ['$.id: is required', '$.version: is required']],
    // unknown key at the top: a typo must not silently change a policy
    [{ ...base, alow: ['x'] }, ['$.alow: is not a known key (a typo must not silently change a policy)']],
    // unknown detector id, with the known ones listed
    [{ ...base, detectors: { snn: { enabled: false } } }, [expect.stringMatching(/^\$\.detectors\.snn: is not a known name; expected one of name, date, .*ssn/)]],
    // wrong type, deep inside
    [{ ...base, detectors: { ssn: { enabled: 'no' } } }, ['$.detectors.ssn.enabled: must be a boolean']],
    // severity outside the enum
    [{ ...base, dictionaries: { deny: [{ text: 'Ward 7B', type: 'FACILITY', severity: 'stop' }] } }, ['$.dictionaries.deny[0].severity: must be one of "block", "warn", "info"']],
    // an empty allow entry would allow everything
    [{ ...base, dictionaries: { allow: [''] } }, ['$.dictionaries.allow[0]: is too short (at least 2 characters)', '$.dictionaries.allow[0]: has the wrong form (must contain a non-space character)']],
    // threshold out of range
    [{ ...base, threshold: 2 }, ['$.threshold: must be <= 1']],
    // retention must be whole days
    [{ ...base, retentionDays: 1.5 }, ['$.retentionDays: must be a whole number']],
    // an unknown lock name
    [{ ...base, locked: ['everything'] }, [expect.stringMatching(/^\$\.locked\[0\]: must be one of "\*", "threshold"/)]],
    // 10,000 patterns: one clear error, no regex is run
    [{ ...base, patterns: Array.from({ length: 10_000 }, (_, i) => ({ name: `p${i}`, type: 'MRN', regex: 'x' })) }, ['$.patterns: has too many entries (at most 200)']],
    // a pattern type that is not a PHI type
    [{ ...base, patterns: [{ name: 'a', type: 'ACCESSION', regex: 'x' }] }, [expect.stringMatching(/^\$\.patterns\[0\]\.type: must be one of "NAME"/)]],
    // flags: g and y are the engine's, not the pack's
    [{ ...base, patterns: [{ name: 'a', type: 'MRN', regex: 'x', flags: 'gi' }] }, ['$.patterns[0].flags: has the wrong form (any of i, m, s, u, each once)']],
    // an example expectation of the wrong shape
    [{ ...base, examples: [{ text: 'x', expect: [3] }] }, ['$.examples[0].expect[0]: must be a finding type (e.g. "SSN") or an object with type, text, severity and/or rule']],
  ])('rejects %#', (pack, expected) => {
    expect(problems(pack)).toEqual(expected);
    expect(checkPack(pack).pack).toBeUndefined();
  });

  it('reports every problem at once, regexes included', () => {
    expect(problems({ ...base, threshold: -1, patterns: [
      { name: 'a', type: 'MRN', regex: '(a+)+$' },
      { name: 'a', type: 'MRN', regex: String.raw`\d{3}`, group: 2 },
      { name: 'b', type: 'MRN', regex: '(' },
      { name: 'c', type: 'MRN', regex: 'x*' },
    ] })).toEqual([
      '$.threshold: must be >= 0',
      expect.stringMatching(/^\$\.patterns\[0\]\.regex: "\(a\+\)\+\$" can backtrack catastrophically \(exponential time\)/),
      '$.patterns[1].name: "a" is already the name of patterns[0]',
      '$.patterns[1].group: is 2 but the regex has 0 capture groups',
      expect.stringMatching(/^\$\.patterns\[2\]\.regex: "\(" is not a valid regular expression/),
      '$.patterns[3].regex: "x*" matches the empty string: every position would be a finding',
    ]);
  });

  it.each([
    // invalid JSON names line and column
    ['{\n  "id": "x",\n}', /^\$: not valid JSON: .* at line 3, column 1$/],
    // over 1 MB is refused before parsing
    [JSON.stringify({ ...base, description: 'x'.repeat(MAX_PACK_BYTES) }), /^\$: the pack is 1\.0 MB; at most 1 MB is accepted$/],
  ])('checkPackText: %#', (text, message) => {
    const r = checkPackText(text);
    expect(r.pack).toBeUndefined();
    expect(`${r.problems[0].path}: ${r.problems[0].message}`).toMatch(message);
  });

  it.each([
    ['', '$'],
    ['/patterns/2/regex', '$.patterns[2].regex'],
    ['/detectors/health-plan', '$.detectors["health-plan"]'],
  ])('jsonPath(%s) = %s', (pointer, path) => {
    expect(jsonPath(pointer)).toBe(path);
  });
});
