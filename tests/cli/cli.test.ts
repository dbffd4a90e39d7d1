import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real CLI, spawned with node as a user would run it. Findings rely on the SSN detector only
 * (`SSN 219-09-9999` blocks); clean drafts are plain sentences.
 */
const BIN = join(__dirname, '../../bin/clearpost.mjs');
const BLOCK = 'Intake typed her SSN 219-09-9999 into the note.';
const CLEAN = 'Remember to compare with prior imaging before calling a nodule new.';

interface Run { code: number | null; stdout: string; stderr: string }

function run(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...opts.env };
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

const jsonl = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const parseLines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l));

let dir: string;
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clearpost-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Generous timeout: each case spawns node and loads the engine, slow on a busy 2-core machine.
describe.concurrent('clearpost CLI', { timeout: 90_000 }, () => {
  it('prints version and help, exit 0', async () => {
    const v = await run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = await run(['scan', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Usage: clearpost scan/);
  });

  it.each([
    // unknown flag
    [['scan', '--jsn', 'a.txt'], /unknown option --jsn/],
    // unknown command
    [['audit', 'a.txt'], /unknown command 'audit'/],
    // scan without inputs
    [['scan'], /no input files/],
    // --rules without its value
    [['scan', 'a.txt', '--rules'], /rules/],
  ])('rejects %j with usage, exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: clearpost/);
    expect(r.stdout).toBe('');
  });

  it('exit 0 on a clean draft, 1 on a blocking one, with the span underlined', async () => {
    const clean = await run(['scan', file('clean.txt', CLEAN)]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/clean\.txt: no findings/);
    const phi = await run(['scan', file('phi.md', `Busy night.\n${BLOCK}\n`)]);
    expect(phi.code).toBe(1);
    const lines = phi.stdout.split('\n');
    const at = lines.findIndex((l) => /block +SSN/.test(l));
    expect(lines[at]).toMatch(/^ +2:\d+ +block +SSN +.+ssn\//);
    expect(lines[at + 2].indexOf('^')).toBe(lines[at + 1].indexOf('219-09-9999'));
    // the summary goes to stdout in readable mode; nothing on stderr
    expect(phi.stdout).toMatch(/Summary: 1 draft scanned/);
    expect(phi.stderr).toBe('');
    // a pipe gets no colour codes
    expect(phi.stdout).not.toContain('\x1b[');
  });

  it('--json writes one parseable object per draft, summary on stderr', async () => {
    const posts = file('posts.jsonl', jsonl([{ id: 'a', text: CLEAN }, { id: 'b', text: BLOCK, site: 'x' }, { text: CLEAN }]));
    const r = await run(['scan', '--json', '--stats', file('one.txt', CLEAN), posts]);
    expect(r.code).toBe(1);
    // small inputs are scanned without starting workers
    expect(JSON.parse(/clearpost-stats (.*)/.exec(r.stderr)![1])).toMatchObject({ drafts: 4, workers: 0 });
    const objs = parseLines(r.stdout);
    expect(objs.map((o) => o.id ?? o.file)).toEqual([join(dir, 'one.txt'), 'a', 'b', `${posts}:3`]);
    expect(objs[2].findings.map((f: { type: string; severity: string }) => `${f.type}/${f.severity}`)).toEqual(['SSN/block']);
    expect(r.stderr).toMatch(/Summary: 4 drafts scanned/);
    expect(r.stdout).not.toMatch(/Summary/);
  });

  it('reports unreadable files and bad lines by file and line without their text, scans the rest, exit 2', async () => {
    const p = file('bad.jsonl', jsonl([
      { id: 'ok1', text: BLOCK },
      '{"id": "broken", "text": "Ms Quintessa Marlowe, bed 4',
      { id: 'no-text', body: 'Quintessa' },
      { id: 'num-text', text: 4 },
      { id: 'ok2', text: CLEAN },
    ]));
    // an unreadable file first: reported, and the next input is still scanned
    const r = await run(['scan', '--json', join(dir, 'missing.txt'), p]);
    expect(r.code).toBe(2); // 2 wins over the block finding in ok1
    expect(r.stderr).toMatch(/missing\.txt: cannot read \(ENOENT\)/);
    expect(parseLines(r.stdout).map((o) => o.id)).toEqual(['ok1', 'ok2']);
    expect(r.stderr).toContain(`${p}:2: not valid JSON`);
    expect(r.stderr).toContain(`${p}:3: "text" is missing`);
    expect(r.stderr).toContain(`${p}:4: "text" is not a string`);
    expect(r.stderr).not.toContain('Quintessa');
  });

  it('reads JSON Lines from standard input with -', async () => {
    const r = await run(['scan', '--json', '-'], { input: jsonl([{ id: 's1', text: CLEAN }, { id: 's2', text: BLOCK }]) });
    expect(r.code).toBe(1);
    expect(parseLines(r.stdout).map((o) => [o.id, o.file, o.findings.length])).toEqual([['s1', '<stdin>', 0], ['s2', '<stdin>', 1]]);
  });

  it('keeps input order on the worker pool (2,000 lines)', async () => {
    // Empty drafts keep the test quick; the rows with text make batches take uneven time.
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: `d${i}`, text: i % 13 === 0 ? `SSN 219-09-9999 (${i})` : i % 3 === 0 ? `All good (${i}).` : '' }));
    const r = await run(['scan', '--json', '--stats', '--workers', '2', file('big.jsonl', jsonl(rows))]);
    expect(r.code).toBe(1);
    const objs = parseLines(r.stdout);
    expect(objs.map((o) => o.id)).toEqual(rows.map((x) => x.id));
    expect(objs.map((o) => o.findings.length > 0)).toEqual(rows.map((_, i) => i % 13 === 0));
    const stats = JSON.parse(/clearpost-stats (.*)/.exec(r.stderr)![1]);
    expect(stats).toMatchObject({ drafts: 2000, workers: 2 });
  });

  it('--rules: an allow list suppresses the finding; a malformed file is exit 2', async () => {
    const p = file('allow.txt', BLOCK); // exit 1 without rules (tested above)
    const allowed = await run(['scan', '--json', '--rules', file('rules.json', JSON.stringify({ allow: ['219-09-9999'] })), p]);
    expect(allowed.code).toBe(0);
    expect(parseLines(allowed.stdout)[0].findings).toEqual([]);
    // the severity override from a rules file applies
    const warned = await run(['scan', '--json', '--rules', file('warn.json', JSON.stringify({ detectors: { ssn: { severity: 'warn' } } })), p]);
    expect(warned.code).toBe(0);
    expect(parseLines(warned.stdout)[0].findings[0].severity).toBe('warn');
    const bad = await run(['scan', '--rules', file('bad-rules.json', '{"allow": "219-09-9999"}'), p]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad-rules\.json: 1 problem\n\s+\$\.allow: must be an array/);
    expect(bad.stdout).toBe('');
  });
});
