import fc from 'fast-check';
import { decodeE2EActivity, encodeE2EActivity, guidToTraceId, traceIdToGuid } from '../../src/index.js';
import { wcfHeaderOf } from '../support/dotnet-guid.js';
import { propertyRuns } from '../support/runs.js';

const CANONICAL = /^[A-Za-z0-9+/]{22}==$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ ,\r\n'];

/** Any 16 bytes but all zero, as the dashed lowercase GUID. */
const guidArbitrary = fc
  .uint8Array({ minLength: 16, maxLength: 16 })
  .filter((bytes) => bytes.some((b) => b !== 0))
  .map((bytes) => {
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  });

/** Strings near the accepted shape: base64-ish characters, lengths around 24. */
const nearHeaderArbitrary = fc.string({ unit: fc.constantFrom(...BASE64_CHARS), minLength: 20, maxLength: 28 });

describe('codec properties', () => {
  it('round-trips every GUID: decode(encode(guid)) === guid', () => {
    fc.assert(
      fc.property(guidArbitrary, (guid) => {
        const header = encodeE2EActivity(guid);
        return header !== undefined && CANONICAL.test(header) && decodeE2EActivity(header) === guid;
      }),
      { numRuns: propertyRuns(30_000) }
    );
  });

  it('matches an independent reference: Guid.ToByteArray() order, then base64', () => {
    fc.assert(
      fc.property(guidArbitrary, (guid) => encodeE2EActivity(guid) === wcfHeaderOf(guid)),
      { numRuns: propertyRuns(10_000) }
    );
  });

  it('never throws and never accepts a value that does not re-encode to itself (near-valid strings)', () => {
    fc.assert(
      fc.property(nearHeaderArbitrary, (value) => {
        const guid = decodeE2EActivity(value);
        return guid === undefined || (GUID.test(guid) && encodeE2EActivity(guid) === value.trim());
      }),
      { numRuns: propertyRuns(30_000) }
    );
  });

  it('never throws and never accepts a value that does not re-encode to itself (anything)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const guid = decodeE2EActivity(value);
        return guid === undefined || (typeof value === 'string' && encodeE2EActivity(guid) === value.trim());
      }),
      { numRuns: propertyRuns(10_000) }
    );
  });

  it('agrees with Node.js base64 on what is a 16-byte canonical value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 20 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        const accepted = decodeE2EActivity(text) !== undefined;
        return accepted === (bytes.length === 16 && bytes.some((b) => b !== 0));
      }),
      { numRuns: propertyRuns(10_000) }
    );
  });

  it('maps GUIDs and trace ids both ways', () => {
    fc.assert(
      fc.property(guidArbitrary, (guid) => {
        const traceId = guidToTraceId(guid);
        return traceId === guid.replace(/-/g, '') && traceIdToGuid(traceId) === guid;
      }),
      { numRuns: propertyRuns(10_000) }
    );
  });

  it('encode never throws on arbitrary strings and only emits canonical values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        const header = encodeE2EActivity(value);
        return header === undefined || CANONICAL.test(header);
      }),
      { numRuns: propertyRuns(10_000) }
    );
  });
});
