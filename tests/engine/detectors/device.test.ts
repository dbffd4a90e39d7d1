import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'DEVICE');

describe('device detector', () => {
  it.each([
    // pacemaker serial after the maker and model
    ['Her Biotronik Edora serial QX7718204 is MR conditional', 'QX7718204'],
    // SN with a space inside
    ['pacer card says SN 5520 8817, not conditional', '5520 8817'],
    // implant lot number
    ['the IVC filter, lot KRTA2231, was fractured', 'KRTA2231'],
    // dashed serial with a prefix
    ['stimulator (serial NS-3318-0021) before the MRI', 'NS-3318-0021'],
    // unlabelled but next to a device word
    ['we read the code off his knee prosthesis on CT, ZQ-44810', 'ZQ-44810'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it('validates a GS1 UDI by its GTIN check digit', () => {
    // GTIN-14 00012345678905 has a valid mod-10 check digit
    const [f] = found('UDI (01)00012345678905(21)A7781 on the explant');
    expect(f.score).toBe(1);
  });

  it.each([
    // "a lot of"
    ['I read a lot of pacemaker chest films'],
    // field strength and model number
    ['MRI at 1.5T with the Medtronic model 5076 lead'],
    // a device brand with a product generation only
    ['HeartMate 3 patients do fine at CT'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
