import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const disclaimer = defineDetector({
  id: 'disclaimer',
  category: 'disclaimer',
  types: ['DISCLAIMER'],
  detect() {
    return [];
  },
});
