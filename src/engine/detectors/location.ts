import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const location = defineDetector({
  id: 'location',
  category: 'phi',
  types: ['LOCATION'],
  detect() {
    return [];
  },
});
