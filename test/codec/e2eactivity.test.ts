import { decodeE2EActivity, encodeE2EActivity } from '../../src/index.js';
import { EMPTY_HEADER, INVALID_HEADERS, SPEC, VECTORS } from '../support/vectors.js';

describe('decodeE2EActivity', () => {
  it.each(VECTORS)('decodes $source: $header -> $guid', ({ guid, header }) => {
    expect(decodeE2EActivity(header)).toBe(guid);
  });

  it('reads the first three fields little-endian, as Guid.ToByteArray() wrote them', () => {
    // An RFC 4122 (big-endian) decoder turns the spec's header into d4440f10-acc7-dc45-...: wrong.
    expect(decodeE2EActivity(SPEC.header)).not.toMatch(/^d4440f10-acc7-dc45/);
    expect(decodeE2EActivity(SPEC.header)).toBe('100f44d4-c7ac-45dc-98f7-974c064d61dd');
  });

  it.each(VECTORS.filter((v) => v.header !== v.bigEndianHeader))(
    'does not take the big-endian encoding of $guid for the GUID',
    ({ guid, bigEndianHeader }) => {
      expect(decodeE2EActivity(bigEndianHeader)).not.toBe(guid);
    }
  );

  it('ignores surrounding whitespace', () => {
    expect(decodeE2EActivity(`  ${SPEC.header}\t`)).toBe(SPEC.guid);
    expect(decodeE2EActivity(`${SPEC.header}\n`)).toBe(SPEC.guid);
  });

  it('returns a lowercase dashed GUID', () => {
    expect(decodeE2EActivity(VECTORS[2].header)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it.each(INVALID_HEADERS)('rejects %s', (_why, value) => {
    expect(decodeE2EActivity(value)).toBeUndefined();
  });

  it('treats Guid.Empty as no activity', () => {
    expect(decodeE2EActivity(EMPTY_HEADER)).toBeUndefined();
  });

  it('accepts every character of the standard alphabet in every data position', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let position = 0; position < 21; position++) {
      for (const char of alphabet) {
        const header = `${'Q'.repeat(position)}${char}${'Q'.repeat(20 - position)}Q==`;
        expect(encodeE2EActivity(decodeE2EActivity(header) as string)).toBe(header);
      }
    }
  });

  it('accepts in the last data character only the 4 characters whose low bits are zero', () => {
    const accepted = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].filter(
      (char) => decodeE2EActivity(`${'Q'.repeat(21)}${char}==`) !== undefined
    );
    expect(accepted).toEqual(['A', 'Q', 'g', 'w']);
  });
});

describe('encodeE2EActivity', () => {
  it.each(VECTORS)('encodes $guid as WCF does: $header', ({ guid, header }) => {
    expect(encodeE2EActivity(guid)).toBe(header);
  });

  it('does not write the big-endian (RFC 4122) bytes', () => {
    expect(encodeE2EActivity(SPEC.guid)).not.toBe(SPEC.bigEndianHeader);
  });

  it.each([
    ['D, upper case', '100F44D4-C7AC-45DC-98F7-974C064D61DD'],
    ['N', '100f44d4c7ac45dc98f7974c064d61dd'],
    ['N, upper case', '100F44D4C7AC45DC98F7974C064D61DD'],
    ['B', '{100f44d4-c7ac-45dc-98f7-974c064d61dd}'],
    ['B, mixed case', '{100f44D4-C7ac-45dc-98F7-974c064d61dd}'],
    ['D with whitespace', ' 100f44d4-c7ac-45dc-98f7-974c064d61dd\n'],
  ])('accepts the %s form', (_form, guid) => {
    expect(encodeE2EActivity(guid)).toBe(SPEC.header);
  });

  it.each([
    ['empty', ''],
    ['Guid.Empty', '00000000-0000-0000-0000-000000000000'],
    ['Guid.Empty, N form', '0'.repeat(32)],
    ['a dash missing', '100f44d4c7ac-45dc-98f7-974c064d61dd0'],
    ['dashes moved', '100f44d-4c7ac-45dc-98f7-974c064d61dd'],
    ['non-hex digit', '100f44d4-c7ac-45dc-98f7-974c064d61dg'],
    ['non-ASCII digit', '100f44d4-c7ac-45dc-98f7-974c064d61dé'],
    ['braces on N', '{100f44d4c7ac45dc98f7974c064d61dd}'],
    ['unbalanced brace', '{100f44d4-c7ac-45dc-98f7-974c064d61dd)'],
    ['parentheses (P form)', '(100f44d4-c7ac-45dc-98f7-974c064d61dd)'],
    ['31 digits', '100f44d4c7ac45dc98f7974c064d61d'],
    ['base64', SPEC.header],
  ])('rejects %s', (_why, guid) => {
    expect(encodeE2EActivity(guid)).toBeUndefined();
  });

  it('rejects non-strings from JavaScript callers', () => {
    expect(encodeE2EActivity(42 as unknown as string)).toBeUndefined();
    expect(encodeE2EActivity(undefined as unknown as string)).toBeUndefined();
  });
});
