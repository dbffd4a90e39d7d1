import { describe, expect, it } from 'vitest';
import { jsonErrorPosition, scanLine } from '../../src/cli/record';

const line = (raw: string, keepText = false) => scanLine({ line: 7, raw }, {}, keepText);

describe('JSON Lines records', () => {
  it('scans a record and keeps its id', () => {
    // SSN: the engine's block finding
    const r = line(JSON.stringify({ id: 'p1', text: 'SSN 219-09-9999 on file', site: 'x' }));
    expect(r).toMatchObject({ line: 7, id: 'p1' });
    expect(r && 'findings' in r && r.findings.map((f) => [f.type, f.severity])).toEqual([['SSN', 'block']]);
  });

  it('returns the text only when asked and only with findings', () => {
    // readable report needs the draft around a finding
    expect(line(JSON.stringify({ id: 1, text: 'SSN 219-09-9999' }), true)).toHaveProperty('text', 'SSN 219-09-9999');
    // clean draft: nothing to quote
    expect(line(JSON.stringify({ id: 1, text: 'Nice weather for a run.' }), true)).not.toHaveProperty('text');
    // --json mode never needs it
    expect(line(JSON.stringify({ id: 1, text: 'SSN 219-09-9999' }), false)).not.toHaveProperty('text');
  });

  it.each([
    // blank lines are skipped, not errors
    ['   ', null],
    // a record without id gets null (the report names file and line)
    ['{"text": "hello"}', { line: 7, id: null, findings: [] }],
  ])('reads %j', (raw, expected) => {
    expect(line(raw)).toEqual(expected);
  });

  it.each([
    // truncated line
    ['{"id": "a", "text": "Jane Roe was', /^not valid JSON \(/],
    // an array, not an object
    ['["Jane Roe"]', /^expected a JSON object/],
    // no text field
    ['{"id": "a"}', /^"text" is missing$/],
    // text of the wrong type
    ['{"id": "a", "text": 42}', /^"text" is not a string$/],
    // id of the wrong type
    ['{"id": {}, "text": "x"}', /^"id" must be a string or a number$/],
    // site of the wrong type
    ['{"text": "x", "site": 3}', /^"site" must be a string$/],
  ])('reports %s by line without its text', (raw, message) => {
    const r = line(raw);
    expect(r).toMatchObject({ line: 7, error: expect.stringMatching(message) });
    expect(JSON.stringify(r)).not.toContain('Jane');
  });

  it.each([
    // V8 quotes the offending text in this message: only the kind of error is kept
    ['{"text": Jane Roe}', ' (unexpected token)'],
    // a position is given: kept as a column
    ['{"text" "Jane Roe"}', ' (column 9)'],
    // string cut short: the column where the line ends
    ['{"text": "Jane Roe', ' (column 19)'],
    // cut before a value
    ['{"text":', ' (unexpected end of line)'],
  ])('never quotes the draft in the JSON error for %s', (raw, expected) => {
    let err: unknown;
    try { JSON.parse(raw); } catch (e) { err = e; }
    expect(jsonErrorPosition(err)).toBe(expected);
  });
});
