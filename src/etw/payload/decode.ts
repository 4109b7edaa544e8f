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

