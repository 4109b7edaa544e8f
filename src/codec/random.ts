import { GUID_BYTE_LENGTH } from './guid.js';

// The one part of Web Crypto used here; declared so the codec compiles without DOM or Node.js typings.
interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

// Random bytes for 16 GUIDs per Web Crypto call: one call costs about as much as encoding ten GUIDs
// (bench/, generate 'random'), and `uuid` pools the same way. Each GUID's bytes are handed out once.
const POOL_SIZE = 16 * GUID_BYTE_LENGTH;
const pool = new Uint8Array(POOL_SIZE);
let poolOffset = POOL_SIZE;

/**
 * 16 random bytes in `Guid.ToByteArray()` order with the version 4 and RFC 4122 variant bits set, as
 * `Guid.NewGuid()` makes them. Uses Web Crypto, which Node.js, browsers and edge runtimes all provide.
 * The result is a view of a shared pool: read it before the next call.
 */
export function randomGuidBytes(): Uint8Array {
  if (poolOffset === POOL_SIZE) {
    (globalThis as unknown as { crypto: RandomSource }).crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, (poolOffset += GUID_BYTE_LENGTH));
  // The version nibble leads the third field, which ToByteArray stores little-endian at bytes 6-7.
  bytes[7] = (bytes[7] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return bytes;
}
