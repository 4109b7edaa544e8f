import type { EtwEvent, EtwProblem } from '../event.js';
import { BUFFER_HEADER_SIZE, readEtlBuffers, type EtlBuffer } from './buffers.js';
import { EtlClock } from './clock.js';
import { EventBuilder } from './event-of-record.js';
import { FlatAsyncGenerator } from '../flat-async-generator.js';
import { readLogfileHeader, type EtlLogfileHeader } from './logfile-header.js';
import { walkRecords, type EventRecordView, type LogfileHeaderRecord, type RecordVisitor } from './records.js';

/** Options of {@link readEtlEvents}. */
export interface ReadEtlOptions {
  /**
   * Called once per damaged region (a buffer or run of buffers, or a run of records, that cannot be read),
   * with its byte offset in the file, while the intact events before and after it still come through.
   */
  readonly onProblem?: (problem: EtwProblem) => void;
  /** Called with the log file header when the reader meets it (before the events it times). */
  readonly onLogfileHeader?: (header: EtlLogfileHeader) => void;
}

/**
 * Reads the events of a binary ETW trace (`.etl`, as logman writes it) from its bytes, streamed as chunks
 * of any size, holding one buffer at a time. Events come in file order (buffer by buffer, as the file holds
 * them, which is per CPU and not strictly by time). Events of providers or versions without a bundled
 * schema, and events whose payload does not fit their schema, come with `fields: {}` and `payloadHex`.
 * `computer` is set once a SystemConfig CPU record (kernel traces) has named the machine; logman sessions of
 * user-mode providers record no computer name, so their events have none.
 * Damage never throws: it is reported through `onProblem` and reading goes on.
 */
export function readEtlEvents(chunks: AsyncIterable<Uint8Array>, options: ReadEtlOptions = {}): AsyncGenerator<EtwEvent> {
  return new FlatAsyncGenerator(readEtlEventBatches(chunks, options));
}

/**
 * {@link readEtlEvents} a buffer at a time: the events of each buffer in one array (a fresh one per buffer,
 * as the consumer may still hold the last), for readers that flatten batches only once.
 */
export async function* readEtlEventBatches(chunks: AsyncIterable<Uint8Array>, options: ReadEtlOptions): AsyncGenerator<readonly EtwEvent[], void, undefined> {
  const damage = new DamageReporter(options.onProblem);
  let clock: EtlClock | undefined;
  let header: EtlLogfileHeader | undefined;
  let current: EtlBuffer | undefined;
  const clockForEvents = (): EtlClock => {
    if (clock === undefined) {
      const message = 'no log file header before the first event: timestamps are read as system time (FILETIME)';
      damage.note(current === undefined ? 0 : current.fileOffset, message);
      clock = new EtlClock(undefined);
    }
    return clock;
  };
  const builder = new EventBuilder(clockForEvents);
  let pending: EtwEvent[] = [];
  const visitor: RecordVisitor = {
    event: (buffer: EtlBuffer, record: EventRecordView) => pending.push(builder.build(buffer, record)),
    logfileHeader: (buffer: EtlBuffer, record: LogfileHeaderRecord) => {
      if (clock !== undefined) return;
      header = readLogfileHeader(buffer, record);
      if (header === undefined) {
        damage.report(buffer.fileOffset + record.dataStart - 32, buffer.fileOffset + record.dataEnd, 'the log file header cannot be read');
        return;
      }
      clock = new EtlClock(header);
      options.onLogfileHeader?.(header);
    },
    computerName: (name: string) => {
      builder.computer = name;
    },
    damage: (buffer: EtlBuffer, offset: number, end: number, message: string) =>
      damage.report(buffer.fileOffset + offset, buffer.fileOffset + end, `${message} (buffer at ${buffer.fileOffset})`),
  };
  let fileEnd = 0;
  for await (const item of readEtlBuffers(chunks)) {
    if (item.kind === 'damage') {
      damage.report(item.offset, item.end, item.message);
      fileEnd = Math.max(fileEnd, item.offset);
      continue;
    }
    current = item;
    fileEnd = Math.max(fileEnd, item.fileOffset + item.bytes.length);
    walkRecords(item, visitor);
    if (pending.length > 0) {
      yield pending;
      pending = [];
    }
  }
  checkLength(header, fileEnd, damage);
}

const EVENT_TRACE_FILE_MODE_CIRCULAR = 0x2;

/** A file cut at a buffer boundary looks complete, but its header counts the buffers the session wrote. */
function checkLength(header: EtlLogfileHeader | undefined, fileEnd: number, damage: DamageReporter): void {
  if (header === undefined || header.logFileMode & EVENT_TRACE_FILE_MODE_CIRCULAR) return;
  const expected = header.buffersWritten * header.bufferSize;
  if (fileEnd < expected) {
    damage.report(fileEnd, expected, `the file ends at ${fileEnd} bytes, but its header counts ${header.buffersWritten} buffers (${expected} bytes)`);
  }
}

/**
 * Reports each damaged region once: damage that starts where the last reported region ended (the next
 * buffer, or the first record after its header) extends that region instead of starting a new one.
 */
class DamageReporter {
  private end = Number.NEGATIVE_INFINITY;
  private noted = false;

  constructor(private readonly onProblem: ((problem: EtwProblem) => void) | undefined) {}

  report(offset: number, end: number, message: string): void {
    if (offset <= this.end + BUFFER_HEADER_SIZE) {
      this.end = Math.max(this.end, end);
      return;
    }
    this.end = end;
    this.onProblem?.({ format: 'etl', message, offset });
  }

  /** A problem of the whole file rather than a region (reported once, at the offset where it showed). */
  note(offset: number, message: string): void {
    if (this.noted) return;
    this.noted = true;
    this.onProblem?.({ format: 'etl', message, offset });
  }
}
