import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const ageOver89 = defineDetector({
  id: 'age-over-89',
  category: 'phi',
  types: ['AGE_OVER_89'],
  detect() {
    return [];
  },
});
