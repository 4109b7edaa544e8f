import { SpanKind } from '@opentelemetry/api';
import { E2E_ACTIVITY_ATTRIBUTE } from '../../constants.js';
import type { KnownSpan } from './types.js';

interface Window {
  readonly spanId: string;
  readonly startNs: bigint;
  readonly endNs: bigint;
}

/** The Node.js parent of a WCF service span in a trace, if it can be known. */
export type NodeParentOf = (traceId: string, recvNs: bigint | undefined) => string | undefined;

/**
 * Finds, for a WCF service span, the Node.js CLIENT span that called it: in the same trace, a CLIENT span
 * that sent the E2EActivity header (it carries `e2eactivity.id`); when there are several, the innermost of
 * those whose time contains the WCF receive (a call made while serving a call the caller made). Nothing
 * when that leaves none, or calls that overlap without one inside the other.
 */
export function nodeParentFinder(knownSpans: Iterable<KnownSpan> | undefined): NodeParentOf {
  const byTrace = new Map<string, Window[]>();
  for (const span of knownSpans ?? []) {
    if (span.kind !== SpanKind.CLIENT || span.attributes[E2E_ACTIVITY_ATTRIBUTE] === undefined) continue;
    const { traceId, spanId } = span.spanContext();
    const windows = byTrace.get(traceId) ?? [];
    windows.push({ spanId, startNs: nsOf(span.startTime), endNs: nsOf(span.endTime) });
    byTrace.set(traceId, windows);
  }
  return (traceId, recvNs) => {
    const windows = byTrace.get(traceId);
    if (windows === undefined) return undefined;
    if (windows.length === 1) return windows[0].spanId;
    if (recvNs === undefined) return undefined;
    return innermost(windows.filter((w) => w.startNs <= recvNs && recvNs <= w.endNs));
  };
}

function innermost(containing: readonly Window[]): string | undefined {
  let inner: Window | undefined;
  for (const w of containing) if (inner === undefined || w.startNs > inner.startNs) inner = w;
  if (inner === undefined) return undefined;
  const chosen = inner;
  return containing.every((w) => w.startNs <= chosen.startNs && chosen.endNs <= w.endNs) ? chosen.spanId : undefined;
}

function nsOf(time: readonly [number, number]): bigint {
  return BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
}
