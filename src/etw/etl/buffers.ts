import { ByteQueue } from './byte-queue.js';

/** Size of the WMI_BUFFER_HEADER at the start of every buffer. */
export const BUFFER_HEADER_SIZE = 72;
/** The log file header's BufferSize sits after the buffer header and a 32-byte system trace header. */
const LOGFILE_BUFFER_SIZE_OFFSET = BUFFER_HEADER_SIZE + 32;
const MAX_BUFFER_SIZE = 64 * 1024 * 1024;

/** A damaged region: where it starts in the file, where the reader resumes, and what is wrong. */
export interface EtlDamage {
  /** Tells damage from buffers in the reader's stream. */
  readonly kind: 'damage';
  /** File offset where the damage starts. */
  readonly offset: number;
  /** File offset where reading resumes (the next buffer). */
  readonly end: number;
  /** What is wrong, as one sentence. */
  readonly message: string;
}

/** One fixed-size buffer of the file with the facts from its WMI_BUFFER_HEADER. */
export interface EtlBuffer {
  /** Tells buffers from damage in the reader's stream. */
  readonly kind: 'buffer';
  /** The buffer's bytes (shorter than `bufferSize` only for a file cut inside its last buffer). */
  readonly bytes: Uint8Array;
  /** A DataView over the same bytes, offsets as in `bytes`. */
  readonly view: DataView;
  /** Offset of the buffer in the file. */
  readonly fileOffset: number;
  /** The file's buffer size. */
  readonly bufferSize: number;
  /** End of the records: the header's filled size, cut to the bytes present. */
  readonly end: number;
}

/** ETW buffer sizes are whole kilobytes. */
function plausibleBufferSize(size: number | undefined): size is number {
  return size !== undefined && size >= 1024 && size <= MAX_BUFFER_SIZE && size % 1024 === 0;
}

/**
 * Splits the file's bytes, arriving as chunks of any size, into its fixed-size buffers. The buffer size comes
 * from the first buffer header (or, when that is damaged, the log file header); every later buffer starts at
 * a multiple of it, so a damaged buffer never hides the ones after it. Yields a buffer or a damage report per
 * buffer, in file order; holds at most one buffer and one chunk.
 */
export async function* readEtlBuffers(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<EtlBuffer | EtlDamage> {
  const queue = new ByteQueue();
  let bufferSize = 0;
  for await (const chunk of chunks) {
    queue.push(chunk);
    if (bufferSize === 0) {
      if (queue.available < LOGFILE_BUFFER_SIZE_OFFSET + 4) continue;
      bufferSize = chooseBufferSize(queue);
      if (bufferSize === 0) {
        yield notEtl(queue);
        return;
      }
    }
    while (queue.available >= bufferSize) yield* bufferAt(queue.offset, queue.take(bufferSize), bufferSize);
  }
  if (bufferSize === 0) bufferSize = chooseBufferSize(queue);
  if (queue.available === 0) return;
  if (bufferSize === 0) {
    yield notEtl(queue);
    return;
  }
  const offset = queue.offset;
  const rest = queue.take(queue.available);
  const message = `the file ends inside a buffer: ${rest.length} of its ${bufferSize} bytes are present`;
  yield { kind: 'damage', offset: offset + rest.length, end: offset + bufferSize, message };
  if (rest.length >= BUFFER_HEADER_SIZE) yield* bufferAt(offset, rest, bufferSize);
}

function chooseBufferSize(queue: ByteQueue): number {
  const fromBufferHeader = queue.peekUint32(0);
  const fromLogfileHeader = queue.peekUint32(LOGFILE_BUFFER_SIZE_OFFSET);
  if (plausibleBufferSize(fromBufferHeader)) return fromBufferHeader;
  return plausibleBufferSize(fromLogfileHeader) ? fromLogfileHeader : 0;
}

function notEtl(queue: ByteQueue): EtlDamage {
  const message = 'not an ETL file: no plausible buffer size in the first buffer header or the log file header';
  return { kind: 'damage', offset: queue.offset, end: Number.POSITIVE_INFINITY, message };
}

/**
 * The buffer, or what is wrong with its header. A buffer whose size field is damaged but whose filled size
 * is plausible is reported and still walked: its records may be intact (the walker checks each one).
 */
function* bufferAt(fileOffset: number, bytes: Uint8Array, bufferSize: number): Generator<EtlBuffer | EtlDamage> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredSize = view.getUint32(0, true);
  if (declaredSize !== bufferSize) {
    const message = `buffer header gives size ${declaredSize}, not the file's ${bufferSize}`;
    yield { kind: 'damage', offset: fileOffset, end: fileOffset + bufferSize, message };
  }
  const filled = filledSize(view, bufferSize);
  if (filled === 0) {
    yield { kind: 'damage', offset: fileOffset, end: fileOffset + bufferSize, message: 'buffer header has no valid filled size' };
    return;
  }
  yield { kind: 'buffer', bytes, view, fileOffset, bufferSize, end: Math.min(filled, bytes.length) };
}

/**
 * Bytes in use, header included. SavedOffset (at 4) is the documented field, but real files have buffers
 * where it is 0 (the log file header's buffer) and CurrentOffset (at 8) beyond the buffer; Offset (at 48)
 * then holds it. The first of them that fits the buffer wins; 0 when none does.
 */
function filledSize(view: DataView, bufferSize: number): number {
  for (const at of [4, 48, 8]) {
    const value = view.getUint32(at, true);
    if (value >= BUFFER_HEADER_SIZE && value <= bufferSize) return value;
  }
  return 0;
}
