// What the compiled decoders call for fields that take more than an inline DataView read: sizes found by
// scanning, and renderings of the less common types. Kept apart so the generated code stays short.
import { hexOfBytes } from './hex.js';
import { filetimeToUnixNanos, isoOfUnixNanos } from './time.js';

const TWO_32 = 4294967296;

/** Bytes of the NUL-terminated UTF-16LE string at `at` with its NUL (to `end` when none). */
export function utf16Size(b: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i + 1 < end && (b[i] !== 0 || b[i + 1] !== 0)) i += 2;
  return i + 1 < end ? i + 2 - at : end - at;
}

/** Bytes of the NUL-terminated ANSI string at `at` with its NUL (to `end` when none). */
export function ansiSize(b: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i < end && b[i] !== 0) i++;
  return i < end ? i + 1 - at : end - at;
}

/** Bytes of the SID at `at` (8 + 4 per sub-authority), -1 when its count is past `end`. */
export function sidSize(b: Uint8Array, at: number, end: number): number {
  return at + 2 <= end ? 8 + 4 * b[at + 1] : -1;
}

/** A UInt64 as a number up to 2^53, as decimal text beyond. */
export function uint64(view: DataView, at: number): number | string {
  const high = view.getUint32(at + 4, true);
  const low = view.getUint32(at, true);
  return high < 0x200000 ? high * TWO_32 + low : view.getBigUint64(at, true).toString();
}

/** Binary as tracerpt shows it: `0x` + uppercase hex, empty for no bytes. */
export function binaryText(b: Uint8Array, at: number, size: number): string {
  return size === 0 ? '' : `0x${hexOfBytes(b, at, at + size, true)}`;
}

/** A FILETIME field as ISO 8601 UTC with nine fractional digits. */
export function filetimeText(view: DataView, at: number): string {
  return isoOfUnixNanos(filetimeToUnixNanos(view.getBigUint64(at, true)));
}

/** A SYSTEMTIME field (year, month, day of week, day, hour, minute, second, ms) as ISO 8601. */
export function systemTimeText(view: DataView, at: number): string {
  const part = (i: number, width: number) => String(view.getUint16(at + 2 * i, true)).padStart(width, '0');
  return `${part(0, 4)}-${part(1, 2)}-${part(3, 2)}T${part(4, 2)}:${part(5, 2)}:${part(6, 2)}.${part(7, 3)}000000Z`;
}

/** A SID as `S-revision-authority-sub...`. */
export function sidText(b: Uint8Array, view: DataView, at: number): string {
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + b[at + i];
  let text = `S-${b[at]}-${authority}`;
  for (let i = 0; i < b[at + 1]; i++) text += `-${view.getUint32(at + 8 + 4 * i, true)}`;
  return text;
}
