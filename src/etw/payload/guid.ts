import { lowerHexByte as h } from './hex.js';

/**
 * The GUID stored at `offset` (Windows in-memory layout: Data1, Data2, Data3 little-endian, then eight bytes
 * as written) in lowercase D form without braces, as the event record shows GUIDs.
 */
export function guidAt(bytes: Uint8Array, offset: number): string {
  const b = bytes;
  const o = offset;
  return (
    h(b[o + 3]) + h(b[o + 2]) + h(b[o + 1]) + h(b[o]) + '-' + h(b[o + 5]) + h(b[o + 4]) + '-' + h(b[o + 7]) + h(b[o + 6]) + '-' +
    h(b[o + 8]) + h(b[o + 9]) + '-' + h(b[o + 10]) + h(b[o + 11]) + h(b[o + 12]) + h(b[o + 13]) + h(b[o + 14]) + h(b[o + 15])
  );
}
