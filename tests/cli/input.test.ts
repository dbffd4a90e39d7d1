import { describe, expect, it } from 'vitest';
import { classify, readLines } from '../../src/cli/input';

async function lines(chunks: (string | Buffer)[]): Promise<string[]> {
  const out: string[] = [];
  for await (const l of readLines((async function* () { yield* chunks; })())) out.push(l);
  return out;
}

describe('input', () => {
  it.each([
    // one chunk, trailing newline
    [['a\nb\n'], ['a', 'b']],
    // no trailing newline, CRLF endings
    [['a\r\nb'], ['a', 'b']],
    // a line split across chunks
    [['{"te', 'xt":', '"x"}\nnext'], ['{"text":"x"}', 'next']],
    // blank lines are kept (their numbers count)
    [['a\n\nb\n'], ['a', '', 'b']],
    // a byte-order mark is dropped
    [['\uFEFFa\n'], ['a']],
    // a UTF-8 character split between two chunks
    [[Buffer.from([0x61, 0xc3]), Buffer.from([0xa9, 0x0a])], ['aé']],
  ])('splits %j', async (chunks, expected) => {
    expect(await lines(chunks)).toEqual(expected);
  });

  it.each([
    // JSON Lines by extension, any case
    ['posts.JSONL', 'jsonl'],
    ['posts.ndjson', 'jsonl'],
    // standard input is JSON Lines
    ['-', 'jsonl'],
    // one draft per text or markdown file
    ['draft.txt', 'text'],
    ['notes/draft.md', 'text'],
  ])('classifies %s', (path, kind) => {
    expect(classify(path)).toMatchObject({ kind });
  });

  it('rejects other file types with a message naming the file', () => {
    // a JSON array export is not JSON Lines
    expect(classify('export.json')).toMatch(/export\.json: unsupported file type '\.json'/);
  });
});
