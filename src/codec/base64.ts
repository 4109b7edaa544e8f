import { BASE64_ALPHABET, BASE64_PAD, SEXTET_OF } from './tables.js';
import { GUID_BYTE_LENGTH } from './guid.js';

// Module-local: the CommonJS build would otherwise load a table from another module's exports object on
// every character.
const SEXTETS = SEXTET_OF;
const ALPHABET_CODES = Uint8Array.from(BASE64_ALPHABET, (char) => char.charCodeAt(0));

/** Length of the standard padded base64 text of 16 bytes: 22 characters and `==`. */
export const ENCODED_GUID_LENGTH = 24;

/**
 * Encodes 16 bytes as standard padded base64 (24 characters), as `Convert.ToBase64String` does. One
 * String.fromCharCode makes a flat string, where concatenation left a rope for the HTTP layer to flatten.
 */
export function encodeBase64Of16(b: Uint8Array): string {
  const a = ALPHABET_CODES;
  const g0 = (b[0] << 16) | (b[1] << 8) | b[2];
  const g1 = (b[3] << 16) | (b[4] << 8) | b[5];
  const g2 = (b[6] << 16) | (b[7] << 8) | b[8];
  const g3 = (b[9] << 16) | (b[10] << 8) | b[11];
  const g4 = (b[12] << 16) | (b[13] << 8) | b[14];
  const last = b[GUID_BYTE_LENGTH - 1];
  return String.fromCharCode(
    a[g0 >> 18], a[(g0 >> 12) & 63], a[(g0 >> 6) & 63], a[g0 & 63],
    a[g1 >> 18], a[(g1 >> 12) & 63], a[(g1 >> 6) & 63], a[g1 & 63],
    a[g2 >> 18], a[(g2 >> 12) & 63], a[(g2 >> 6) & 63], a[g2 & 63],
    a[g3 >> 18], a[(g3 >> 12) & 63], a[(g3 >> 6) & 63], a[g3 & 63],
    a[g4 >> 18], a[(g4 >> 12) & 63], a[(g4 >> 6) & 63], a[g4 & 63],
    a[last >> 2], a[(last & 3) << 4], BASE64_PAD, BASE64_PAD
  );
}

/**
 * The 24 bits of the four characters at `index`, or a negative number if any of them is outside the
 * standard alphabet. Branch-free and call-free, so that V8 inlines all five calls of a decode (its
 * inlining budget ran out on smaller helpers, which made decode 1.3-1.6x slower, varying run to run):
 * an invalid ASCII character maps to -1, whose sign survives the shifts and ORs, and for a code above
 * 127 `(0x7f - code) >> 31` is -1.
 */
export function base64GroupAt(text: string, index: number): number {
  const a = text.charCodeAt(index);
  const b = text.charCodeAt(index + 1);
  const c = text.charCodeAt(index + 2);
  const d = text.charCodeAt(index + 3);
  const s = SEXTETS;
  return (s[a & 0x7f] << 18) | (s[b & 0x7f] << 12) | (s[c & 0x7f] << 6) | s[d & 0x7f] | ((0x7f - (a | b | c | d)) >> 31);
}

/** The 6-bit value of the character at `index`; -1 outside the standard alphabet (as above). */
export function sextetAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return SEXTETS[code & 0x7f] | ((0x7f - code) >> 31);
}
