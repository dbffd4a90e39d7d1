import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze';
import { jsonLine, makePaint, sanitize, summary, Tally, textReport, useColor, width } from '../../src/cli/report';

const plain = makePaint(false);

describe('report', () => {
  it('underlines the span under its line', () => {
    // SSN on the second line of a draft, after a tab
    const text = 'Busy day.\n\tIntake typed SSN 219-09-9999 into the note';
    const out = textReport({ file: 'draft.txt' }, text, analyze(text), plain).split('\n');
    expect(out[0]).toBe('draft.txt');
    expect(out[1]).toMatch(/^ {2}2:19 +block {2}SSN {2}.*ssn\//);
    const quoted = out[2].indexOf(' Intake');
    expect(out[3].indexOf('^')).toBe(quoted + ' Intake typed SSN '.length);
    expect(out[3].match(/\^+/)![0]).toHaveLength('219-09-9999'.length);
  });

  it('cuts a long line around the span', () => {
    // a 400-character single-line draft
    const text = `${'word '.repeat(40)}SSN 219-09-9999 ${'more '.repeat(40)}`;
    const out = textReport({ file: 'a.jsonl', line: 3, id: 'x' }, text, analyze(text), plain).split('\n');
    expect(out[0]).toBe('a.jsonl:3 (id x)');
    expect(out[2].length).toBeLessThan(110);
    expect(out[2]).toMatch(/…$/);
    expect(out[2].slice(out[3].indexOf('^'))).toMatch(/^219-09-9999/);
  });

  it('says so when a file is clean', () => {
    // clean single-draft file
    expect(textReport({ file: 'c.txt' }, 'Nice run today.', [], plain)).toBe('c.txt: no findings\n');
  });

  it('writes one JSON object per draft', () => {
    // whole file: named by file
    expect(JSON.parse(jsonLine({ file: 'd.txt' }, []))).toEqual({ file: 'd.txt', findings: [] });
    // JSON Lines record without id: id falls back to file:line
    expect(JSON.parse(jsonLine({ file: 'p.jsonl', line: 4, id: null }, []))).toEqual({ id: 'p.jsonl:4', file: 'p.jsonl', line: 4, findings: [] });
    expect(jsonLine({ file: 'd.txt' }, [])).toMatch(/^[^\n]*\n$/);
  });

  it('shows terminal escapes in drafts instead of obeying them', () => {
    // ESC and BEL from a hostile draft
    expect(sanitize('a\x1b[2Jb\x07')).toBe('a\uFFFD[2Jb\uFFFD');
  });

  it('measures terminal columns', () => {
    // emoji and CJK take two columns, a combining accent none
    expect(width('a😀中e\u0301')).toBe(6);
  });

  it('colours only a terminal without NO_COLOR', () => {
    // a pipe
    expect(useColor({ isTTY: false }, {})).toBe(false);
    // a terminal
    expect(useColor({ isTTY: true }, {})).toBe(true);
    // NO_COLOR wins on a terminal
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // FORCE_COLOR for a pipe
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
  });

  it('summarises counts by type and severity without draft text', () => {
    const t = new Tally();
    t.add(analyze('SSN 219-09-9999 and SSN 219-09-9998'));
    t.add([]);
    const s = summary(t, 1.25, plain);
    expect(s).toMatch(/2 drafts scanned in 1\.3 s; 1 with findings, 1 blocked/);
    expect(s).toMatch(/2 findings: block 2, warn 0, info 0/);
    expect(s).toMatch(/SSN +2 +\(block 2\)/);
    expect(s).not.toContain('219');
  });
});
