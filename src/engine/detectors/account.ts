import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const account = defineDetector({
  id: 'account',
  category: 'phi',
  types: ['ACCOUNT'],
  detect() {
    return [];
  },
});
