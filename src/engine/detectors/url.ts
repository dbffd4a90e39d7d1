import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const url = defineDetector({
  id: 'url',
  category: 'phi',
  types: ['URL'],
  detect() {
    return [];
  },
});
