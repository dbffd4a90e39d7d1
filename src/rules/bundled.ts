import defaultPack from '../../rules/default-pack.json';
import type { Pack } from './types';

/**
 * The bundled default pack (rules/default-pack.json): HIPAA Safe Harbor, advice, disclaimer. It
 * is the lowest layer of every policy, and passes its own examples (tests/rules/default-pack.test.ts).
 */
export const BUNDLED_PACK: Pack = defaultPack as Pack;
