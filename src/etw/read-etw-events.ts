import type { EtwEvent, EtwProblem } from './event.js';
import { readEtlEventBatches } from './etl/read-etl.js';
import { FlatAsyncGenerator } from './flat-async-generator.js';
import { EtwFormatError, sniffFormat, type SniffedFormat } from './sniff.js';
import { sourceChunks, type EtwSource } from './source.js';
import { readXmlEventBatches } from './xml/read-xml-events.js';

/** Options of `readEtwEvents`. */
export interface ReadEtwEventsOptions {
  /**
   * Called once per damaged ETL region (with its byte offset) and for a malformed XML document (with its
   * line and column), in order with the events: the intact events before and after still come through.
   * Without it, the iterator throws an `EtwDamagedInputError` listing the problems after the last event.
   */
  readonly onProblem?: (problem: EtwProblem) => void;
}

/** Thrown at the end of `readEtwEvents` without `onProblem` when the input had damaged or malformed parts. */
export class EtwDamagedInputError extends Error {
  /** The problems, in input order (the first 100 when there were more). */
  readonly problems: readonly EtwProblem[];

  constructor(problems: readonly EtwProblem[], count: number) {
    super(`${count} damaged or malformed part${count === 1 ? '' : 's'} in the input; first: ${problems[0]?.message}`);
    this.name = 'EtwDamagedInputError';
    this.problems = problems;
  }
}

const KEPT_PROBLEMS = 100;

/**
 * Reads ETW events from a binary `.etl` file or from event XML (tracerpt, wevtutil, PowerShell `ToXml()`,
 * UTF-8 or UTF-16), telling the two apart by content. Streams: memory stays bounded whatever the size of
 * the input, and the first events arrive before the input is read to its end. Every event gives the same
 * record whichever format it was read from.
 *
 * @param source - a file path, bytes, or a stream of chunks such as `process.stdin`
 * @throws EtwFormatError (on the first `next()`) when the input is neither ETL nor event XML
 * @example
 * ```ts
 * for await (const event of readEtwEvents('e2e.etl', { onProblem: (p) => console.error(p.message) })) {
 *   if (event.name === 'RecvReq') console.log(event.time, event.fields.RequestId);
 * }
 * ```
 */
export function readEtwEvents(source: EtwSource, options: ReadEtwEventsOptions = {}): AsyncGenerator<EtwEvent, void, undefined> {
  // Batches flattened once: one already-resolved promise per event, not a `yield*` chain's two.
  return new FlatAsyncGenerator(readEtwEventBatches(source, options));
}

async function* readEtwEventBatches(source: EtwSource, options: ReadEtwEventsOptions): AsyncGenerator<readonly EtwEvent[], void, undefined> {
  const problems: EtwProblem[] = [];
  let count = 0;
  const onProblem =
    options.onProblem ??
    ((problem: EtwProblem): void => {
      if (count++ < KEPT_PROBLEMS) problems.push(problem);
    });
  const { format, chunks } = await sniffChunks(sourceChunks(source));
  if (format.kind === 'etl') yield* readEtlEventBatches(chunks, { onProblem });
  else yield* readXmlEventBatches(chunks, format, onProblem);
  if (count > 0) throw new EtwDamagedInputError(problems, count);
}

type KnownFormat = Extract<SniffedFormat, { kind: 'etl' | 'xml' }>;

// Reads chunks until the head tells the format, then hands back every chunk, the head first.
async function sniffChunks(source: AsyncIterable<Uint8Array>): Promise<{ format: KnownFormat; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  let done = false;
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) done = true;
      else head = concat(head, next.value);
      const format = sniffFormat(head, done);
      if (format.kind === 'other') throw new EtwFormatError(format.looksLike);
      if (format.kind !== 'undecided') return { format, chunks: replay(head, iterator, done) };
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
}

async function* replay(head: Uint8Array, rest: AsyncIterator<Uint8Array>, done: boolean): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    if (head.length > 0) yield head;
    while (!done) {
      const next = await rest.next();
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    // Stopping early (a consumer's `break`) closes the file or stream under the source.
    await rest.return?.();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
