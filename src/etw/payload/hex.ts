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

/**
 * An unsigned integer of up to 64 bits given as two 32-bit halves, as tracerpt shows hex: `0x` + uppercase,
 * no padding. Table lookups rather than `toString(16)`: this runs for most fields of most events.
 */
export function hexOfUint64(high: number, low: number): string {
  if (high === 0) return low === 0 ? '0x0' : `0x${upperHex8(low).slice(Math.clz32(low) >> 2)}`;
  return `0x${upperHex8(high).slice(Math.clz32(high) >> 2)}${upperHex8(low)}`;
}

/** Integers past 2^53 lose precision as numbers: tracerpt-style JSON keeps them as decimal strings. */
export function numberOrDecimal(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}
