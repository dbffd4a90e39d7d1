import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const date = defineDetector({
  id: 'date',
  category: 'phi',
  types: ['DATE'],
  detect() {
    return [];
  },
});
