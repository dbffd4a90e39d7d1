import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const uniqueId = defineDetector({
  id: 'unique-id',
  category: 'phi',
  types: ['UNIQUE_ID'],
  detect() {
    return [];
  },
});
