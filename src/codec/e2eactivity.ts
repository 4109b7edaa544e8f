import { base64GroupAt, encodeBase64Of16, ENCODED_GUID_LENGTH, sextetAt } from './base64.js';
import { DASH, digitsToDotNetBytes, guidDigits, isEmptyDigits } from './guid.js';
import { BASE64_PAD, HEX_DIGIT_CODE } from './tables.js';

// Module-local, as in base64.ts: read 36 times per decode.
const HEX_DIGITS = HEX_DIGIT_CODE;

/**
 * Decodes an E2EActivity header value to the lowercase GUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`).
 *
 * Accepts only what a WCF client sends: the 24-character standard padded base64 of the 16 bytes of
 * `Guid.ToByteArray()` (first three fields little-endian), surrounding whitespace ignored. Returns
 * `undefined` for anything else (unpadded, URL-safe alphabet, wrong length, non-canonical trailing bits,
 * non-strings) and for Guid.Empty, which means "no activity". Whenever it returns a GUID,
 * `encodeE2EActivity(result) === value.trim()`.
 *
 * @example decodeE2EActivity('1EQPEKzH3EWY95dMBk1h3Q==') // '100f44d4-c7ac-45dc-98f7-974c064d61dd'
 */
export function decodeE2EActivity(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return decodeCanonicalE2EActivity(value.length === ENCODED_GUID_LENGTH ? value : value.trim());
}

/**
 * {@link decodeE2EActivity} for text that is already trimmed.
 *
 * Tuned for extract, which runs it on every request (see bench/ and docs/performance.md): the five 24-bit
 * groups of the first 20 characters stay in locals (no byte array), an invalid character makes its group
 * negative so one comparison validates all 22, and one String.fromCharCode builds a flat string
 * (concatenating 20 pieces was 1.5x slower and left a rope that cost most of that again when first read).
 */
export function decodeCanonicalE2EActivity(text: string): string | undefined {
  if (text.length !== ENCODED_GUID_LENGTH || text.charCodeAt(22) !== BASE64_PAD || text.charCodeAt(23) !== BASE64_PAD) {
    return undefined;
  }
  const g0 = base64GroupAt(text, 0);
  const g1 = base64GroupAt(text, 4);
  const g2 = base64GroupAt(text, 8);
  const g3 = base64GroupAt(text, 12);
  const g4 = base64GroupAt(text, 16);
  const high = sextetAt(text, 20);
  const low = sextetAt(text, 21);
  const all = g0 | g1 | g2 | g3 | g4 | high | low;
  // Negative: a character outside the alphabet. Zero: Guid.Empty. Low 4 bits of the 22nd: not canonical.
  if (all <= 0 || (low & 0x0f) !== 0) return undefined;
  const last = (high << 2) | (low >> 4);
  // Bytes 0-14 of Guid.ToByteArray() are g0..g4, three to a group, high byte first. The D form prints
  // bytes 3 2 1 0 - 5 4 - 7 6 - 8 9 - 10..15: the first three fields are little-endian. Written out rather
  // than through a helper per digit: 36 calls exhaust V8's inlining budget (see base64GroupAt).
  const h = HEX_DIGITS;
  return String.fromCharCode(
    h[(g1 >> 20) & 15], h[(g1 >> 16) & 15], h[(g0 >> 4) & 15], h[g0 & 15],
    h[(g0 >> 12) & 15], h[(g0 >> 8) & 15], h[(g0 >> 20) & 15], h[(g0 >> 16) & 15], DASH,
    h[(g1 >> 4) & 15], h[g1 & 15], h[(g1 >> 12) & 15], h[(g1 >> 8) & 15], DASH,
    h[(g2 >> 12) & 15], h[(g2 >> 8) & 15], h[(g2 >> 20) & 15], h[(g2 >> 16) & 15], DASH,
    h[(g2 >> 4) & 15], h[g2 & 15], h[(g3 >> 20) & 15], h[(g3 >> 16) & 15], DASH,
    h[(g3 >> 12) & 15], h[(g3 >> 8) & 15], h[(g3 >> 4) & 15], h[g3 & 15],
    h[(g4 >> 20) & 15], h[(g4 >> 16) & 15], h[(g4 >> 12) & 15], h[(g4 >> 8) & 15], h[(g4 >> 4) & 15], h[g4 & 15],
    h[last >> 4], h[last & 15]
  );
}

/**
 * Encodes a GUID as the E2EActivity header value WCF sends:
 * `Convert.ToBase64String(guid.ToByteArray())`.
 *
 * Accepts the D (`100f44d4-c7ac-45dc-98f7-974c064d61dd`), N (32 hex digits) and B (`{...}`) forms in any
 * case, surrounding whitespace ignored. Returns `undefined` for anything else and for Guid.Empty.
 *
 * @example encodeE2EActivity('100f44d4-c7ac-45dc-98f7-974c064d61dd') // '1EQPEKzH3EWY95dMBk1h3Q=='
 */
export function encodeE2EActivity(guid: string): string | undefined {
  if (typeof guid !== 'string') return undefined;
  const digits = guidDigits(guid.trim());
  if (digits === undefined || isEmptyDigits(digits)) return undefined;
  return encodeBase64Of16(digitsToDotNetBytes(digits));
}
