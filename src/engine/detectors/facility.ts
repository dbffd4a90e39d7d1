import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const facility = defineDetector({
  id: 'facility',
  category: 'phi',
  types: ['FACILITY'],
  detect() {
    return [];
  },
});
