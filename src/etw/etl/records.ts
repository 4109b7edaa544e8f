import type { EtlBuffer } from './buffers.js';

/** Size of an EVENT_HEADER record's fixed part. */
export const EVENT_HEADER_SIZE = 80;
const EXTENDED_ITEM_HEADER_SIZE = 8;
const EXT_TYPE_RELATED_ACTIVITYID = 1;
const GUID_SIZE = 16;
/** Buffers are filled with 0xFF after the last record (and the log file header's buffer after its record). */
const FILL = 0xffffffff;

// Byte 3 of every traced record header: bit 7 says "traced header", bit 6 "typed by byte 2".
const TRACE_HEADER_FLAG = 0x80;
const TRACE_HEADER_EVENT_TRACE = 0x40;

// TRACE_HEADER_TYPE_* (byte 2).
const SYSTEM32 = 1;
const SYSTEM64 = 2;
const COMPACT32 = 3;
const COMPACT64 = 4;
const PERFINFO32 = 16;
const PERFINFO64 = 17;
const EVENT_HEADER32 = 18;
const EVENT_HEADER64 = 19;

// System record groups and types (byte 7 and byte 6 of a system trace header).
const GROUP_HEADER = 0x00;
const GROUP_CONFIG = 0x0b;
const CONFIG_CPU = 10;
const utf16 = new TextDecoder('utf-16le');

const EVENT_HEADER_FLAG_EXTENDED_INFO = 0x0001;
const EVENT_HEADER_FLAG_32_BIT_HEADER = 0x0020;
const EVENT_HEADER_FLAG_64_BIT_HEADER = 0x0040;

/**
 * One EVENT_HEADER record of a buffer, as offsets into `buffer.bytes` and numbers: nothing is decoded into
 * strings here. The walker reuses one object for every record: read it in the callback, do not keep it.
 */
export interface EventRecordView {
  /** Offset of the record in the buffer. */
  offset: number;
  /** EVENT_HEADER Flags (extended info, 32/64-bit, string only, ...). */
  flags: number;
  /** Thread that logged the event. */
  threadId: number;
  /** Process that logged the event. */
  processId: number;
  /** Raw timestamp (in the clock the log file header names): high and low 32 bits. */
  timestampHigh: number;
  /** Low 32 bits of the raw timestamp. */
  timestampLow: number;
  /** Offset of the provider GUID. */
  providerOffset: number;
  /** Event descriptor: id. */
  id: number;
  /** Event descriptor: version. */
  version: number;
  /** Event descriptor: channel. */
  channel: number;
  /** Event descriptor: level. */
  level: number;
  /** Event descriptor: opcode. */
  opcode: number;
  /** Event descriptor: task. */
  task: number;
  /** Event descriptor: keyword mask, high 32 bits. */
  keywordsHigh: number;
  /** Event descriptor: keyword mask, low 32 bits. */
  keywordsLow: number;
  /** Offset of the ActivityId GUID. */
  activityOffset: number;
  /** Offset of the RelatedActivityId extended data item's GUID, -1 when the event has none. */
  relatedActivityOffset: number;
  /** Offset of the payload (after the extended data items). */
  payloadStart: number;
  /** End of the payload: the end of the record. */
  payloadEnd: number;
  /** Pointer size of the logging process: from the header flags, else the header type. */
  pointerSize: 4 | 8;
}

/** The system trace record that carries the log file header (TRACE_LOGFILE_HEADER). */
export interface LogfileHeaderRecord {
  /** Offset of the TRACE_LOGFILE_HEADER in the buffer. */
  readonly dataStart: number;
  /** End of the record. */
  readonly dataEnd: number;
  /** From the record's header type: the logger's pointer size. */
  readonly pointerSize: 4 | 8;
  /** The record's timestamp (high and low 32 bits): the clock reading that matches the header's StartTime. */
  readonly timestampHigh: number;
  /** Low 32 bits of the record's timestamp. */
  readonly timestampLow: number;
}

/** What the record walker reports. */
export interface RecordVisitor {
  /** An EVENT_HEADER record (the view is reused for the next record). */
  event(buffer: EtlBuffer, record: EventRecordView): void;
  /** The system record holding the log file header. */
  logfileHeader(buffer: EtlBuffer, record: LogfileHeaderRecord): void;
  /** A SystemConfig CPU record (kernel traces) named the computer. */
  computerName(name: string): void;
  /** The bytes from `offset` to `end` (offsets in the buffer) hold no readable record. */
  damage(buffer: EtlBuffer, offset: number, end: number, message: string): void;
}

const record: EventRecordView = {
  offset: 0, flags: 0, threadId: 0, processId: 0, timestampHigh: 0, timestampLow: 0, providerOffset: 0, id: 0, version: 0, channel: 0, level: 0,
  opcode: 0, task: 0, keywordsHigh: 0, keywordsLow: 0, activityOffset: 0, relatedActivityOffset: -1, payloadStart: 0,
  payloadEnd: 0, pointerSize: 8,
};

/**
 * Walks a buffer's records (8-byte aligned from the end of the buffer header to the filled size), reporting
 * EVENT_HEADER records and the log file header and stepping over every other traced header type by its
 * size. At a record that cannot be read (unknown marker, size too small or past the end, bad extended data)
 * it reports the damage once and resumes at the next 8-byte boundary where a plausible event record starts,
 * so intact events after the damage in the same buffer still come through. Damage found later in the same
 * buffer is reported as part of the first region (from its offset), which the reader folds into one problem.
 */
export function walkRecords(buffer: EtlBuffer, visitor: RecordVisitor): void {
  const { view, end } = buffer;
  let at = 72;
  // Where this buffer's damage began: a damaged size that still fits can lead the walk astray until it
  // fails again further on, and that is the same damaged region, reported from where it began.
  let damagedFrom = -1;
  while (at + 4 <= end) {
    if (view.getUint32(at, true) === FILL) return;
    const next = stepOver(buffer, at, visitor);
    if (next > 0) {
      at = next;
      continue;
    }
    const resume = resync(buffer, at + 8);
    if (damagedFrom < 0) damagedFrom = at;
    visitor.damage(buffer, damagedFrom, resume < 0 ? end : resume, problem);
    if (resume < 0) return;
    at = resume;
  }
}

/** What `stepOver` found wrong when it returned -1. */
let problem = '';

/** Reports the record at `at` and returns where the next one starts, or -1 (with `problem` set). */
function stepOver(buffer: EtlBuffer, at: number, visitor: RecordVisitor): number {
  const { bytes, view, end } = buffer;
  const marker = bytes[at + 3];
  const type = bytes[at + 2];
  const typed = (marker & TRACE_HEADER_EVENT_TRACE) !== 0;
  if ((marker & TRACE_HEADER_FLAG) === 0) return fail(`no record header at buffer offset ${at}`);
  // System, compact and perf-info headers keep a version in their first word and the size in the second.
  const sizeInPacket = typed && type >= SYSTEM32 && (type <= COMPACT64 || type === PERFINFO32 || type === PERFINFO64);
  if (sizeInPacket && at + 8 > end) return fail(`record header at buffer offset ${at} is cut off`);
  const size = sizeInPacket ? view.getUint16(at + 4, true) : view.getUint16(at, true);
  const isEvent = typed && (type === EVENT_HEADER32 || type === EVENT_HEADER64);
  const minimum = isEvent ? EVENT_HEADER_SIZE : sizeInPacket ? minimumPacketSize(type) : 8;
  if (size < minimum || at + size > end) return fail(`record at buffer offset ${at} has size ${size}, outside ${minimum}..${end - at}`);
  if (isEvent) {
    const wrong = readEventHeader(buffer, at, size, type);
    if (wrong !== undefined) return fail(wrong);
    visitor.event(buffer, record);
  } else if (typed && (type === SYSTEM32 || type === SYSTEM64)) {
    systemRecord(buffer, at, size, type, visitor);
  }
  return at + ((size + 7) & ~7);
}

/** The system records the reader uses: the log file header and the SystemConfig CPU record. */
function systemRecord(buffer: EtlBuffer, at: number, size: number, type: number, visitor: RecordVisitor): void {
  const { bytes, view } = buffer;
  const eventType = bytes[at + 6];
  const group = bytes[at + 7];
  if (group === GROUP_HEADER && eventType === 0) {
    visitor.logfileHeader(buffer, {
      dataStart: at + 32,
      dataEnd: at + size,
      pointerSize: type === SYSTEM64 ? 8 : 4,
      timestampHigh: view.getUint32(at + 20, true),
      timestampLow: view.getUint32(at + 16, true),
    });
  } else if (group === GROUP_CONFIG && eventType === CONFIG_CPU) {
    // MHz, NumberOfProcessors, MemSize, PageSize, AllocationGranularity, then ComputerName as char16[256].
    const start = at + 32 + 20;
    const end = Math.min(at + size, start + 512);
    let i = start;
    while (i + 1 < end && (bytes[i] !== 0 || bytes[i + 1] !== 0)) i += 2;
    if (i > start) visitor.computerName(utf16.decode(bytes.subarray(start, i)));
  }
}

function fail(message: string): number {
  problem = message;
  return -1;
}

/** The first 8-byte aligned offset from `from` where an event record starts and is followed by a record start. */
function resync(buffer: EtlBuffer, from: number): number {
  const { end, view } = buffer;
  for (let at = (from + 7) & ~7; at + EVENT_HEADER_SIZE <= end; at += 8) {
    const size = plausibleEventSize(buffer, at);
    if (size === 0) continue;
    const next = at + ((size + 7) & ~7);
    if (next + 4 > end || view.getUint32(next, true) === FILL || (buffer.bytes[next + 3] & TRACE_HEADER_FLAG) !== 0) return at;
  }
  return -1;
}

function plausibleEventSize(buffer: EtlBuffer, at: number): number {
  const { bytes, view, end } = buffer;
  if (bytes[at + 3] !== (TRACE_HEADER_FLAG | TRACE_HEADER_EVENT_TRACE)) return 0;
  if (bytes[at + 2] !== EVENT_HEADER32 && bytes[at + 2] !== EVENT_HEADER64) return 0;
  const size = view.getUint16(at, true);
  return size >= EVENT_HEADER_SIZE && at + size <= end ? size : 0;
}

function minimumPacketSize(type: number): number {
  if (type === SYSTEM32 || type === SYSTEM64) return 32;
  if (type === COMPACT32 || type === COMPACT64) return 24;
  return 16;
}

/** Fills `record` from the EVENT_HEADER at `at`; returns what is wrong instead when it cannot be read. */
function readEventHeader(buffer: EtlBuffer, at: number, size: number, type: number): string | undefined {
  const { bytes, view } = buffer;
  const flags = view.getUint16(at + 4, true);
  record.offset = at;
  record.flags = flags;
  record.threadId = view.getUint32(at + 8, true);
  record.processId = view.getUint32(at + 12, true);
  record.timestampLow = view.getUint32(at + 16, true);
  record.timestampHigh = view.getUint32(at + 20, true);
  record.providerOffset = at + 24;
  record.id = view.getUint16(at + 40, true);
  record.version = bytes[at + 42];
  record.channel = bytes[at + 43];
  record.level = bytes[at + 44];
  record.opcode = bytes[at + 45];
  record.task = view.getUint16(at + 46, true);
  record.keywordsLow = view.getUint32(at + 48, true);
  record.keywordsHigh = view.getUint32(at + 52, true);
  record.activityOffset = at + 64;
  record.relatedActivityOffset = -1;
  record.pointerSize =
    flags & EVENT_HEADER_FLAG_32_BIT_HEADER ? 4 : flags & EVENT_HEADER_FLAG_64_BIT_HEADER ? 8 : type === EVENT_HEADER32 ? 4 : 8;
  let payload = at + EVENT_HEADER_SIZE;
  const recordEnd = at + size;
  if (flags & EVENT_HEADER_FLAG_EXTENDED_INFO) {
    for (;;) {
      if (payload + EXTENDED_ITEM_HEADER_SIZE > recordEnd) return `extended data of the event at buffer offset ${at} runs past the record`;
      const extType = view.getUint16(payload + 2, true);
      const more = view.getUint16(payload + 4, true) & 1;
      const dataSize = view.getUint16(payload + 6, true);
      const data = payload + EXTENDED_ITEM_HEADER_SIZE;
      if (data + dataSize > recordEnd) return `extended data of the event at buffer offset ${at} runs past the record`;
      if (extType === EXT_TYPE_RELATED_ACTIVITYID && dataSize >= GUID_SIZE) record.relatedActivityOffset = data;
      payload = data + ((dataSize + 7) & ~7);
      if (!more) break;
    }
  }
  record.payloadStart = Math.min(payload, recordEnd);
  record.payloadEnd = recordEnd;
  return undefined;
}
