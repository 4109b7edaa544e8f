import { NIBBLE_OF } from './tables.js';

/** Number of bytes in a GUID. */
export const GUID_BYTE_LENGTH = 16;

const EMPTY_DIGITS = '0'.repeat(32);
/** Char code of `-`. */
export const DASH = 0x2d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * The 32 lowercase hex digits of a GUID written in .NET's D (`xxxxxxxx-xxxx-...`), N (32 digits) or
 * B (`{...}`) form, in any case; `undefined` for anything else.
 */
export function guidDigits(guid: string): string | undefined {
  switch (guid.length) {
    case 32:
      return hexOrUndefined(guid);
    case 36:
      return dashedDigits(guid, 0);
    case 38:
      if (guid.charCodeAt(0) !== OPEN_BRACE || guid.charCodeAt(37) !== CLOSE_BRACE) return undefined;
      return dashedDigits(guid, 1);
    default:
      return undefined;
  }
}

/** True when the 32 digits are Guid.Empty, which E2EActivity treats as "no activity". */
export function isEmptyDigits(digits: string): boolean {
  return digits === EMPTY_DIGITS;
}

/** 32 hex digits -> the lowercase D form. The caller passes digits `guidDigits` accepted. */
export function dashDigits(digits: string): string {
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}

/**
 * 32 hex digits -> the 16 bytes of .NET `Guid.ToByteArray()`: the first three fields little-endian
 * (bytes 0-3, 4-5, 6-7 reversed), the last eight bytes as written.
 */
export function digitsToDotNetBytes(digits: string): Uint8Array {
  const bytes = new Uint8Array(GUID_BYTE_LENGTH);
  for (let i = 0; i < GUID_BYTE_LENGTH; i++) {
    bytes[DOTNET_BYTE_OF_TEXT_BYTE[i]] = (NIBBLE_OF[digits.charCodeAt(2 * i)] << 4) | NIBBLE_OF[digits.charCodeAt(2 * i + 1)];
  }
  return bytes;
}

/** Byte i of the GUID as written (big-endian text) sits at this index of `Guid.ToByteArray()`. */
const DOTNET_BYTE_OF_TEXT_BYTE: readonly number[] = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];

function hexOrUndefined(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || NIBBLE_OF[code] < 0) return undefined;
  }
  return text.toLowerCase();
}

function dashedDigits(guid: string, start: number): string | undefined {
  if (
    guid.charCodeAt(start + 8) !== DASH ||
    guid.charCodeAt(start + 13) !== DASH ||
    guid.charCodeAt(start + 18) !== DASH ||
    guid.charCodeAt(start + 23) !== DASH
  ) {
    return undefined;
  }
  return hexOrUndefined(
    guid.slice(start, start + 8) +
      guid.slice(start + 9, start + 13) +
      guid.slice(start + 14, start + 18) +
      guid.slice(start + 19, start + 23) +
      guid.slice(start + 24, start + 36)
  );
}
