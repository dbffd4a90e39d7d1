import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../src/cli/args';
import { runRules } from '../../src/cli/rules-command';
import type { RulesOptions } from '../../src/cli/args';

const dir = mkdtempSync(join(tmpdir(), 'clearpost-rules-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const PACK = JSON.stringify({
  id: 'org.example', version: '1',
  patterns: [{ name: 'accession', type: 'MRN', regex: String.raw`\bRAD-\d{8}\b`, severity: 'block' }],
  examples: [
    { note: 'accession blocks', text: 'Please read RAD-20261104 first.', expect: [{ type: 'MRN', severity: 'block' }] },
    { note: 'wrong on purpose', text: 'Please read RAD-20261104 first.', expect: [] },
  ],
});

async function run(opts: RulesOptions) {
  let stdout = '', stderr = '';
  const code = await runRules(opts, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('clearpost rules', () => {
  it.each([
    // an action is required
    [['rules'], /missing action/],
    // unknown action
    [['rules', 'lint', 'p.json'], /unknown action 'lint'/],
    // check takes exactly one pack
    [['rules', 'check'], /takes one PACK file/],
    // sign needs a key
    [['rules', 'sign', 'p.json'], /needs --key/],
    // verify needs a public key
    [['rules', 'verify', 'p.json'], /needs --pubkey/],
    // keygen needs --out
    [['rules', 'keygen'], /needs --out/],
  ])('usage error: %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it('check: ok on a valid pack (exit 0), every problem with its JSON path on a bad one (exit 2)', async () => {
    const ok = await run({ action: 'check', pack: file('ok.json', PACK) });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ok\.json: ok: org\.example 1, 1 pattern\(s\)/);
    const bad = await run({ action: 'check', pack: file('bad.json', JSON.stringify({ id: 'org.example', version: '1', detectors: { snn: { enabled: false } }, patterns: [{ name: 'p', type: 'MRN', regex: '(a|a)*b' }] })) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: 2 problems\n {2}\$\.detectors\.snn: is not a known name.*\n {2}\$\.patterns\[0\]\.regex: "\(a\|a\)\*b" can backtrack catastrophically/);
    expect(bad.stdout).toBe('');
  });

  it('test: PASS/FAIL per example with the reason, a count line, exit 1 on a failure', async () => {
    const r = await run({ action: 'test', pack: file('t.json', PACK) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('PASS example 1 (accession blocks)');
    expect(r.stdout).toMatch(/FAIL example 2 \(wrong on purpose\)\n {5}unexpected MRN \(block, custom-pattern\/accession\) at 12-24/);
    expect(r.stdout).toMatch(/^1 passed, 1 failed$/m);
  });

  it('keygen, sign, verify: a signed pack verifies; a changed byte or another key does not', async () => {
    const base = join(dir, 'team');
    const k = await run({ action: 'keygen', out: base });
    expect(k.code).toBe(0);
    expect(statSync(`${base}.key`).mode & 0o777).toBe(0o600);
    const pub = readFileSync(`${base}.pub`, 'utf8').trim();
    expect(k.stdout).toContain(pub);
    const pack = file('signed.json', PACK);
    const s = await run({ action: 'sign', pack, key: `${base}.key` });
    expect(s.code).toBe(0);
    expect(s.stdout).toContain(pub);
    expect((await run({ action: 'verify', pack, pubkey: `${base}.pub` })).code).toBe(0);
    expect((await run({ action: 'verify', pack, pubkey: pub })).code).toBe(0);
    // one changed byte: mismatch, exit 1
    writeFileSync(pack, PACK.replace('"1"', '"2"'));
    const changed = await run({ action: 'verify', pack, pubkey: pub });
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/signature does not match/);
    // another team's key: mismatch
    await run({ action: 'keygen', out: join(dir, 'other') });
    writeFileSync(pack, PACK);
    expect((await run({ action: 'verify', pack, pubkey: join(dir, 'other.pub') })).code).toBe(1);
  });

  it('sign refuses an invalid pack (exit 2) and writes no signature', async () => {
    await run({ action: 'keygen', out: join(dir, 'k2') });
    const pack = file('invalid.json', '{"id": "x"}');
    const r = await run({ action: 'sign', pack, key: join(dir, 'k2.key') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$\.version: is required/);
    expect(() => statSync(`${pack}.sig`)).toThrow();
  });
});
