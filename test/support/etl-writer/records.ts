import { ByteWriter } from './byte-writer.js';

/** What an EVENT_HEADER record holds, in the writer's terms. */
export interface EventRecordFields {
  readonly pointerSize: 4 | 8;
  readonly processId: number;
  readonly threadId: number;
  readonly timestamp: bigint;
  readonly providerGuid: string;
  readonly id: number;
  readonly version: number;
  readonly channel: number;
  readonly level: number;
  readonly opcode: number;
  readonly task: number;
  readonly keywords: bigint;
  readonly activityId: string;
  readonly relatedActivityId?: string;
  readonly payload: Uint8Array;
}

const EVENT_HEADER_SIZE = 80;

/** An EVENT_HEADER record (type 0x12/0x13 with the 32/64-bit flag), RelatedActivityId as extended data. */
export function eventRecord(e: EventRecordFields): Uint8Array {
  const w = new ByteWriter();
  const extended = e.relatedActivityId !== undefined;
  w.u16(0).u8(e.pointerSize === 8 ? 0x13 : 0x12).u8(0xc0);
  w.u16((extended ? 0x0001 : 0) | (e.pointerSize === 8 ? 0x0040 : 0x0020)).u16(0);
  w.u32(e.threadId).u32(e.processId).u64(e.timestamp).guid(e.providerGuid);
  w.u16(e.id).u8(e.version).u8(e.channel).u8(e.level).u8(e.opcode).u16(e.task).u64(e.keywords);
  w.u64(0n).guid(e.activityId);
  if (w.length !== EVENT_HEADER_SIZE) throw new Error('EVENT_HEADER layout');
  if (e.relatedActivityId !== undefined) {
    // Reserved1, ExtType 1 (RelatedActivityId), Linkage 0 (last item), DataSize 16.
    w.u16(0).u16(1).u16(0).u16(16).guid(e.relatedActivityId);
  }
  w.raw(e.payload);
  if (w.length > 0xffff) throw new Error(`event ${e.id} is too large for a record (${w.length} bytes)`);
  w.patchU16(0, w.length);
  return w.toBytes();
}

/** What the log file header record holds. */
export interface LogfileHeaderFields {
  readonly pointerSize: 4 | 8;
  readonly bufferSize: number;
  readonly buffersWritten: number;
  readonly startTime: bigint;
  readonly endTime: bigint;
  readonly perfFrequency: bigint;
  readonly cpuSpeedMHz: number;
  readonly clockType: 1 | 2 | 3;
  readonly syncTimestamp: bigint;
  readonly loggerName: string;
  readonly logFileName: string;
}

/** The system trace record (group 0, type 0) holding TRACE_LOGFILE_HEADER, laid out for the pointer size. */
export function logfileHeaderRecord(h: LogfileHeaderFields): Uint8Array {
  const body = new ByteWriter();
  body.u32(h.bufferSize).u8(6).u8(1).u8(1).u8(5).u32(7601).u32(2).u64(h.endTime);
  body.u32(156250).u32(0).u32(0).u32(h.buffersWritten).u32(1).u32(h.pointerSize).u32(0).u32(h.cpuSpeedMHz);
  for (let i = 0; i < 2; i++) {
    if (h.pointerSize === 8) body.u64(0n);
    else body.u32(0);
  }
  body.u32(0).zeros(64).zeros(16).u32(0).zeros(64).zeros(16).u32(0); // TIME_ZONE_INFORMATION (UTC)
  body.align(8).u64(0n).u64(h.perfFrequency).u64(h.startTime).u32(h.clockType).u32(0);
  body.utf16(h.loggerName).utf16(h.logFileName);
  return systemRecord(h.pointerSize, 0, 0, h.syncTimestamp, body.toBytes());
}

/** A SystemConfig CPU record (group 0x0B, type 10) carrying the computer name, as kernel traces hold it. */
export function computerNameRecord(pointerSize: 4 | 8, timestamp: bigint, computerName: string): Uint8Array {
  const body = new ByteWriter().u32(2000).u32(4).u32(4096).u32(4096).u32(65536);
  body.utf16(computerName.slice(0, 255), false).zeros(2 * (256 - Math.min(computerName.length, 255))).zeros(2 * 134).u32(0);
  return systemRecord(pointerSize, 0x0b, 10, timestamp, body.toBytes());
}

/** SYSTEM_TRACE_HEADER (32 bytes; the size in its second word), then the MOF data. */
function systemRecord(pointerSize: 4 | 8, group: number, type: number, timestamp: bigint, data: Uint8Array): Uint8Array {
  const w = new ByteWriter();
  w.u16(2).u8(pointerSize === 8 ? 0x02 : 0x01).u8(0xc0);
  w.u16(32 + data.length).u8(type).u8(group);
  w.u32(0).u32(0).u64(timestamp).u32(0).u32(0).raw(data);
  return w.toBytes();
}
