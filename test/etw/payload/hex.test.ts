import fc from 'fast-check';
import { hexOfBytes, hexOfUint64, numberOrDecimal, upperHex8 } from '../../../src/etw/payload/hex.js';
import { propertyRuns } from '../../support/runs.js';

describe('hex rendering', () => {
  it('renders any 64-bit value as 0x and uppercase digits without padding, as BigInt does', () => {
    const edges = [[0, 0], [0, 1], [0, 0xf], [0, 0x10], [0, 0xffffffff], [1, 0], [0xf, 0xffffffff], [0xffffffff, 0xffffffff]];
    const oracle = (h: number, l: number) => `0x${((BigInt(h) << 32n) | BigInt(l)).toString(16).toUpperCase()}`;
    for (const [h, l] of edges) expect(hexOfUint64(h, l)).toBe(oracle(h, l));
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (h, l) => hexOfUint64(h, l) === oracle(h, l)),
      { numRuns: propertyRuns(5000) }
    );
  });

  it('pads UInt32s to eight digits and bytes to two, and keeps big integers exact', () => {
    expect(upperHex8(0xab)).toBe('000000AB');
    expect(hexOfBytes(Uint8Array.of(0, 0xfe, 0x1a), 0, 3, false)).toBe('00fe1a');
    expect(numberOrDecimal(2n ** 53n)).toBe('9007199254740992');
    expect(numberOrDecimal(-(2n ** 53n) + 1n)).toBe(-9007199254740991);
  });
});
