import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/engine/sentences';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    // title abbreviations stay inside their sentence
    ['Dr. Patel saw her today. She is better.', ['Dr. Patel saw her today.', 'She is better.']],
    // Mrs. and St. (saint or street) do not end a sentence
    ["Mrs. Lee was moved to St. Mary's. Family informed.", ["Mrs. Lee was moved to St. Mary's.", 'Family informed.']],
    // patient initials J.D. stay together
    ['Our pt J.D. was admitted overnight. Stable now.', ['Our pt J.D. was admitted overnight.', 'Stable now.']],
    // a single initial followed by a surname
    ['Seen by A. Gomez at noon. Discharged.', ['Seen by A. Gomez at noon.', 'Discharged.']],
    // e.g. and vs. are abbreviations
    ['Use a scale, e.g. the PHQ-9 vs. the GAD-7. Done.', ['Use a scale, e.g. the PHQ-9 vs. the GAD-7.', 'Done.']],
    // a decimal number never splits (no space after the dot)
    ['Lesion was 3.5 cm. Biopsied.', ['Lesion was 3.5 cm.', 'Biopsied.']],
    // question and exclamation marks split, runs of them count once
    ['Why?! Nobody knows. Wild!', ['Why?!', 'Nobody knows.', 'Wild!']],
    // a closing quote stays with its sentence
    ['He said "stop." Then he left.', ['He said "stop."', 'Then he left.']],
    // an ellipsis character splits
    ['Waiting\u2026 still waiting', ['Waiting\u2026', 'still waiting']],
  ])('splits %j', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it.each([
    // a single line break splits, even without punctuation
    ['CW: medical\nPt in bed 4 today', ['CW: medical', 'Pt in bed 4 today']],
    // blank lines split and produce no empty sentences
    ['first\n\n\nsecond\n', ['first', 'second']],
    // a line break right after an abbreviation still splits (it is a line)
    ['Thanks Dr.\nSee you', ['Thanks Dr.', 'See you']],
  ])('splits lines in %j', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('returns trimmed sentences whose offsets index the text', () => {
    const text = '  Dr. Ruiz called.   Pt J.D. is home!\n\n  Great news.  ';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['Dr. Ruiz called.', 'Pt J.D. is home!', 'Great news.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    // sentences are in order and never overlap
    for (let i = 1; i < sentences.length; i++) expect(sentences[i].start).toBeGreaterThanOrEqual(sentences[i - 1].end);
  });

  it.each([
    // empty text
    [''],
    // only whitespace and line breaks
    ['  \n\t\n  '],
  ])('returns nothing for %j', (text) => {
    expect(splitSentences(text)).toEqual([]);
  });

  it('keeps a text without any boundary as one sentence', () => {
    expect(texts('no punctuation at all here')).toEqual(['no punctuation at all here']);
  });

  it('splits long text in linear time', () => {
    const text = 'Dr. A. Smith saw pt J.D. today. '.repeat(20_000);
    const t0 = performance.now();
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it.each([
    // a run of dots with nothing after it used to be re-scanned from every dot (quadratic)
    ['.'.repeat(200_000)],
    // the same with mixed end punctuation and a closing quote at the end
    ['?!'.repeat(100_000) + '"'],
  ])('splits a long punctuation run in linear time (%#)', (text) => {
    const t0 = performance.now();
    expect(splitSentences(text)).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
