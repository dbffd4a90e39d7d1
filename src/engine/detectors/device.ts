import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const device = defineDetector({
  id: 'device',
  category: 'phi',
  types: ['DEVICE'],
  detect() {
    return [];
  },
});
