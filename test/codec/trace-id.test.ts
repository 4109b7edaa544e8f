import { guidToTraceId, normalizeGuid, traceIdToGuid } from '../../src/index.js';
import { adoptedParentSpanId } from '../../src/codec/trace-id.js';
import { SPEC } from '../support/vectors.js';

const TRACE_ID = '100f44d4c7ac45dc98f7974c064d61dd';

describe('guidToTraceId', () => {
  it('maps a GUID to its 32 hex digits (the text mapping .NET users follow)', () => {
    expect(guidToTraceId(SPEC.guid)).toBe(TRACE_ID);
  });

  it.each(['{100F44D4-C7AC-45DC-98F7-974C064D61DD}', '100F44D4C7AC45DC98F7974C064D61DD', ` ${SPEC.guid} `])(
    'accepts %s and returns lowercase',
    (guid) => {
      expect(guidToTraceId(guid)).toBe(TRACE_ID);
    }
  );

  it.each(['', '00000000-0000-0000-0000-000000000000', 'not-a-guid', SPEC.header])('rejects %j', (guid) => {
    expect(guidToTraceId(guid)).toBeUndefined();
  });

  it('rejects non-strings from JavaScript callers', () => {
    expect(guidToTraceId(null as unknown as string)).toBeUndefined();
  });
});

describe('traceIdToGuid', () => {
  it('maps a trace id back to the dashed GUID', () => {
    expect(traceIdToGuid(TRACE_ID)).toBe(SPEC.guid);
  });

  it('lowercases an upper-case trace id', () => {
    expect(traceIdToGuid(TRACE_ID.toUpperCase())).toBe(SPEC.guid);
  });

  it.each([
    ['all zeros (invalid in W3C)', '0'.repeat(32)],
    ['dashed GUID', SPEC.guid],
    ['31 digits', TRACE_ID.slice(1)],
    ['33 digits', `${TRACE_ID}0`],
    ['non-hex', `${TRACE_ID.slice(1)}x`],
  ])('rejects %s', (_why, traceId) => {
    expect(traceIdToGuid(traceId)).toBeUndefined();
  });

  it('rejects non-strings from JavaScript callers', () => {
    expect(traceIdToGuid(undefined as unknown as string)).toBeUndefined();
  });
});

describe('normalizeGuid', () => {
  it.each([SPEC.guid, SPEC.guid.toUpperCase(), `{${SPEC.guid}}`, TRACE_ID])('normalizes %s to the D form', (guid) => {
    expect(normalizeGuid(guid)).toBe(SPEC.guid);
  });

  it('rejects Guid.Empty and garbage', () => {
    expect(normalizeGuid('{00000000-0000-0000-0000-000000000000}')).toBeUndefined();
    expect(normalizeGuid('x')).toBeUndefined();
  });
});

describe('adoptedParentSpanId', () => {
  it('is the low 16 digits of the trace id', () => {
    expect(adoptedParentSpanId(TRACE_ID)).toBe('98f7974c064d61dd');
  });

  it('is the high 16 digits where the low ones are all zero', () => {
    expect(adoptedParentSpanId(`ABCDEF0123456789${'0'.repeat(16)}`)).toBe('abcdef0123456789');
  });

  it.each(['0'.repeat(32), SPEC.guid, 'x'.repeat(32)])('rejects %j', (traceId) => {
    expect(adoptedParentSpanId(traceId)).toBeUndefined();
  });
});
