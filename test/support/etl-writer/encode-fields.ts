import type { EtwFieldValue } from '../../../src/etw/event.js';
import type { EtwFieldSchema } from '../../../src/etw/schema/types.js';
import { ByteWriter } from './byte-writer.js';

/**
 * Encodes payload fields by their schema, the inverse of the reader's rendering: hex text (`0x...`) or
 * numbers for integers and pointers, `a.b.c.d:port` / `[v6]:port` for socket addresses, GUID text, strings,
 * Booleans, ISO times for FILETIME, `0x...` hex for binary. A missing field is written as zero or empty; a
 * missing length field is computed from the binary field that names it.
 */
export function encodeFields(schema: readonly EtwFieldSchema[], values: Readonly<Record<string, EtwFieldValue>>, pointerSize: 4 | 8): Uint8Array {
  const unknown = Object.keys(values).filter((k) => !schema.some((f) => f.name === k));
  if (unknown.length > 0) throw new Error(`fields not in the schema: ${unknown.join(', ')}`);
  const binaries = new Map<string, Uint8Array>();
  for (const f of schema) if (f.inType === 'Binary' && values[f.name] !== undefined) binaries.set(f.name, binaryOf(f, values[f.name]));
  const w = new ByteWriter();
  for (const f of schema) {
    const counted = schema.find((b) => b.length === f.name);
    const value = values[f.name] ?? (counted !== undefined ? (binaries.get(counted.name)?.length ?? 0) : undefined);
    writeField(w, f, value, pointerSize, binaries.get(f.name));
  }
  return w.toBytes();
}

function integer(value: EtwFieldValue | undefined): bigint {
  if (value === undefined) return 0n;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  return BigInt(value);
}

function writeField(w: ByteWriter, f: EtwFieldSchema, value: EtwFieldValue | undefined, pointerSize: 4 | 8, binary: Uint8Array | undefined): void {
  switch (f.inType) {
    case 'Int8':
    case 'UInt8':
      w.u8(Number(BigInt.asUintN(8, integer(value))));
      return;
    case 'Int16':
    case 'UInt16':
      w.u16(Number(BigInt.asUintN(16, integer(value))));
      return;
    case 'Int32':
    case 'UInt32':
    case 'HexInt32':
    case 'Boolean':
      w.u32(Number(BigInt.asUintN(32, integer(value))));
      return;
    case 'Int64':
    case 'UInt64':
    case 'HexInt64':
      w.u64(integer(value));
      return;
    case 'Pointer':
      if (pointerSize === 8) w.u64(integer(value));
      else w.u32(Number(BigInt.asUintN(32, integer(value))));
      return;
    case 'Float':
      w.raw(new Uint8Array(new Float32Array([Number(value ?? 0)]).buffer));
      return;
    case 'Double':
      w.raw(new Uint8Array(new Float64Array([Number(value ?? 0)]).buffer));
      return;
    case 'GUID':
      w.guid(typeof value === 'string' ? value : '00000000-0000-0000-0000-000000000000');
      return;
    case 'FILETIME':
      w.u64(value === undefined ? 0n : filetimeOf(String(value)));
      return;
    case 'UnicodeString':
      w.utf16(String(value ?? ''), typeof f.length !== 'number');
      return;
    case 'AnsiString':
      for (const c of String(value ?? '')) w.u8(c.charCodeAt(0));
      if (typeof f.length !== 'number') w.u8(0);
      return;
    case 'Binary':
      w.raw(binary ?? new Uint8Array(typeof f.length === 'number' ? f.length : 0));
      return;
    default:
      throw new Error(`the writer does not encode ${f.inType} (${f.name})`);
  }
}

/** ISO 8601 UTC with up to 7 fractional digits -> FILETIME. */
export function filetimeOf(iso: string): bigint {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(iso);
  if (m === null) throw new Error(`not an ISO 8601 UTC time: ${iso}`);
  const ms = Date.parse(`${m[1]}Z`);
  const ticks = BigInt((m[2] ?? '').padEnd(9, '0').slice(0, 7));
  return BigInt(ms) * 10_000n + ticks + 116444736000000000n;
}

function binaryOf(f: EtwFieldSchema, value: EtwFieldValue): Uint8Array {
  const text = String(value);
  if (f.outType === 'SocketAddress' && !text.startsWith('0x')) return sockaddrOf(text);
  const hex = text.replace(/^0x/i, '');
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** `a.b.c.d:port` -> SOCKADDR_IN (16 bytes); `[v6]:port` (with `%scope`) -> SOCKADDR_IN6 (28 bytes). */
export function sockaddrOf(text: string): Uint8Array {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+):(\d+)$/.exec(text);
  const w = new ByteWriter();
  if (v4 !== null) {
    const port = Number(v4[5]);
    w.u16(2).u8(port >> 8).u8(port & 0xff);
    for (let i = 1; i <= 4; i++) w.u8(Number(v4[i]));
    return w.zeros(8).toBytes();
  }
  const v6 = /^\[([0-9a-fA-F:]+)(?:%(\d+))?\]:(\d+)$/.exec(text);
  if (v6 === null) throw new Error(`not a socket address: ${text}`);
  const port = Number(v6[3]);
  w.u16(23).u8(port >> 8).u8(port & 0xff).u32(0);
  const [head, tail] = v6[1].includes('::') ? v6[1].split('::') : [v6[1], undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  for (const g of groups) w.u8(parseInt(g, 16) >> 8).u8(parseInt(g, 16) & 0xff);
  return w.u32(Number(v6[2] ?? 0)).toBytes();
}
