/**
 * Per-sentence and per-paragraph caches of the engine (compromise docs, advice and disclaimer
 * features, traceable parts, paragraph-scoped detector results) are Maps bounded by size: insert,
 * then drop the oldest entry once over `max` (insertion order; a caller that wants LRU re-inserts
 * on a hit). Each is created by `boundedCache` so `clearEngineCaches` can empty them all.
 */
export function setBounded<K, V>(cache: Map<K, V>, key: K, value: V, max: number): V {
  cache.set(key, value);
  if (cache.size > max) cache.delete(cache.keys().next().value as K);
  return value;
}

const registry = new Set<Map<unknown, unknown>>();

/** A new engine cache, registered so that `clearEngineCaches` empties it. */
export function boundedCache<K, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  registry.add(cache as Map<unknown, unknown>);
  return cache;
}

/**
 * Empties every engine cache: a cold analysis (benchmarks) and a batch of unrelated drafts
 * (the CLI) reuse nothing. The extension never needs it: the caches are bounded.
 */
export function clearEngineCaches(): void {
  for (const c of registry) c.clear();
}
