// A large ETL for the ETW benchmarks, built from the real capture: its log file header buffer once, then its
// data buffers again and again. Each copy is made new, as a long capture would be, rather than repeated
// verbatim: a verbatim copy would hit the reader's text caches (GUID and hex text, keyed by bytes) on every
// event after the first copy, which a capture of ever new requests does not.
// - Time runs forward: copy k's record timestamps are k shifts later, a shift being six times the capture's
//   span (30 s, so about 3 minutes): more than the import's horizon (60 s) plus the capture's own disorder
//   (17.7 s), so that requests of one copy close before the next copy's begin.
// - Ids are new: in copy k, bytes 4 and 5 of every nonzero 64-bit id (bits 32-47 of the little-endian
//   value) are XORed with k & 0xffff, wherever the id appears: the first 8 bytes of ActivityId and
//   RelatedActivityId GUIDs, and the Http.sys RequestId and ConnectionId fields. One bijection applied
//   everywhere keeps every relation the capture has: a request activity's first 8 bytes are still its
//   RequestId (bytes 4-5 of a GUID are its Data2), and equal ids stay equal within a copy.
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { readEtlBuffers } = require('../../.bench/cjs/etw/etl/buffers.js');
const { walkRecords } = require('../../.bench/cjs/etw/etl/records.js');
const { guidAt } = require('../../.bench/cjs/etw/payload/guid.js');
const { decodePayload } = require('../../.bench/cjs/etw/payload/decode.js');
const { findEventSchema, findProviderSchemaByName } = require('../../.bench/cjs/etw/schema/lookup.js');

/** The real capture the large file is made of. */
const CAPTURE = resolve('test/fixtures/etw/HTTP_Server.etl');
const HTTP_SYS = findProviderSchemaByName('Microsoft-Windows-HttpService').guid;
/** Http.sys payload fields holding a request or connection id (a request activity starts with its RequestId). */
const ID_FIELDS = new Set(['RequestId', 'ConnectionId']);
const ID_BYTE = 4;

/**
 * Writes the capture's header buffer, then copies of its data buffers (each with new times and ids, see
 * above) until at least `bytes` are written, to `path`. Holds one copy of the capture, changed in place from
 * one copy to the next. Returns the bytes written.
 */
export async function buildLargeEtl(path, bytes) {
  const capture = readFileSync(CAPTURE);
  const bufferSize = capture.readUInt32LE(0);
  const { timestamps, ids, span } = await offsetsOf(capture);
  const shift = 6n * span;
  const fd = openSync(path, 'w');
  try {
    let written = writeSync(fd, capture, 0, bufferSize);
    for (let copy = 0; written < bytes; copy++) {
      if (copy > 0) {
        for (const at of timestamps) capture.writeBigUInt64LE(capture.readBigUInt64LE(at) + shift, at);
        // From copy k - 1 to copy k: the XOR of both masks.
        const change = (copy ^ (copy - 1)) & 0xffff;
        for (const at of ids) {
          capture[at + ID_BYTE] ^= change & 0xff;
          capture[at + ID_BYTE + 1] ^= change >> 8;
        }
      }
      written += writeSync(fd, capture, bufferSize, capture.length - bufferSize);
    }
    return written;
  } finally {
    closeSync(fd);
  }
}

/**
 * File offsets, found once with the reader's own layers, of every EVENT_HEADER record's timestamp and of
 * every nonzero 64-bit id (activity GUIDs and Http.sys id fields), and the capture's time span.
 */
async function offsetsOf(capture) {
  const timestamps = [];
  const ids = [];
  let min = 2n ** 64n;
  let max = 0n;
  const visitor = {
    event(buffer, record) {
      const base = buffer.fileOffset;
      timestamps.push(base + record.offset + 16);
      const ts = (BigInt(record.timestampHigh) << 32n) | BigInt(record.timestampLow);
      if (ts < min) min = ts;
      if (ts > max) max = ts;
      for (const at of [record.activityOffset, record.relatedActivityOffset]) {
        if (at >= 0 && !allZero(buffer.bytes, at, 16)) ids.push(base + at);
      }
      if (guidAt(buffer.bytes, record.providerOffset) !== HTTP_SYS) return;
      const schema = findEventSchema(HTTP_SYS, record.id, record.version);
      if (schema === undefined) return;
      for (const at of idFieldOffsets(schema.fields, buffer, record)) ids.push(base + at);
    },
    logfileHeader: () => {},
    computerName: () => {},
    damage: (_buffer, offset, _end, message) => {
      throw new Error(`damaged capture at ${offset}: ${message}`);
    },
  };
  for await (const item of readEtlBuffers([capture])) if (item.kind === 'buffer') walkRecords(item, visitor);
  return { timestamps, ids, span: max - min };
}

/**
 * Offsets in the buffer of the nonzero id fields' values: each decoded by the reader's own decoder, then
 * found in the payload by its eight little-endian bytes (each offset once, so that equal ids change once).
 */
function idFieldOffsets(fields, buffer, record) {
  const { bytes } = buffer;
  const payload = Buffer.from(bytes.buffer, bytes.byteOffset + record.payloadStart, record.payloadEnd - record.payloadStart);
  const decoded = decodePayload(fields, payload, record.pointerSize) ?? {};
  const found = new Set();
  for (const name of ID_FIELDS) {
    const value = decoded[name];
    if (typeof value !== 'string' || BigInt(value) === 0n) continue;
    const needle = Buffer.alloc(8);
    needle.writeBigUInt64LE(BigInt(value));
    for (let at = payload.indexOf(needle); at >= 0; at = payload.indexOf(needle, at + 1)) found.add(record.payloadStart + at);
  }
  return found;
}

function allZero(bytes, at, size) {
  for (let i = at; i < at + size; i++) if (bytes[i] !== 0) return false;
  return true;
}
