import type { Detector } from './types';
import { name } from './detectors/name';
import { date } from './detectors/date';
import { ageOver89 } from './detectors/age-over-89';
import { location } from './detectors/location';
import { facility } from './detectors/facility';
import { phone } from './detectors/phone';
import { fax } from './detectors/fax';
import { email } from './detectors/email';
import { ssn } from './detectors/ssn';
import { mrn } from './detectors/mrn';
import { healthPlan } from './detectors/health-plan';
import { account } from './detectors/account';
import { license } from './detectors/license';
import { vehicle } from './detectors/vehicle';
import { device } from './detectors/device';
import { url } from './detectors/url';
import { ip } from './detectors/ip';
import { biometric } from './detectors/biometric';
import { uniqueId } from './detectors/unique-id';
import { advice } from './detectors/advice';
import { disclaimer } from './detectors/disclaimer';
import { traceable } from './detectors/traceable';
import { customPattern } from './detectors/custom-pattern';

/**
 * Every detector, in one list (Presidio's recognizer registry). A detector is added here and
 * nowhere else; tests/engine/registry.test.ts fails on a detector file that is not listed or
 * has no test.
 */
export const DETECTORS: readonly Detector[] = Object.freeze([
  name,
  date,
  ageOver89,
  location,
  facility,
  phone,
  fax,
  email,
  ssn,
  mrn,
  healthPlan,
  account,
  license,
  vehicle,
  device,
  url,
  ip,
  biometric,
  uniqueId,
  advice,
  disclaimer,
  customPattern,
  traceable,
]);
