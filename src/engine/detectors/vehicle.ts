import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const vehicle = defineDetector({
  id: 'vehicle',
  category: 'phi',
  types: ['VEHICLE'],
  detect() {
    return [];
  },
});
