import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const phone = defineDetector({
  id: 'phone',
  category: 'phi',
  types: ['PHONE'],
  detect() {
    return [];
  },
});
