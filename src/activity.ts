import { decodeCanonicalE2EActivity, encodeE2EActivity } from './codec/e2eactivity.js';
import { encodeBase64Of16 } from './codec/base64.js';
import { dotNetBytesToGuid } from './codec/guid.js';
import { randomGuidBytes } from './codec/random.js';
import { normalizeGuid } from './codec/trace-id.js';

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
    if (typeof guid !== 'string') return undefined;
    const id = normalizeGuid(guid);
    const header = id === undefined ? undefined : encodeE2EActivity(id);
    return id === undefined || header === undefined ? undefined : new E2EActivity(id, header);
  }

  /** A fresh version 4 GUID, as `Guid.NewGuid()` would make. */
  static random(): E2EActivity {
    const bytes = randomGuidBytes();
    return new E2EActivity(dotNetBytesToGuid(bytes), encodeBase64Of16(bytes));
  }
}
