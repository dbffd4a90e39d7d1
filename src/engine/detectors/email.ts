import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const email = defineDetector({
  id: 'email',
  category: 'phi',
  types: ['EMAIL'],
  detect() {
    return [];
  },
});
