import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { vinCheckDigitValid } from '../../../src/engine/detectors/vehicle';

const found = (text: string) => analyze(text).filter((f) => f.type === 'VEHICLE');

describe('vehicle detector', () => {
  it.each([
    // labelled plate, letters then digits
    ['rollover, plate KTR-5531 per the EMS sheet', 'KTR-5531'],
    // state then plate, digits first
    ['driver of a pickup (Ohio plate 6HXP219, unbelted)', '6HXP219'],
    // possessive before "plate"
    ["the rider's plate 9MNC-204 was on the trauma sheet", '9MNC-204'],
    // plate word far before the value
    ['his DL, and the plate of the car, QRV 2208, were in the report', 'QRV 2208'],
    // labelled VIN (a VIN from outside North America may fail the check digit)
    ['The report lists the VIN as WVWZZZ1JZXW000001 for the car', 'WVWZZZ1JZXW000001'],
    // unlabelled VIN with a valid check digit
    ['burned sedan, 1M8GDM9AXKP042788 stamped on the frame', '1M8GDM9AXKP042788'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it('checks the North American VIN check digit', () => {
    // 1M8GDM9AXKP042788 is the textbook example (check digit X)
    expect(vinCheckDigitValid('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigitValid('1M8GDM9A1KP042788')).toBe(false);
    const [f] = found('VIN 1M8GDM9AXKP042788');
    expect(f.score).toBe(1);
    expect(f.severity).toBe('block');
  });

  it.each([
    // the rescuer's vanity plate
    ['To whoever drove the blue truck with the HERO22 plate and pulled her out: thank you.'],
    // a partial plate of a hit-and-run suspect
    ['if anyone saw a grey sedan, plate started with 7KX, call the tip line'],
    // vehicle models
    ['he drives an F-150 and she drives a RAV4'],
    // a 17-character string failing the check digit, with no label
    ['ref 1M8GDM9A1KP042788 in the log'],
    // a vertebral level and a spine MR sequence
    ['T12 Chance fracture, L4-L5 disc, T2W images'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
