import type { EtwEvent } from '../event.js';
import { nodeParentFinder } from './known-spans.js';
import { SpanJoiner } from './span-joiner.js';
import type { EtwImportSummary, EtwSpan, ImportEtwSpansOptions } from './types.js';

/** Default horizon: a request or activity with no event for a minute of trace time is closed. */
export const DEFAULT_HORIZON_MS = 60_000;

/** The spans of an import, as they close, and what the import saw so far. */
export interface EtwSpanImport extends AsyncIterable<EtwSpan> {
  /** Counts that grow while the spans are read; final once the iteration ends. */
  readonly summary: Readonly<EtwImportSummary>;
}

/**
 * Turns Http.sys and WCF events (in time order, as {@link mergeByTime} gives several captures) into
 * OpenTelemetry spans joined to their E2EActivity: WCF spans of activity G in trace `guidToTraceId(G)`;
 * the first client call of G with the span id `adoptTraceId` gives the Node.js side's remote parent; each
 * Http.sys request in the trace of the WCF message it delivered when exactly one matches by process, time
 * and URL, else in a trace of its own with links to the candidates. Memory is bounded by what is open
 * within `horizonMs`.
 *
 * @example
 * ```ts
 * const spans = importEtwSpans(readEtwEvents('e2e.etl'));
 * for await (const span of spans) exporter.export([span], () => {});
 * console.log(spans.summary);
 * ```
 */
export function importEtwSpans(
  events: AsyncIterable<EtwEvent> | Iterable<EtwEvent>,
  options: ImportEtwSpansOptions = {}
): EtwSpanImport {
  const horizonMs = options.horizonMs ?? DEFAULT_HORIZON_MS;
  if (!(horizonMs > 0) || !Number.isFinite(horizonMs)) throw new RangeError(`horizonMs must be a positive number; got ${horizonMs}`);
  const joiner = new SpanJoiner(BigInt(Math.ceil(horizonMs * 1e6)), nodeParentFinder(options.knownSpans), options.serviceName);
  return {
    summary: joiner.summary,
    async *[Symbol.asyncIterator]() {
      for await (const event of events) {
        const closed = joiner.add(event);
        for (let i = 0; i < closed.length; i++) yield closed[i];
      }
      yield* joiner.sweep(true);
    },
  };
}
