import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'IP');

describe('ip detector', () => {
  it.each([
    // a patient's portal logins
    ['her portal logins all come from 71.204.18.33 lately', '71.204.18.33'],
    // a relative's device
    ["the record was opened from 203.0.113.9, her grandson's laptop", '203.0.113.9'],
    // a home monitor behind a relative's router
    ["his bedside hub is stuck at 192.0.2.61 behind his son's router", '192.0.2.61'],
    // IPv6 from the patient's home
    ['her uploads come from 2001:db8:85a3::8a2e:370:7334 at home', '2001:db8:85a3::8a2e:370:7334'],
    // a workstation left open on a named patient's study
    ["who left Okafor's MRI open on the workstation at 10.12.4.77 all weekend?", '10.12.4.77'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it.each([
    // an octet out of range
    ['her portal logins come from 71.204.318.33'],
    // a colleague's router
    ["the link was opened from 98.45.210.13, which was the recipient's home router"],
    // a version number
    ['PACS client version 4.2.10.1 fixes the hanging protocol'],
    // inside a URL (the URL detector owns it)
    ['our internal viewer http://10.40.2.15/viewer is down'],
    // a time and a dotted date
    ['read at 10:30 on 12.03.2024'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
