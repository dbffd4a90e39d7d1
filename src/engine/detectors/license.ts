import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const license = defineDetector({
  id: 'license',
  category: 'phi',
  types: ['LICENSE'],
  detect() {
    return [];
  },
});
