import { convert, isRejected } from '../../src/cli/convert.js';

const SPEC = {
  guid: '100f44d4-c7ac-45dc-98f7-974c064d61dd',
  traceId: '100f44d4c7ac45dc98f7974c064d61dd',
  value: '1EQPEKzH3EWY95dMBk1h3Q==',
};

describe('convert', () => {
  it('decodes the spec example in .NET byte order, not big-endian', () => {
    expect(convert('decode', SPEC.value)).toEqual({ input: SPEC.value, ...SPEC });
    expect(convert('decode', 'EA9E1MesRdyY95dMBk1h3Q==')).toMatchObject({ guid: 'd4440f10-acc7-dc45-98f7-974c064d61dd' });
  });

  it('gives the canonical value when the input has surrounding whitespace', () => {
    expect(convert('decode', ` ${SPEC.value}\t`)).toEqual({ input: ` ${SPEC.value}\t`, ...SPEC });
  });

  it.each([SPEC.guid, SPEC.traceId, `{${SPEC.guid.toUpperCase()}}`, ` ${SPEC.guid} `])('encodes %j', (input) => {
    expect(convert('encode', input)).toEqual({ input, ...SPEC });
  });

  it('explains a rejected value with the diagnosis of its command', () => {
    const decoded = convert('decode', SPEC.guid);
    const encoded = convert('encode', SPEC.value);
    expect(isRejected(decoded) && decoded.error).toBe('a GUID, not a header value: use encode');
    expect(isRejected(encoded) && encoded.error).toBe('an E2EActivity header value, not a GUID: use decode');
    expect(isRejected(convert('decode', SPEC.value))).toBe(false);
  });
});
