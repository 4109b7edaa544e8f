import type { Attributes, HrTime, Link, SpanContext, SpanKind, SpanStatus } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';

/** An event of a span, as `@opentelemetry/sdk-trace` keeps it (`TimedEvent`). */
export interface EtwSpanEvent {
  readonly name: string;
  readonly time: HrTime;
  readonly attributes: Attributes;
  readonly droppedAttributesCount: number;
}

/**
 * A finished span made from ETW events, in the shape of `ReadableSpan` of `@opentelemetry/sdk-trace`
 * (the same on the 2.x and 3.x lines), so the official exporters and `JsonTraceSerializer` take it as it
 * is. Ids and times come from the events, not from a tracer.
 */
export interface EtwSpan {
  readonly name: string;
  readonly kind: SpanKind;
  readonly spanContext: () => SpanContext;
  /** The parent, absent for a root span. */
  readonly parentSpanContext?: SpanContext;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly duration: HrTime;
  readonly status: SpanStatus;
  readonly attributes: Attributes;
  readonly links: Link[];
  readonly events: EtwSpanEvent[];
  readonly ended: boolean;
  readonly resource: Resource;
  readonly instrumentationScope: InstrumentationScope;
  readonly droppedAttributesCount: number;
  readonly droppedEventsCount: number;
  readonly droppedLinksCount: number;
}

/**
 * A span the import may hang a WCF service span under: a Node.js CLIENT span that sent the E2EActivity
 * header (it carries `e2eactivity.id`). A `ReadableSpan` of `@opentelemetry/sdk-trace` fits.
 */
export interface KnownSpan {
  readonly spanContext: () => Pick<SpanContext, 'traceId' | 'spanId'>;
  readonly kind: SpanKind;
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly attributes: Attributes;
}

/** Options of {@link importEtwSpans}. */
export interface ImportEtwSpansOptions {
  /** `service.name` of every span; by default `http.sys` for Http.sys and the WCF HostReference for WCF. */
  readonly serviceName?: string;
  /**
   * How long (ms of trace time) a request or activity stays open after its last event; after that it
   * is closed and written. Events must come in time order up to this much. Default 60000.
   */
  readonly horizonMs?: number;
  /**
   * Node.js CLIENT spans that called WCF services with E2EActivity: the WCF service span of the same
   * trace becomes their child (the one whose time contains the WCF receive, when there are several).
   */
  readonly knownSpans?: Iterable<KnownSpan>;
}

/** What an import saw and wrote; its fields grow while the spans are read. */
export interface EtwImportSummary {
  /** Events read. */
  events: number;
  /** Http.sys requests (one span each). */
  requests: number;
  /** Http.sys requests joined to a WCF activity by the heuristic (unique match). */
  matchedRequests: number;
  /** Http.sys requests left in a trace of their own (no or several candidates). */
  unmatchedRequests: number;
  /** Http.sys requests with several candidates, not joined (their spans link to the candidates). */
  ambiguousRequests: number;
  /** WCF activities (GUID and process). */
  activities: number;
  /** Spans written. */
  spans: number;
  /** Requests and activities whose end was not in the input. */
  unfinished: number;
  /** Events of neither provider, or of neither role, skipped. */
  skippedEvents: number;
  /**
   * Events older than the horizon when they came (behind the latest time seen): their request or
   * activity may have been closed already and split. More than 0 asks for a longer horizon.
   */
  lateEvents: number;
}
