import { Attributes, HrTime, Link, SpanContext, SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { EtwFieldValue } from '../event.js';
import type { EtwSpan, EtwSpanEvent } from './types.js';

/** The instrumentation scope of every imported span: `opentelemetry-propagator-e2eactivity/etw`. */
export const ETW_IMPORT_SCOPE: InstrumentationScope = { name: 'opentelemetry-propagator-e2eactivity/etw' };

/** Attribute set on a span whose request or activity never finished in the input. */
export const END_NOT_SEEN_ATTRIBUTE = 'windows.etw.end_not_seen';

/** What a span is made of, before it becomes an {@link EtwSpan}. */
export interface SpanDraft {
  name: string;
  kind: SpanKind;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  /** The parent was recorded by another process (a Node.js client span). */
  parentIsRemote?: boolean;
  startNs: bigint;
  endNs: bigint;
  error?: string;
  attributes: Attributes;
  events: EtwSpanEvent[];
  /** Events left out beyond the cap. */
  droppedEvents?: number;
  links: Link[];
  resource: Resource;
}

const NS_PER_SECOND = 1_000_000_000n;
const MINUS = 0x2d;

/** A `timeUnixNano` (or nanoseconds) as the SDK's `[seconds, nanoseconds]`. */
export function hrTimeOf(ns: bigint): HrTime {
  return [Number(ns / NS_PER_SECOND), Number(ns % NS_PER_SECOND)];
}

/**
 * An event's `timeUnixNano` (decimal digits) as `[seconds, nanoseconds]`, read digit by digit: no BigInt
 * arithmetic and no sliced strings for every span event of a large capture (the seconds stay below
 * 2^53, so the sums are exact).
 */
export function hrTimeOfText(timeUnixNano: string): HrTime {
  // Before 1970 (a damaged reading, an odd XML date) the text has a sign: rare, so BigInt.
  if (timeUnixNano.charCodeAt(0) === MINUS) return hrTimeOf(BigInt(timeUnixNano));
  const split = timeUnixNano.length - 9;
  let seconds = 0;
  let nanos = 0;
  for (let i = 0; i < timeUnixNano.length; i++) {
    const digit = timeUnixNano.charCodeAt(i) - 48;
    if (i < split) seconds = seconds * 10 + digit;
    else nanos = nanos * 10 + digit;
  }
  return [seconds, nanos];
}

/**
 * A deterministic, non-zero span id (16 hex digits) for a key: importing the same file twice gives the
 * same ids, so a backend keeps one copy. Two 32-bit FNV-1a hashes with different offsets; collisions
 * matter only within one trace.
 */
export function spanIdOf(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  const id = hex32(a) + hex32(b);
  return id === '0000000000000000' ? '0000000000000001' : id;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

// A table of byte digits: `toString(16).padStart(8, '0')` cost twice the hash itself, once per span.
function hex32(x: number): string {
  return HEX_BYTES[x >>> 24] + HEX_BYTES[(x >>> 16) & 0xff] + HEX_BYTES[(x >>> 8) & 0xff] + HEX_BYTES[x & 0xff];
}

/** The sampled span context of a span in a trace. */
export function contextOf(traceId: string, spanId: string, isRemote = false): SpanContext {
  return { traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote };
}

/**
 * An event's fields as span-event attributes: the record itself, not a copy (its values are strings,
 * numbers and Booleans, and the reader hands out a fresh object per event), to spare an allocation per
 * event of a large capture.
 */
export function fieldAttributes(fields: Readonly<Record<string, EtwFieldValue>>): Attributes {
  return fields;
}

const resources = new Map<string, Resource>();

/** One Resource per (service, host), so exporters group the spans of a service under one resource. */
export function resourceOf(serviceName: string, hostName: string | undefined): Resource {
  const key = `${serviceName}\u0000${hostName ?? ''}`;
  let resource = resources.get(key);
  if (resource === undefined) {
    const attributes: Attributes = { 'service.name': serviceName };
    if (hostName !== undefined && hostName !== '') attributes['host.name'] = hostName;
    resource = resourceFromAttributes(attributes);
    // Bounded: one entry per service and machine in the inputs, a handful in practice.
    if (resources.size < 1024) resources.set(key, resource);
  }
  return resource;
}

function byTime(a: EtwSpanEvent, b: EtwSpanEvent): number {
  return a.time[0] - b.time[0] || a.time[1] - b.time[1];
}

/**
 * The events in time order. Almost always they already are: then checking is cheaper than `sort`, which
 * copies the array into a work area for every span.
 */
function inTimeOrder(events: EtwSpanEvent[]): EtwSpanEvent[] {
  for (let i = 1; i < events.length; i++) if (byTime(events[i - 1], events[i]) > 0) return events.sort(byTime);
  return events;
}

/** The finished span, as exporters take it. */
export function toEtwSpan(draft: SpanDraft): EtwSpan {
  const context = contextOf(draft.traceId, draft.spanId);
  const endNs = draft.endNs < draft.startNs ? draft.startNs : draft.endNs;
  const span: EtwSpan = {
    name: draft.name,
    kind: draft.kind,
    spanContext: () => context,
    startTime: hrTimeOf(draft.startNs),
    endTime: hrTimeOf(endNs),
    duration: hrTimeOf(endNs - draft.startNs),
    status:
      draft.error === undefined
        ? { code: SpanStatusCode.UNSET }
        : { code: SpanStatusCode.ERROR, message: draft.error },
    attributes: draft.attributes,
    links: draft.links,
    // Per-CPU buffers hand events over out of time order (within about a second).
    events: inTimeOrder(draft.events),
    ended: true,
    resource: draft.resource,
    instrumentationScope: ETW_IMPORT_SCOPE,
    droppedAttributesCount: 0,
    droppedEventsCount: draft.droppedEvents ?? 0,
    droppedLinksCount: 0,
  };
  return draft.parentSpanId === undefined
    ? span
    : { ...span, parentSpanContext: contextOf(draft.traceId, draft.parentSpanId, draft.parentIsRemote === true) };
}
