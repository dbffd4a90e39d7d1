import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const mrn = defineDetector({
  id: 'mrn',
  category: 'phi',
  types: ['MRN'],
  detect() {
    return [];
  },
});
