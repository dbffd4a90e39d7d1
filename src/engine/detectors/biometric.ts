import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const biometric = defineDetector({
  id: 'biometric',
  category: 'phi',
  types: ['BIOMETRIC'],
  detect() {
    return [];
  },
});
