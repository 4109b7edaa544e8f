import { decodeCanonicalE2EActivity } from './codec/e2eactivity.js';
import { encodeBase64Of16 } from './codec/base64.js';
import { randomGuidBytes } from './codec/random.js';
import { dashDigits, digitsToDotNetBytes } from './codec/guid.js';
import { guidToTraceId, TRACE_ID_LENGTH } from './codec/trace-id.js';

/**
 * One activity in both of its forms, so that forwarding an extracted activity costs no re-encoding.
 * Only the factories below make one, and each makes both forms from validated input: a header built
 * from an E2EActivity can never carry anything but 24 base64 characters.
 */
export class E2EActivity {
  private constructor(
    /** Lowercase D-form GUID. */
    readonly id: string,
    /** Canonical 24-character header value. */
    readonly header: string
  ) {}

  /** From a header value already trimmed to one item; undefined unless canonical and not Guid.Empty. */
  static fromHeader(text: string): E2EActivity | undefined {
    const id = decodeCanonicalE2EActivity(text);
    return id === undefined ? undefined : new E2EActivity(id, text);
  }

  /** From a GUID in D, N or B form, any case; undefined for anything else and Guid.Empty. */
  static fromGuid(guid: unknown): E2EActivity | undefined {
    // The trace id form is the GUID's 32 digits, validated once, from which both forms are made.
    const digits = typeof guid === 'string' ? guidToTraceId(guid) : undefined;
    return digits === undefined
      ? undefined
      : new E2EActivity(dashDigits(digits), encodeBase64Of16(digitsToDotNetBytes(digits)));
  }

  /**
   * From a W3C trace id (32 hex digits), by the text mapping: the same activity as
   * `fromGuid(traceIdToGuid(traceId))`. Inject does this for every outgoing request that has no activity
   * to forward.
   */
  static fromTraceId(traceId: string): E2EActivity | undefined {
    return traceId.length === TRACE_ID_LENGTH ? E2EActivity.fromGuid(traceId) : undefined;
  }

  /** A fresh version 4 GUID, as `Guid.NewGuid()` would make. */
  static random(): E2EActivity {
    const header = encodeBase64Of16(randomGuidBytes());
    // Never undefined: the version bits make the bytes non-zero, and the encoder writes canonical text.
    return new E2EActivity(decodeCanonicalE2EActivity(header) as string, header);
  }
}
