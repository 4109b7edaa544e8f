// Lookup tables shared by the codec, built once at module load.

/** Standard base64 alphabet (RFC 4648 section 4), the one .NET's Convert.ToBase64String uses. */
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Char code of `=`. */
export const BASE64_PAD = 0x3d;

/** Char code -> 6-bit value; -1 for anything outside the standard alphabet (including URL-safe `-` `_`). */
export const SEXTET_OF: Int8Array = buildReverse(BASE64_ALPHABET);

/** Char code -> 4-bit value for `0-9a-fA-F`; -1 otherwise. */
export const NIBBLE_OF: Int8Array = buildReverse('0123456789abcdef', '0123456789ABCDEF');

/** Nibble -> char code of its lowercase hex digit: GUID text is built with String.fromCharCode. */
export const HEX_DIGIT_CODE: Uint8Array = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

function buildReverse(...alphabets: string[]): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (const alphabet of alphabets) {
    for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  }
  return table;
}
