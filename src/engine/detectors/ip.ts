import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const ip = defineDetector({
  id: 'ip',
  category: 'phi',
  types: ['IP'],
  detect() {
    return [];
  },
});
