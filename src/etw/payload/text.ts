// Strings from payload bytes. Field values repeat a lot (URLs, queue names, verbs, host references), so
// short strings are interned: a hash over the code units finds the string made last time, and it is reused
// after a check against the bytes. Building a string costs far more than reading its bytes twice.

const utf16 = new TextDecoder('utf-16le');
/** Longer strings go through TextDecoder and are not interned. */
const SHORT_UNITS = 128;
/** Interned strings in a direct-mapped table by hash: cheaper than a Map lookup, a collision just replaces. */
const INTERN_BITS = 13;
const internedKey = new Int32Array(1 << INTERN_BITS);
const internedText: string[] = new Array<string>(1 << INTERN_BITS).fill('');

/**
 * Code units from `start` to the first NUL or `end`, `bytesPerUnit` 2 (UTF-16LE) or 1 (ANSI, read as
 * Latin-1: the providers here write ASCII).
 */
export function textAt(b: Uint8Array, start: number, end: number, bytesPerUnit: 1 | 2): string {
  let hash = 0x811c9dc5 ^ bytesPerUnit;
  let i = start;
  if (bytesPerUnit === 2) {
    for (; i + 1 < end; i += 2) {
      const unit = b[i] | (b[i + 1] << 8);
      if (unit === 0) break;
      hash = Math.imul(hash ^ unit, 0x01000193);
    }
  } else {
    for (; i < end && b[i] !== 0; i++) hash = Math.imul(hash ^ b[i], 0x01000193);
  }
  const units = bytesPerUnit === 2 ? (i - start) >> 1 : i - start;
  if (units === 0) return '';
  if (units > SHORT_UNITS) return bytesPerUnit === 2 ? utf16.decode(b.subarray(start, i)) : latin1(b, start, units);
  const key = hash ^ units;
  const slot = Math.imul(key, 0x9e3779b1) >>> (32 - INTERN_BITS);
  const known = internedText[slot];
  if (internedKey[slot] === key && matches(known, b, start, units, bytesPerUnit)) return known;
  const text = bytesPerUnit === 2 ? utf16Short(b, start, units) : latin1(b, start, units);
  internedKey[slot] = key;
  internedText[slot] = text;
  return text;
}

function matches(text: string, b: Uint8Array, start: number, units: number, bytesPerUnit: number): boolean {
  if (text.length !== units) return false;
  for (let j = 0; j < units; j++) {
    const unit = bytesPerUnit === 2 ? b[start + 2 * j] | (b[start + 2 * j + 1] << 8) : b[start + j];
    if (text.charCodeAt(j) !== unit) return false;
  }
  return true;
}

// String.fromCharCode over an array beats both TextDecoder and concatenation for short strings.
function utf16Short(b: Uint8Array, start: number, units: number): string {
  const codes: number[] = new Array(units);
  for (let j = 0; j < units; j++) codes[j] = b[start + 2 * j] | (b[start + 2 * j + 1] << 8);
  return String.fromCharCode.apply(null, codes);
}

function latin1(b: Uint8Array, start: number, units: number): string {
  if (units > SHORT_UNITS) {
    let out = '';
    for (let at = 0; at < units; at += SHORT_UNITS) out += latin1(b, start + at, Math.min(SHORT_UNITS, units - at));
    return out;
  }
  const codes: number[] = new Array(units);
  for (let j = 0; j < units; j++) codes[j] = b[start + j];
  return String.fromCharCode.apply(null, codes);
}
