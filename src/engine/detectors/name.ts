import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const name = defineDetector({
  id: 'name',
  category: 'phi',
  types: ['NAME'],
  detect() {
    return [];
  },
});
