import { boundedCache, setBounded } from './bounded';
import nlp from 'compromise';

/**
 * compromise, parsed once per distinct sentence and cached (LRU). Re-analysing after a keystroke
 * re-parses only the sentence that changed. Never add words to compromise's global lexicon per
 * call: `addWords` changes it for good (STYLE.md).
 */
export type NlpDoc = ReturnType<typeof nlp>;

const MAX = 2000;
const cache = boundedCache<string, NlpDoc>();

export function parse(sentence: string): NlpDoc {
  const hit = cache.get(sentence);
  if (hit) {
    cache.delete(sentence);
    cache.set(sentence, hit);
    return hit;
  }
  const doc = nlp(sentence);
  doc.compute('offset');
  setBounded(cache, sentence, doc, MAX);
  return doc;
}

export { nlp };
