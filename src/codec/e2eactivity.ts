import { decodeBase64Of16, encodeBase64Of16, ENCODED_GUID_LENGTH } from './base64.js';
import { digitsToDotNetBytes, dotNetBytesToGuid, GUID_BYTE_LENGTH, guidDigits, isEmptyDigits } from './guid.js';

// Reused by every decode: JavaScript runs it to completion, so no caller can observe another's bytes.
const scratch = new Uint8Array(GUID_BYTE_LENGTH);

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

/** {@link decodeE2EActivity} for text that is already trimmed. */
export function decodeCanonicalE2EActivity(text: string): string | undefined {
  if (!decodeBase64Of16(text, scratch) || isAllZero(scratch)) return undefined;
  return dotNetBytesToGuid(scratch);
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

function isAllZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}
