// Reference decoders for the codec benchmark. Each returns what decodeE2EActivity returns for a canonical
// value (the lowercase D-form GUID from .NET Guid.ToByteArray() order), so all do the same job.
import { atob, Buffer } from 'node:buffer';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
// Bytes of Guid.ToByteArray() in the order the D form prints them.
const ORDER = [3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15];

function guidOf(byteAt) {
  let s = '';
  for (const i of ORDER) s += i < 0 ? '-' : HEX[byteAt(i)];
  return s;
}

/** Plain `atob` (it throws on bad input, so try/catch), then the bytes to text. */
export function decodeWithAtob(text) {
  if (text.length !== 24 || !text.endsWith('==')) return undefined;
  let bin;
  try {
    bin = atob(text);
  } catch {
    return undefined;
  }
  return bin.length === 16 ? guidOf((i) => bin.charCodeAt(i)) : undefined;
}

/** Plain Buffer.from(text, 'base64') (it skips bad characters silently), then the bytes to text. */
export function decodeWithBuffer(text) {
  if (text.length !== 24 || !text.endsWith('==')) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 16 ? guidOf((i) => bytes[i]) : undefined;
}

// Char code (any UTF-16 unit) -> sextet, -1 outside the standard alphabet: one lookup, no range branch.
const SEXTET = new Int8Array(65536).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (SEXTET[c.charCodeAt(0)] = i));
const DIGIT = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 45;

const s = (t, i) => SEXTET[t.charCodeAt(i)];

/**
 * The fastest full decoder written here (of concatenation, byte scratch + fromCharCode and this): same
 * validation as decodeE2EActivity (length, `==`, alphabet, zero unused bits, not Guid.Empty), the five
 * 24-bit groups kept in locals, a 64K table so no range check, and one String.fromCharCode of 36 codes
 * taken straight from the groups' nibbles.
 */
export function decodeHandTuned(t) {
  if (t.length !== 24 || t.charCodeAt(22) !== 61 || t.charCodeAt(23) !== 61) return undefined;
  const g0 = (s(t, 0) << 18) | (s(t, 1) << 12) | (s(t, 2) << 6) | s(t, 3);
  const g1 = (s(t, 4) << 18) | (s(t, 5) << 12) | (s(t, 6) << 6) | s(t, 7);
  const g2 = (s(t, 8) << 18) | (s(t, 9) << 12) | (s(t, 10) << 6) | s(t, 11);
  const g3 = (s(t, 12) << 18) | (s(t, 13) << 12) | (s(t, 14) << 6) | s(t, 15);
  const g4 = (s(t, 16) << 18) | (s(t, 17) << 12) | (s(t, 18) << 6) | s(t, 19);
  const hi = s(t, 20);
  const lo = s(t, 21);
  const all = g0 | g1 | g2 | g3 | g4 | hi | lo;
  if (all <= 0 || (lo & 15) !== 0) return undefined; // negative: a bad character; zero: Guid.Empty
  const last = (hi << 2) | (lo >> 4);
  const n = (group, shift) => DIGIT[(group >> shift) & 15];
  return String.fromCharCode(
    n(g1, 20), n(g1, 16), n(g0, 4), n(g0, 0), n(g0, 12), n(g0, 8), n(g0, 20), n(g0, 16), DASH,
    n(g1, 4), n(g1, 0), n(g1, 12), n(g1, 8), DASH,
    n(g2, 12), n(g2, 8), n(g2, 20), n(g2, 16), DASH,
    n(g2, 4), n(g2, 0), n(g3, 20), n(g3, 16), DASH,
    n(g3, 12), n(g3, 8), n(g3, 4), n(g3, 0), n(g4, 20), n(g4, 16), n(g4, 12), n(g4, 8), n(g4, 4), n(g4, 0),
    DIGIT[last >> 4], DIGIT[last & 15]
  );
}
