import fc from 'fast-check';
import { explainRejectedHeader, trailingPadding } from '../../src/cli/diagnose-header.js';
import { decodeE2EActivity } from '../../src/index.js';

describe('explainRejectedHeader', () => {
  it.each([
    ['', 'empty value'],
    ['   ', 'empty value'],
    ['E2EActivity: 1EQPEKzH3EWY95dMBk1h3Q==', 'a whole header line: pass only the value after "E2EActivity:"'],
    ['e2eactivity:1EQPEKzH3EWY95dMBk1h3Q==', 'a whole header line: pass only the value after "E2EActivity:"'],
    ['1EQPEKzH3EWY95dMBk1h3Q==, GWABtfYCDEu4hxOZR7sWGQ==', expect.stringMatching(/^several values joined with ","/)],
    ['100f44d4-c7ac-45dc-98f7-974c064d61dd', 'a GUID, not a header value: use encode'],
    ['{100F44D4-C7AC-45DC-98F7-974C064D61DD}', 'a GUID, not a header value: use encode'],
    ['00000000000000000000000000000000', 'a GUID, not a header value: use encode'],
    ['GWABtfYCDEu4hxOZ_7sWGQ==', 'URL-safe base64 alphabet (- or _): WCF sends the standard alphabet (+ and /) and "=="'],
    ['-EQPEKzH3EWY95dMBk1h3Q==', 'URL-safe base64 alphabet (- or _): WCF sends the standard alphabet (+ and /) and "=="'],
    ['-EQPEKzH3EWY95dMBk1h3Q', 'URL-safe base64 alphabet (- or _), unpadded: WCF sends the standard alphabet (+ and /) and "=="'],
    ['not-base64', '"-" at position 4 is not a base64 character (it is in the URL-safe alphabet, which WCF does not use)'],
    ['GWABtfYCDEu4hxOZ_7sWGQ=', '"_" at position 17 is not a base64 character (it is in the URL-safe alphabet, which WCF does not use)'],
    ['1EQPEKzH3EW Y95dMBk1h3Q==', '" " at position 12 is not a base64 character'],
    ['1EQPEKzH3EWY95dMBk1h3é==', '"é" at position 22 is not a base64 character'],
    ['1EQPEKzH3EWY95dM\r\nX: 1', '"\\r" at position 17 is not a base64 character'],
    ['1EQPEKzH3EWY95dM==1h3Q==', '"=" at position 17: padding goes only at the end'],
    ['1EQPEKzH3EWY95dMBk1h3Q===', '3 "=" of padding: base64 has at most 2'],
    ['1EQPE', 'not base64: 5 characters cannot encode whole bytes'],
    ['AAECAwQFBgcICQoL', 'decodes to 12 bytes, not 16: a GUID is 16 bytes, 24 base64 characters ending in "=="'],
    ['AAECAwQFBgcICQoLDA0ODxA=', 'decodes to 17 bytes, not 16: a GUID is 16 bytes, 24 base64 characters ending in "=="'],
    ['1EQPEKzH3EWY95dMBk1h3Q', 'unpadded base64: WCF sends 24 characters ending in "=="'],
    ['1EQPEKzH3EWY95dMBk1h3Q=', 'one "=" of padding: WCF sends 24 characters ending in "=="'],
    ['1EQPEKzH3EWY95dMBk1h3R==', 'non-canonical base64: the unused low bits of "R" are set; .NET writes "Q"'],
    ['1EQPEKzH3EWY95dMBk1h3f==', 'non-canonical base64: the unused low bits of "f" are set; .NET writes "Q"'],
    ['AAAAAAAAAAAAAAAAAAAAAA==', 'Guid.Empty (all zeros) means no activity'],
    [' AAAAAAAAAAAAAAAAAAAAAA==\t', 'Guid.Empty (all zeros) means no activity'],
  ])('%j: %s', (input, message) => {
    expect(decodeE2EActivity(input)).toBeUndefined();
    expect(explainRejectedHeader(input)).toEqual(message);
  });

  // The last message is reached by elimination: only Guid.Empty may get it.
  it('blames Guid.Empty only for Guid.Empty', () => {
    const base64ish = fc.string({ unit: fc.constantFrom(...'AQgw/+=-_ ,é'.split('')), maxLength: 26 });
    fc.assert(
      fc.property(base64ish, (input) => {
        fc.pre(decodeE2EActivity(input) === undefined);
        const message = explainRejectedHeader(input);
        expect(message === 'Guid.Empty (all zeros) means no activity').toBe(input.trim() === 'AAAAAAAAAAAAAAAAAAAAAA==');
      }),
      { numRuns: 20000 }
    );
  });

  // Regression: `/=+$/` restarted at every "=" of a run that does not end the line, so 80,000 "=" + "x"
  // took 14 s and 200,000 about 90 s. Linear, this is milliseconds; Jest's timeout is only the upper bound.
  it('diagnoses a 200,000-character line of "=" that does not end in "="', () => {
    const line = `${'='.repeat(200000)}x`;
    expect(explainRejectedHeader(line)).toBe('"=" at position 1: padding goes only at the end');
    expect(explainRejectedHeader(`AAAA${'='.repeat(200000)}`)).toBe('200000 "=" of padding: base64 has at most 2');
  });
});

describe('trailingPadding', () => {
  it('counts the "=" that end the text, as /=+$/ matches them', () => {
    const text = fc.string({ unit: fc.constantFrom('=', 'A', ' ', 'x'), maxLength: 40 });
    fc.assert(
      fc.property(text, (input) => {
        expect(trailingPadding(input)).toBe(/=*$/.exec(input)?.[0].length);
      }),
      { numRuns: 5000 }
    );
  });
});
