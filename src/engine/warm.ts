import { analyze } from './analyze';
import { rarityIndex } from './quasi/rarity';

/**
 * The engine's first check compiles its patterns, warms compromise and builds the rare-disease
 * index: one long task of several hundred ms on the page's main thread if it waits for the user's
 * first draft. These steps do the same work on made-up text, each small enough for one task, so
 * the host can run them one per task right after the engine loads (entrypoints/engine.ts).
 * No user text is involved and nothing is logged.
 */
const SAMPLES = [
  'My patient Ava Thornton, 34, was seen on Tuesday. You should get an MRI of your knee.',
  'A firefighter from Millbrook came in this morning with Erdheim-Chester disease. MRN 12345678.',
  'In my opinion every ED needs ultrasound at night. Views my own. Call her cell 415-555-0187.',
];

export function warmUpSteps(): Array<() => void> {
  return [() => void rarityIndex(), ...SAMPLES.map((text) => () => void analyze(text))];
}
