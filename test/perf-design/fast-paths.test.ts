// The codec and activity fast paths written for bench/ (branch-free base64 decode, fromCharCode output,
// pooled random bytes, fromTraceId) against slow, obviously correct references built on Buffer.
import fc from 'fast-check';
import { E2EActivity } from '../../src/activity.js';
import { base64GroupAt, encodeBase64Of16, sextetAt } from '../../src/codec/base64.js';
import { decodeE2EActivity, encodeE2EActivity } from '../../src/codec/e2eactivity.js';
import { randomGuidBytes } from '../../src/codec/random.js';
import { traceIdToGuid } from '../../src/codec/trace-id.js';
import { propertyRuns } from '../support/runs.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALID = '1EQPEKzH3EWY95dMBk1h3Q==';

/** decodeE2EActivity as the facts describe it, the slow way. */
function referenceDecode(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]{21}[AQgw]==$/.test(text)) return undefined;
  const b = Buffer.from(text, 'base64');
  if (b.every((byte) => byte === 0)) return undefined;
  const hex = (i: number) => b[i].toString(16).padStart(2, '0');
  const order = [3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15];
  return order.map((i) => (i < 0 ? '-' : hex(i))).join('');
}

// Characters above 127 whose low 7 bits are a base64 letter: a decoder that masked without the sign
// trick would read them as 'A', 'z', '0', '+'.
const ALIASES = ['A', 'z', '0', '+', '/'].flatMap((c) => [0x80, 0x100, 0xff80].map((high) => String.fromCharCode(high + c.charCodeAt(0))));

describe('branch-free base64 decode', () => {
  it.each(ALIASES.map((c) => [c.charCodeAt(0).toString(16), c]))('rejects U+%s in every position', (_, alias) => {
    for (let i = 0; i < 22; i++) {
      expect(decodeE2EActivity(VALID.slice(0, i) + alias + VALID.slice(i + 1))).toBeUndefined();
    }
  });

  it('base64GroupAt and sextetAt: -1 or negative outside the alphabet, the value inside', () => {
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      const expected = ALPHABET.indexOf(c);
      if (sextetAt(c, 0) !== expected || base64GroupAt(`AA${c}A`, 0) < 0 !== expected < 0) wrong.push(code);
    }
    expect(wrong).toEqual([]);
    expect(base64GroupAt('////', 0)).toBe(0xffffff);
  });

  it('equals the reference on mutations of valid values (property)', () => {
    const valid = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64'));
    const char = fc.oneof(fc.constantFrom(...ALPHABET, '=', '-', '_', ' ', ...ALIASES), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }));
    fc.assert(
      fc.property(valid, fc.nat(23), char, (text, position, c) => {
        const mutated = text.slice(0, position) + c + text.slice(position + 1);
        expect(decodeE2EActivity(mutated)).toBe(referenceDecode(mutated));
        expect(decodeE2EActivity(text)).toBe(referenceDecode(text));
      }),
      { numRuns: propertyRuns(5000) }
    );
  });
});

describe('encodeBase64Of16', () => {
  it('equals Buffer base64 for any 16 bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        expect(encodeBase64Of16(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: propertyRuns(5000) }
    );
  });
});

describe('E2EActivity.fromTraceId', () => {
  it('is fromGuid(traceIdToGuid(traceId)) (property)', () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 31, maxLength: 33 });
    const anything = fc.oneof(hex, fc.string({ maxLength: 40 }), fc.constant('0'.repeat(32)), fc.constant(` ${'a'.repeat(31)}`));
    fc.assert(
      fc.property(anything, (traceId) => {
        expect(E2EActivity.fromTraceId(traceId)).toEqual(E2EActivity.fromGuid(traceIdToGuid(traceId)));
      }),
      { numRuns: propertyRuns(5000) }
    );
  });

  it('maps the spec vector and rejects the all-zero trace id', () => {
    const activity = E2EActivity.fromTraceId('100F44D4C7AC45DC98F7974C064D61DD');
    expect(activity).toEqual(E2EActivity.fromGuid('100f44d4-c7ac-45dc-98f7-974c064d61dd'));
    expect(activity?.header).toBe(VALID);
    expect(E2EActivity.fromTraceId('0'.repeat(32))).toBeUndefined();
  });
});

describe('pooled random GUID bytes', () => {
  it('stay random, version 4 and RFC 4122 variant across several pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const activity = E2EActivity.random();
      expect(activity.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(decodeE2EActivity(activity.header)).toBe(activity.id);
      expect(encodeE2EActivity(activity.id)).toBe(activity.header);
      seen.add(activity.id);
    }
    expect(seen.size).toBe(100);
  });

  it('hands out 16 bytes at a time, each slice of the pool once', () => {
    const slices = Array.from({ length: 40 }, () => Buffer.from(randomGuidBytes()).toString('hex'));
    expect(slices.every((s) => s.length === 32)).toBe(true);
    expect(new Set(slices).size).toBe(40);
  });
});
