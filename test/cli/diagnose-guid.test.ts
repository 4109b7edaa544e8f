import fc from 'fast-check';
import { explainRejectedGuid } from '../../src/cli/diagnose-guid.js';
import { encodeE2EActivity } from '../../src/index.js';

const EXPECTED = 'expected 32 hex digits in D (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), N (32 digits) or B ({D}) form';

describe('explainRejectedGuid', () => {
  it.each([
    ['', 'empty value'],
    ['1EQPEKzH3EWY95dMBk1h3Q==', 'an E2EActivity header value, not a GUID: use decode'],
    ['00000000-0000-0000-0000-000000000000', 'Guid.Empty (all zeros) means no activity'],
    ['{00000000-0000-0000-0000-000000000000}', 'Guid.Empty (all zeros) means no activity'],
    ['00000000000000000000000000000000', 'Guid.Empty (all zeros) means no activity'],
    ['{100f44d4-c7ac-45dc-98f7-974c064d61dd', `not a GUID: unbalanced braces; ${EXPECTED}`],
    ['100f44d4-c7ac-45dc-98f7-974c064d61dd}', `not a GUID: unbalanced braces; ${EXPECTED}`],
    ['100f44d4-c7ac-45dc-98f7-974c064d61dg', `not a GUID: "g" at position 36 is not a hex digit; ${EXPECTED}`],
    ['{100f44d4-c7ac-45dc-98f7-974c064d61dg}', `not a GUID: "g" at position 37 is not a hex digit; ${EXPECTED}`],
    ['(100f44d4-c7ac-45dc-98f7-974c064d61dd)', `not a GUID: "(" at position 1 is not a hex digit; ${EXPECTED}`],
    ['0x100f44d4c7ac45dc98f7974c064d61dd', `not a GUID: "x" at position 2 is not a hex digit; ${EXPECTED}`],
    ['100f44d4-c7ac-45dc-98f7-974c064d61d', `not a GUID: 31 hex digits; ${EXPECTED}`],
    ['98f7974c064d61dd', `not a GUID: 16 hex digits; ${EXPECTED}`],
    ['100f44d4c7ac-45dc-98f7-974c064d61dd-', `not a GUID: dashes out of place; ${EXPECTED}`],
    ['{100f44d4c7ac45dc98f7974c064d61dd}', `not a GUID: dashes out of place; ${EXPECTED}`],
  ])('%j: %s', (input, message) => {
    expect(encodeE2EActivity(input)).toBeUndefined();
    expect(explainRejectedGuid(input)).toBe(message);
  });

  it('blames Guid.Empty only for the all-zero GUID', () => {
    // Mostly zeros and dashes, so that near-misses of Guid.Empty come up often.
    const guidish = fc.string({ unit: fc.constantFrom(...'0000000-{}ag'.split('')), minLength: 32, maxLength: 38 });
    fc.assert(
      fc.property(guidish, (input) => {
        fc.pre(encodeE2EActivity(input) === undefined);
        const blamed = explainRejectedGuid(input) === 'Guid.Empty (all zeros) means no activity';
        if (blamed) expect(input.replace(/[{}-]/g, '')).toBe('0'.repeat(32));
      }),
      { numRuns: 20000 }
    );
  });
});
