/**
 * Per-sentence caches of the engine (compromise docs, advice and disclaimer features, traceable
 * parts) are Maps bounded by size: insert, then drop the oldest entry once over `max`
 * (insertion order; a caller that wants LRU re-inserts on a hit).
 */
export function setBounded<K, V>(cache: Map<K, V>, key: K, value: V, max: number): V {
  cache.set(key, value);
  if (cache.size > max) cache.delete(cache.keys().next().value as K);
  return value;
}
