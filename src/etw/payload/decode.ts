import type { EtwFieldValue } from '../event.js';
import type { EtwFieldSchema } from '../schema/types.js';
import { decoderOf } from './compile-decoder.js';

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
  return decoderOf(fields)(payload, view, 0, payload.length, pointerSize);
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
  return decoderOf(fields)(bytes, view, start, end, pointerSize);
}
