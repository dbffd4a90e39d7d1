import { describe, expect, it } from 'vitest';
import { setBounded } from '../../src/engine/bounded';

describe('setBounded', () => {
  it('keeps at most max entries, dropping the oldest inserted', () => {
    const m = new Map<string, number>();
    for (let i = 0; i < 5; i++) expect(setBounded(m, `k${i}`, i, 3)).toBe(i);
    expect([...m.keys()]).toEqual(['k2', 'k3', 'k4']);
  });

  it('re-setting an existing key does not evict anything', () => {
    const m = new Map([['a', 1], ['b', 2]]);
    setBounded(m, 'a', 9, 2);
    expect([...m.entries()]).toEqual([['a', 9], ['b', 2]]);
  });
});
