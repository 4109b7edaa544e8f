import type { EtwFieldValue } from '../event.js';
import type { EtwFieldSchema } from '../schema/types.js';
import { planOf } from './field-plan.js';
import { guidAt } from './guid.js';
import { hexOfBytes, hexOfUint64, numberOrDecimal } from './hex.js';
import { socketAddressText } from './socket-address.js';
import { textAt } from './text.js';
import { filetimeToUnixNanos, isoOfUnixNanos } from './time.js';

const TWO_32 = 4294967296;

/** Payload fields by name, in template order. */
export type EtwFields = Record<string, EtwFieldValue>;

/**
 * Decodes an event payload by its template, rendering each value as tracerpt does (see `EtwFieldValue`).
 * `pointerSize` comes from the event header's 32-/64-bit flag. Returns `undefined` when the payload does not
 * fit the template (too short for a fixed-size field, a length past the end), so the caller can keep the raw
 * bytes instead of guessing.
 */
export function decodePayload(fields: readonly EtwFieldSchema[], payload: Uint8Array, pointerSize: 4 | 8): EtwFields | undefined {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  return decodePayloadAt(fields, payload, view, 0, payload.length, pointerSize);
}

/**
 * {@link decodePayload} for the payload at `[start, end)` of a larger buffer, with a DataView over the same
 * bytes (`bytes[i]` and `view` offset `i` the same byte): the ETL reader decodes in place, without a view
 * per event.
 */
export function decodePayloadAt(
  fields: readonly EtwFieldSchema[],
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
  pointerSize: 4 | 8
): EtwFields | undefined {
  const plan = planOf(fields);
  const values = scratch;
  let at = start;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const size = sizeOf(field, lengthOf(field, values, plan.lengthIndex[i]), bytes, at, end, pointerSize);
    if (size < 0 || at + size > end) return undefined;
    values[i] = valueOf(field, bytes, view, at, size);
    at += size;
  }
  return plan.make(values);
}

/** Decoded values of the event being decoded, reused (decoding is synchronous). */
const scratch: EtwFieldValue[] = [];

/** Bytes the field occupies at `at`, or -1 when it cannot be known. Strings include their NUL. */
function sizeOf(field: EtwFieldSchema, fixed: number | undefined, bytes: Uint8Array, at: number, end: number, pointerSize: number): number {
  switch (field.inType) {
    case 'Int8':
    case 'UInt8':
      return 1;
    case 'Int16':
    case 'UInt16':
      return 2;
    case 'Int32':
    case 'UInt32':
    case 'HexInt32':
    case 'Float':
    case 'Boolean':
      return 4;
    case 'Int64':
    case 'UInt64':
    case 'HexInt64':
    case 'Double':
    case 'FILETIME':
      return 8;
    case 'Pointer':
      return pointerSize;
    case 'GUID':
    case 'SYSTEMTIME':
      return 16;
    case 'SID':
      return at + 2 <= end ? 8 + 4 * bytes[at + 1] : -1;
    case 'UnicodeString': {
      if (fixed !== undefined) return fixed < 0 ? -1 : fixed * 2;
      let i = at;
      while (i + 1 < end && (bytes[i] !== 0 || bytes[i + 1] !== 0)) i += 2;
      return i + 1 < end ? i + 2 - at : end - at;
    }
    case 'AnsiString': {
      if (fixed !== undefined) return fixed;
      let i = at;
      while (i < end && bytes[i] !== 0) i++;
      return i < end ? i + 1 - at : end - at;
    }
    case 'Binary':
      return fixed ?? -1;
  }
}

/** The field's length from the schema or an earlier field; -1 when that cannot be read; undefined for none. */
function lengthOf(field: EtwFieldSchema, values: readonly EtwFieldValue[], index: number): number | undefined {
  if (typeof field.length === 'number') return field.length;
  if (field.length === undefined) return undefined;
  const value = index < 0 ? undefined : values[index];
  return typeof value === 'number' && value >= 0 ? value : -1;
}

function valueOf(field: EtwFieldSchema, b: Uint8Array, view: DataView, at: number, size: number): EtwFieldValue {
  const hex = field.outType === 'HexInt32' || field.outType === 'HexInt64';
  switch (field.inType) {
    case 'Int8':
      return hex ? hexOfUint64(0, b[at]) : view.getInt8(at);
    case 'UInt8':
      return hex ? hexOfUint64(0, b[at]) : b[at];
    case 'Int16':
      return hex ? hexOfUint64(0, view.getUint16(at, true)) : view.getInt16(at, true);
    case 'UInt16':
      return hex ? hexOfUint64(0, view.getUint16(at, true)) : view.getUint16(at, true);
    case 'Int32':
      return hex ? hexOfUint64(0, view.getUint32(at, true)) : view.getInt32(at, true);
    case 'UInt32':
      return hex ? hexOfUint64(0, view.getUint32(at, true)) : view.getUint32(at, true);
    case 'HexInt32':
      return hexOfUint64(0, view.getUint32(at, true));
    case 'Float':
      return view.getFloat32(at, true);
    case 'Double':
      return view.getFloat64(at, true);
    case 'Boolean':
      return view.getUint32(at, true) !== 0;
    case 'Pointer':
    case 'HexInt64':
      return hexOfUint64(size === 8 ? view.getUint32(at + 4, true) : 0, view.getUint32(at, true));
    case 'UInt64':
      return hex ? hexOfUint64(view.getUint32(at + 4, true), view.getUint32(at, true)) : uint64(view, at);
    case 'Int64':
      return hex ? hexOfUint64(view.getUint32(at + 4, true), view.getUint32(at, true)) : numberOrDecimal(view.getBigInt64(at, true));
    case 'FILETIME':
      return isoOfUnixNanos(filetimeToUnixNanos(view.getBigUint64(at, true)));
    case 'SYSTEMTIME':
      return systemTime(view, at);
    case 'GUID':
      return guidAt(b, at);
    case 'SID':
      return sidText(b, view, at);
    case 'UnicodeString':
      return textAt(b, at, at + (size & ~1), 2);
    case 'AnsiString':
      return textAt(b, at, at + size, 1);
    case 'Binary':
      if (field.outType === 'SocketAddress') return socketAddressText(b, at, size) ?? binaryText(b, at, size);
      return binaryText(b, at, size);
  }
}

function uint64(view: DataView, at: number): number | string {
  const high = view.getUint32(at + 4, true);
  const low = view.getUint32(at, true);
  return high < 0x200000 ? high * TWO_32 + low : view.getBigUint64(at, true).toString();
}

function binaryText(b: Uint8Array, at: number, size: number): string {
  return size === 0 ? '' : `0x${hexOfBytes(b, at, at + size, true)}`;
}

function systemTime(view: DataView, at: number): string {
  const part = (i: number, width: number) => String(view.getUint16(at + 2 * i, true)).padStart(width, '0');
  // Fields: year, month, day of week (skipped), day, hour, minute, second, milliseconds.
  return `${part(0, 4)}-${part(1, 2)}-${part(3, 2)}T${part(4, 2)}:${part(5, 2)}:${part(6, 2)}.${part(7, 3)}000000Z`;
}

function sidText(b: Uint8Array, view: DataView, at: number): string {
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + b[at + i];
  let text = `S-${b[at]}-${authority}`;
  for (let i = 0; i < b[at + 1]; i++) text += `-${view.getUint32(at + 8 + 4 * i, true)}`;
  return text;
}
