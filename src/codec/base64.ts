import { BASE64_ALPHABET, BASE64_PAD, SEXTET_OF } from './tables.js';
import { GUID_BYTE_LENGTH } from './guid.js';

/** Length of the standard padded base64 text of 16 bytes: 22 characters and `==`. */
export const ENCODED_GUID_LENGTH = 24;

/**
 * Decodes the canonical base64 text of 16 bytes into `out`; false for anything else.
 *
 * Canonical means exactly what `Convert.ToBase64String` writes: 22 characters of the standard alphabet,
 * `==`, and zero in the 4 unused low bits of the 22nd character, so that every accepted text re-encodes to
 * itself. Tuned for the extract hot path: no allocation, no regular expression, and an invalid sextet (-1)
 * makes the whole 24-bit group negative, so one comparison per group validates four characters.
 */
export function decodeBase64Of16(text: string, out: Uint8Array): boolean {
  if (
    text.length !== ENCODED_GUID_LENGTH ||
    text.charCodeAt(22) !== BASE64_PAD ||
    text.charCodeAt(23) !== BASE64_PAD
  ) {
    return false;
  }
  let o = 0;
  for (let i = 0; i < 20; i += 4) {
    const group =
      (sextetAt(text, i) << 18) | (sextetAt(text, i + 1) << 12) | (sextetAt(text, i + 2) << 6) | sextetAt(text, i + 3);
    if (group < 0) return false;
    out[o++] = group >> 16;
    out[o++] = (group >> 8) & 0xff;
    out[o++] = group & 0xff;
  }
  const high = sextetAt(text, 20);
  const low = sextetAt(text, 21);
  if (high < 0 || low < 0 || (low & 0x0f) !== 0) return false;
  out[15] = (high << 2) | (low >> 4);
  return true;
}

/** Encodes 16 bytes as standard padded base64 (24 characters), as `Convert.ToBase64String` does. */
export function encodeBase64Of16(bytes: Uint8Array): string {
  const a = BASE64_ALPHABET;
  let text = '';
  for (let i = 0; i < 15; i += 3) {
    const group = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    text += a[group >> 18] + a[(group >> 12) & 0x3f] + a[(group >> 6) & 0x3f] + a[group & 0x3f];
  }
  const last = bytes[GUID_BYTE_LENGTH - 1];
  return text + a[last >> 2] + a[(last & 0x03) << 4] + '==';
}

function sextetAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? SEXTET_OF[code] : -1;
}
