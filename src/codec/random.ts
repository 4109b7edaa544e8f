import { GUID_BYTE_LENGTH } from './guid.js';

// The one part of Web Crypto used here; declared so the codec compiles without DOM or Node.js typings.
interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/**
 * 16 random bytes in `Guid.ToByteArray()` order with the version 4 and RFC 4122 variant bits set, as
 * `Guid.NewGuid()` makes them. Uses Web Crypto, which Node.js, browsers and edge runtimes all provide.
 */
export function randomGuidBytes(): Uint8Array {
  const bytes = (globalThis as unknown as { crypto: RandomSource }).crypto.getRandomValues(new Uint8Array(GUID_BYTE_LENGTH));
  // The version nibble leads the third field, which ToByteArray stores little-endian at bytes 6-7.
  bytes[7] = (bytes[7] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return bytes;
}
