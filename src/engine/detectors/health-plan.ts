import { defineDetector } from '../types';

// Placeholder registered so the registry is complete; the detector itself is being written.
export const healthPlan = defineDetector({
  id: 'health-plan',
  category: 'phi',
  types: ['HEALTH_PLAN'],
  detect() {
    return [];
  },
});
