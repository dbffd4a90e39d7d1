import { describe, expect, it } from 'vitest';
import { generalise, generaliseAge, generaliseRole, traceableMessage } from '../../../src/engine/quasi/generalise';
import type { QuasiPart } from '../../../src/engine/quasi/phrases';

const part = (text: string, word: string, kind: QuasiPart['kind'], rule = 'test'): QuasiPart => {
  const start = text.indexOf(word);
  return { start, end: start + word.length, kind, rule };
};

describe('generalise: the fix for a traceable case', () => {
  it.each([
    ['34-year-old', false, '30-something'], // adjective use: a decade
    ['34-year-old', true, 'patient in their 30s'], // noun use
    ['16yo', false, 'teenage'], // teenagers
    ['9-year-old', true, 'child'], // children
    ['3-week-old', false, 'young'], // infants
    ['Five-month-old', true, 'infant'], // spelled out
  ])('age %s (noun %s) -> %s', (age, noun, want) => {
    expect(generaliseAge(age, noun)).toBe(want);
  });

  it.each([
    ['retired Navy helicopter pilot', 'retired service member'], // first group that matches, retired kept
    ['D1 college swimmer', 'athlete'], // sports
    ['church organist', 'musician'], // music before clergy
    ['beekeeper', 'worker'], // default
  ])('role %s -> %s', (role, want) => {
    expect(generaliseRole(role)).toBe(want);
  });

  it('rewrites the span: decade, no place, recently, general role; the disease stays', () => {
    const text = 'Alkaptonuria in a 52-year-old beekeeper from Harrow Mills, scanned this morning';
    const parts = [
      part(text, 'Alkaptonuria', 'RARITY'), part(text, '52-year-old', 'AGE'), part(text, 'beekeeper', 'ROLE'),
      part(text, 'Harrow Mills', 'PLACE'), part(text, 'this morning', 'TIME'),
    ];
    expect(generalise(text, 0, parts)).toBe('Alkaptonuria in a 50-something worker, scanned recently');
  });

  it('fixes the article before a vowel and drops a mid-sentence capital', () => {
    const text = 'We saw a 19-year-old on Tuesday';
    expect(generalise(text, 0, [part(text, '19-year-old', 'AGE'), part(text, 'Tuesday', 'TIME')])).toBe('We saw a teenager recently');
    const t2 = 'It was a 8yo boy';
    expect(generalise(t2, 0, [part(t2, '8yo', 'AGE')])).toBe('It was a young boy');
  });

  it('names the kinds in the message, in a fixed order, without the words', () => {
    const msg = traceableMessage(new Set(['RARITY', 'TIME', 'AGE'] as const));
    expect(msg).toContain('exact age + time + a rare condition');
  });
});
