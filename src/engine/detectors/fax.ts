import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const fax = defineDetector({
  id: 'fax',
  category: 'phi',
  types: ['FAX'],
  detect() {
    return [];
  },
});
