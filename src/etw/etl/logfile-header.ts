import type { EtlBuffer } from './buffers.js';
import type { LogfileHeaderRecord } from './records.js';

/** How the trace's event timestamps count (TRACE_LOGFILE_HEADER ReservedFlags, the session's ClientContext). */
export type EtlClockType = 'qpc' | 'system-time' | 'cpu-cycles';

/** What the reader needs from the log file header (TRACE_LOGFILE_HEADER). */
export interface EtlLogfileHeader {
  /** Size of every buffer of the file, in bytes. */
  readonly bufferSize: number;
  /** Windows version of the machine that wrote the trace, `major.minor.build`. */
  readonly osVersion: string;
  /** Pointer size of the logger: 4 (32-bit) or 8 (64-bit). */
  readonly pointerSize: 4 | 8;
  /** Processors of the machine that wrote the trace. */
  readonly numberOfProcessors: number;
  /** CPU speed in MHz (the frequency of the CPU cycle clock). */
  readonly cpuSpeedMHz: number;
  /** Performance counter frequency in Hz (the QPC clock). */
  readonly perfFrequency: number;
  /** Session start as a FILETIME (100-ns intervals since 1601), high and low 32 bits. */
  readonly startTimeHigh: number;
  /** Low 32 bits of the session start FILETIME. */
  readonly startTimeLow: number;
  /** The clock of the event timestamps. */
  readonly clockType: EtlClockType;
  /** The clock reading at `StartTime` (the header record's own timestamp), high and low 32 bits. */
  readonly syncTimestampHigh: number;
  /** Low 32 bits of the clock reading at `StartTime`. */
  readonly syncTimestampLow: number;
  /** Buffers the session lost (not written). */
  readonly buffersLost: number;
  /** Buffers the session wrote to the file, this header's buffer included (0 while it was still running). */
  readonly buffersWritten: number;
  /** EVENT_TRACE_FILE_MODE_* flags of the session (circular, append, ...). */
  readonly logFileMode: number;
  /** Events the session lost. */
  readonly eventsLost: number;
  /** Session name (logman's collector name). */
  readonly loggerName: string;
  /** Path of the file as the session wrote it, on the machine that took the trace. */
  readonly logFileName: string;
}

const TIME_ZONE_INFORMATION_SIZE = 172;
const CLOCK_TYPES: Readonly<Record<number, EtlClockType>> = { 1: 'qpc', 2: 'system-time', 3: 'cpu-cycles' };
const utf16 = new TextDecoder('utf-16le');

/**
 * Reads the TRACE_LOGFILE_HEADER of the header record. Its layout depends on the logger's pointer size: two
 * pointers (LoggerName, LogFileName) precede the time zone, and the 64-bit times after it are 8-byte
 * aligned. Returns `undefined` when the record is too short or its clock type is unknown.
 */
export function readLogfileHeader(buffer: EtlBuffer, record: LogfileHeaderRecord): EtlLogfileHeader | undefined {
  const { view, bytes } = buffer;
  const base = record.dataStart;
  const ptr = record.pointerSize;
  const timeZone = base + 56 + 2 * ptr;
  const bootTime = base + ((56 + 2 * ptr + TIME_ZONE_INFORMATION_SIZE + 7) & ~7);
  const namesStart = bootTime + 32;
  if (namesStart > record.dataEnd || timeZone > record.dataEnd) return undefined;
  const clockType = CLOCK_TYPES[view.getUint32(bootTime + 24, true)];
  if (clockType === undefined) return undefined;
  const version = view.getUint32(base + 4, true);
  const loggerName = stringAt(bytes, namesStart, record.dataEnd);
  const logFileName = stringAt(bytes, namesStart + 2 * (loggerName.length + 1), record.dataEnd);
  return {
    bufferSize: view.getUint32(base, true),
    osVersion: `${version & 0xff}.${(version >> 8) & 0xff}.${view.getUint32(base + 8, true)}`,
    numberOfProcessors: view.getUint32(base + 12, true),
    pointerSize: ptr,
    eventsLost: view.getUint32(base + 48, true),
    cpuSpeedMHz: view.getUint32(base + 52, true),
    perfFrequency: view.getUint32(bootTime + 12, true) * 4294967296 + view.getUint32(bootTime + 8, true),
    startTimeHigh: view.getUint32(bootTime + 20, true),
    startTimeLow: view.getUint32(bootTime + 16, true),
    clockType,
    buffersLost: view.getUint32(bootTime + 28, true),
    buffersWritten: view.getUint32(base + 36, true),
    logFileMode: view.getUint32(base + 32, true),
    syncTimestampHigh: record.timestampHigh,
    syncTimestampLow: record.timestampLow,
    loggerName,
    logFileName,
  };
}

function stringAt(bytes: Uint8Array, start: number, end: number): string {
  let i = start;
  while (i + 1 < end && (bytes[i] !== 0 || bytes[i + 1] !== 0)) i += 2;
  return start >= end ? '' : utf16.decode(bytes.subarray(start, Math.min(i, end)));
}
