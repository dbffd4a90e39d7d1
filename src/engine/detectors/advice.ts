import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const advice = defineDetector({
  id: 'advice',
  category: 'advice',
  types: ['ADVICE'],
  detect() {
    return [];
  },
});
