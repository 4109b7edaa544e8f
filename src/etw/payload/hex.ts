// Hex rendering shared by the payload decoder and the record reader: tables built once at module load.

const UPPER: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));
const LOWER: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Bytes `[start, end)` as two hex digits each, uppercase or lowercase, without a prefix. */
export function hexOfBytes(bytes: Uint8Array, start: number, end: number, upper: boolean): string {
  const table = upper ? UPPER : LOWER;
  let out = '';
  for (let i = start; i < end; i++) out += table[bytes[i]];
  return out;
}

/** A two-byte hex pair from the lowercase table (GUID formatting). */
export function lowerHexByte(byte: number): string {
  return LOWER[byte];
}

/** A UInt32 as eight uppercase hex digits. */
export function upperHex8(n: number): string {
  return UPPER[n >>> 24] + UPPER[(n >>> 16) & 0xff] + UPPER[(n >>> 8) & 0xff] + UPPER[n & 0xff];
}

const DIGIT_CODES: readonly number[] = Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));
/** One reusable array of char codes per result length (`0x` and 1 to 16 digits). */
const CODES_BY_LENGTH: number[][] = Array.from({ length: 19 }, (_, n) => new Array(n).fill(0x30));

/**
 * An unsigned integer of up to 64 bits given as two 32-bit halves, as tracerpt shows hex: `0x` + uppercase,
 * no padding. One `String.fromCharCode` call over a reused array rather than `toString(16)` or joined
 * pieces: this runs for most fields of most events.
 */
export function hexOfUint64(high: number, low: number): string {
  // Values repeat (a request's id in each of its events, pointers of one connection): a direct-mapped cache
  // hands back the string made last time for the same value, which costs less than making it again.
  const slot = Math.imul(high ^ Math.imul(low, 0x9e3779b1), 0x85ebca6b) >>> (32 - HEX_CACHE_BITS);
  const cached = hexText[slot];
  if (cached !== '' && hexLow[slot] === (low | 0) && hexHigh[slot] === (high | 0)) return cached;
  const text = hexOfUint64Uncached(high, low);
  hexHigh[slot] = high;
  hexLow[slot] = low;
  hexText[slot] = text;
  return text;
}

const HEX_CACHE_BITS = 10;
const hexHigh = new Int32Array(1 << HEX_CACHE_BITS);
const hexLow = new Int32Array(1 << HEX_CACHE_BITS);
const hexText: string[] = new Array<string>(1 << HEX_CACHE_BITS).fill('');

function hexOfUint64Uncached(high: number, low: number): string {
  const highDigits = high === 0 ? 0 : 8 - (Math.clz32(high) >> 2);
  const lowDigits = high === 0 ? Math.max(1, 8 - (Math.clz32(low) >> 2)) : 8;
  const codes = CODES_BY_LENGTH[2 + highDigits + lowDigits];
  codes[1] = 0x78;
  let at = 2;
  for (let shift = 4 * (highDigits - 1); shift >= 0; shift -= 4) codes[at++] = DIGIT_CODES[(high >>> shift) & 0xf];
  for (let shift = 4 * (lowDigits - 1); shift >= 0; shift -= 4) codes[at++] = DIGIT_CODES[(low >>> shift) & 0xf];
  return String.fromCharCode.apply(null, codes);
}

/** Integers past 2^53 lose precision as numbers: tracerpt-style JSON keeps them as decimal strings. */
export function numberOrDecimal(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}
