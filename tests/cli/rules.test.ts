import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRules, parseRules, RulesError } from '../../src/cli/rules';

const parse = (v: unknown) => parseRules(JSON.stringify(v), 'rules.json');

describe('--rules loading', () => {
  it.each([
    // empty file of options: analyze defaults
    [{}, {}],
    // every key, as analyze options
    [
      { allow: ['Dr. Chen'], deny: [{ text: 'Ward 7B', type: 'FACILITY', severity: 'block' }], detectors: { ssn: { enabled: false }, email: { severity: 'info' } }, threshold: 0.7 },
      { allow: ['Dr. Chen'], deny: [{ text: 'Ward 7B', type: 'FACILITY', severity: 'block' }], detectors: { ssn: { enabled: false }, email: { severity: 'info' } }, threshold: 0.7 },
    ],
    // a $schema key is tolerated and not passed on
    [{ $schema: './rules.schema.json', threshold: 0 }, { threshold: 0 }],
  ])('accepts %j', (input, expected) => {
    expect(parse(input)).toEqual(expected);
  });

  it.each([
    // not JSON at all
    ['{"allow": [', /rules\.json: not valid JSON/],
    // top level must be an object
    ['[]', /the top level must be a JSON object/],
    // a typo in a key must not silently relax the policy
    ['{"alow": ["x"]}', /"alow" is not a known key/],
    // allow of the wrong type
    ['{"allow": "Dr. Chen"}', /"allow" must be an array of strings/],
    // an empty allow entry would allow everything
    ['{"allow": [""]}', /allow\[0\] must be a non-empty string/],
    // deny entry without a type
    ['{"deny": [{"text": "Ward 7B"}]}', /deny\[0\]\.type must be one of NAME/],
    // deny with an unknown severity
    ['{"deny": [{"text": "Ward 7B", "type": "FACILITY", "severity": "stop"}]}', /deny\[0\]\.severity must be one of block, warn, info/],
    // detector id that does not exist
    ['{"detectors": {"snn": {"enabled": false}}}', /"detectors\.snn" names no detector/],
    // enabled as a string
    ['{"detectors": {"ssn": {"enabled": "no"}}}', /detectors\.ssn\.enabled must be true or false/],
    // threshold out of range
    ['{"threshold": 2}', /"threshold" must be a number from 0 to 1/],
    // threshold as a string
    ['{"threshold": "0.5"}', /"threshold" must be a number from 0 to 1/],
  ])('rejects %s', (raw, message) => {
    expect(() => parseRules(raw, 'rules.json')).toThrow(RulesError);
    expect(() => parseRules(raw, 'rules.json')).toThrow(message);
  });

  it('loads the bundled example rules file', () => {
    // examples/rules.json is what the docs point users at: it must stay valid
    expect(loadRules(join(__dirname, '../../examples/rules.json'))).toMatchObject({ allow: ['Dr. Okafor', 'Riverside Imaging Grand Rounds'], detectors: { biometric: { enabled: false } } });
  });

  it('names an unreadable rules file', () => {
    // missing file: exit 2 with the path and the reason
    expect(() => loadRules('/nonexistent/rules.json')).toThrow(/\/nonexistent\/rules\.json: cannot read rules file \(ENOENT\)/);
  });
});
