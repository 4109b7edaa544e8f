import type { EtwFieldValue } from '../../../src/etw/event.js';
import { findEventSchema, findProviderSchema, findProviderSchemaByName } from '../../../src/etw/schema/lookup.js';
import { ByteWriter } from './byte-writer.js';
import { encodeFields, filetimeOf } from './encode-fields.js';
import { computerNameRecord, eventRecord, logfileHeaderRecord } from './records.js';

/** One event to write. Level, task, opcode and keywords default to the bundled schema's. */
export interface EtlWriterEvent {
  /** A bundled provider's name or GUID, or any GUID (an event the reader has no schema for). */
  readonly provider: string;
  readonly id: number;
  readonly version?: number;
  /** ISO 8601 UTC; up to seven fractional digits survive (ETW keeps 100-ns ticks). */
  readonly time: string;
  readonly processId?: number;
  readonly threadId?: number;
  /** All zeros when absent. */
  readonly activityId?: string;
  /** Written as the RelatedActivityId extended data item. */
  readonly relatedActivityId?: string;
  /** Payload fields by the bundled schema (see `encodeFields` for the value forms). */
  readonly fields?: Readonly<Record<string, EtwFieldValue>>;
  /** A raw payload instead of `fields`. */
  readonly payload?: Uint8Array;
  readonly level?: number;
  readonly task?: number;
  readonly opcode?: number;
  /** `0x` + hex; the schema's keywords when absent. */
  readonly keywords?: string;
  readonly channel?: number;
}

/** A synthetic trace: session facts and its events, in the order they go into the file. */
export interface EtlWriterOptions {
  /** Pointer size of the logger and its events: 4 (32-bit) or 8 (64-bit, the default). */
  readonly pointerSize?: 4 | 8;
  /** Session start, ISO 8601 UTC. */
  readonly startTime: string;
  /** Written as a SystemConfig CPU record at the start of the first data buffer. */
  readonly computerName?: string;
  /** Buffer size in bytes, a multiple of 1024 (default 8192). */
  readonly bufferSize?: number;
  /** Clock of the timestamps (default `qpc`). */
  readonly clock?: 'qpc' | 'system-time' | 'cpu-cycles';
  /** QPC frequency in Hz (default 10 MHz: 100-ns ticks round-trip exactly). */
  readonly perfFrequency?: number;
  /** CPU speed in MHz for the `cpu-cycles` clock (default 2000). */
  readonly cpuSpeedMHz?: number;
  readonly events: readonly EtlWriterEvent[];
}

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
const HEADER = 72;
/** The clock reading at StartTime: far from zero so offsets in both directions stay positive. */
const SYNC_READING = 50_000_000_000n;

/**
 * Writes a binary ETW trace the way logman lays it out: fixed-size buffers with WMI_BUFFER_HEADERs and 0xFF
 * fill, the log file header alone in the first buffer (SavedOffset 0 there, as in real files), EVENT_HEADER
 * records with RelatedActivityId extended data, payloads encoded from the bundled schemas, 32- or 64-bit.
 */
export function writeEtl(options: EtlWriterOptions): Uint8Array {
  const pointerSize = options.pointerSize ?? 8;
  const bufferSize = options.bufferSize ?? 8192;
  const clockType = options.clock === 'system-time' ? 2 : options.clock === 'cpu-cycles' ? 3 : 1;
  const frequency = BigInt(clockType === 3 ? (options.cpuSpeedMHz ?? 2000) * 1_000_000 : (options.perfFrequency ?? 10_000_000));
  const start = filetimeOf(options.startTime);
  const reading = (time: string): bigint => {
    const ticks = filetimeOf(time);
    if (clockType === 2) return ticks;
    // The smallest reading whose 100-ns conversion (truncating) gives back the time: exact for frequencies of
    // 10 MHz and more, the nearest representable tick below that.
    const scaled = (ticks - start) * frequency;
    const q = scaled / 10_000_000n;
    return SYNC_READING + (scaled % 10_000_000n > 0n ? q + 1n : q);
  };
  const records: Uint8Array[] = [];
  if (options.computerName !== undefined) records.push(computerNameRecord(pointerSize, reading(options.startTime), options.computerName));
  for (const e of options.events) records.push(eventRecord(recordFieldsOf(e, pointerSize, reading(e.time))));
  const dataBuffers = pack(records, bufferSize);
  const last = options.events.length > 0 ? filetimeOf(options.events[options.events.length - 1].time) : start;
  const header = logfileHeaderRecord({
    pointerSize, bufferSize, buffersWritten: dataBuffers.length + 1, startTime: start, endTime: last,
    perfFrequency: clockType === 3 ? 0n : frequency, cpuSpeedMHz: options.cpuSpeedMHz ?? 2000, clockType,
    syncTimestamp: clockType === 2 ? start : SYNC_READING, loggerName: 'e2e', logFileName: 'C:\\e2e.etl',
  });
  const file = new ByteWriter().raw(buffer([header], bufferSize, 0, true));
  dataBuffers.forEach((b, i) => file.raw(buffer(b, bufferSize, i + 1, false)));
  return file.toBytes();
}

function recordFieldsOf(e: EtlWriterEvent, pointerSize: 4 | 8, timestamp: bigint) {
  const provider = findProviderSchemaByName(e.provider) ?? findProviderSchema(e.provider.replace(/[{}]/g, '').toLowerCase());
  const providerGuid = provider?.guid ?? e.provider;
  const version = e.version ?? 0;
  const schema = findEventSchema(providerGuid, e.id, version);
  if (e.payload === undefined && schema === undefined && e.fields !== undefined) {
    throw new Error(`no bundled schema for ${e.provider} event ${e.id} v${version}: pass a raw payload`);
  }
  const payload = e.payload ?? (schema === undefined ? new Uint8Array(0) : encodeFields(schema.fields, e.fields ?? {}, pointerSize));
  return {
    pointerSize, timestamp, providerGuid, version, payload,
    processId: e.processId ?? 0, threadId: e.threadId ?? 0, id: e.id, channel: e.channel ?? 16,
    level: e.level ?? schema?.level ?? 4, opcode: e.opcode ?? schema?.opcode ?? 0, task: e.task ?? schema?.task ?? 0,
    keywords: BigInt(e.keywords ?? schema?.keywords ?? '0x0'),
    activityId: e.activityId ?? ZERO_GUID,
    ...(e.relatedActivityId === undefined ? {} : { relatedActivityId: e.relatedActivityId }),
  };
}

/** Groups records into buffers' worth, each record 8-byte aligned. */
function pack(records: readonly Uint8Array[], bufferSize: number): Uint8Array[][] {
  const buffers: Uint8Array[][] = [];
  let current: Uint8Array[] = [];
  let used = HEADER;
  for (const r of records) {
    const size = (r.length + 7) & ~7;
    if (HEADER + size > bufferSize) throw new Error(`a record of ${r.length} bytes does not fit a ${bufferSize}-byte buffer`);
    if (used + size > bufferSize) {
      buffers.push(current);
      current = [];
      used = HEADER;
    }
    current.push(r);
    used += size;
  }
  if (current.length > 0) buffers.push(current);
  return buffers;
}

/** One buffer: WMI_BUFFER_HEADER, the records 8-byte aligned, 0xFF to the end. */
function buffer(records: readonly Uint8Array[], bufferSize: number, sequence: number, isHeader: boolean): Uint8Array {
  const body = new ByteWriter();
  for (const r of records) body.raw(r).align(8);
  const filled = HEADER + body.length;
  const w = new ByteWriter();
  w.u32(bufferSize).u32(isHeader ? 0 : filled).u32(filled).u32(0).u64(0n).u64(BigInt(sequence)).u64(0n);
  w.u16(0).u16(31).u32(3).u32(filled).u16(isHeader ? 1 : 0).u16(isHeader ? 4 : 0).zeros(16);
  w.raw(body.toBytes());
  const out = new Uint8Array(bufferSize).fill(0xff);
  out.set(w.toBytes());
  return out;
}
