import type { Attributes, HrTime, Link, SpanContext, SpanKind, SpanStatus } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';

/** An event of a span, as `@opentelemetry/sdk-trace` keeps it (`TimedEvent`). */
export interface EtwSpanEvent {
  /** The event's name as the reader gives it (`Deliver`, `FastResp`), or `event <id>`. */
  readonly name: string;
  /** When the event was logged. */
  readonly time: HrTime;
  /** The event's payload fields, by name. */
  readonly attributes: Attributes;
  /** Always 0: every field is kept. */
  readonly droppedAttributesCount: number;
}

/**
 * A finished span made from ETW events, in the shape of `ReadableSpan` of `@opentelemetry/sdk-trace`
 * (the same on the 2.x and 3.x lines), so the official exporters and `JsonTraceSerializer` take it as it
 * is. Ids and times come from the events, not from a tracer.
 */
export interface EtwSpan {
  /** The HTTP method of an Http.sys request, `WCF <operation>`, the operation's MethodName, or `<Contract>/<method>`. */
  readonly name: string;
  /** SERVER (Http.sys request, WCF message), INTERNAL (WCF operation) or CLIENT (WCF client call). */
  readonly kind: SpanKind;
  /** Trace id (the GUID's digits, or the Http.sys request activity's) and the span's own id. */
  readonly spanContext: () => SpanContext;
  /** The parent, absent for a root span. */
  readonly parentSpanContext?: SpanContext;
  /** The first event of the span (RecvReq, the WCF receive, the client's ClientOperationPrepared). */
  readonly startTime: HrTime;
  /** The last send, DispatchStop or ServiceChannelCallStop; else the last event. */
  readonly endTime: HrTime;
  /** `endTime - startTime`. */
  readonly duration: HrTime;
  /** ERROR on the failure events, with what they said; otherwise UNSET. */
  readonly status: SpanStatus;
  /** HTTP semantic conventions, `windows.httpsys.*`, `windows.wcf.*`, `windows.etw.*`, `e2eactivity.id`. */
  readonly attributes: Attributes;
  /** For an ambiguous Http.sys match: the candidate WCF message spans. */
  readonly links: Link[];
  /** The other events of the request or message, with their fields, in time order. */
  readonly events: EtwSpanEvent[];
  /** Always true. */
  readonly ended: boolean;
  /** `service.name` and `host.name`. */
  readonly resource: Resource;
  /** `opentelemetry-propagator-e2eactivity/etw` (ETW_IMPORT_SCOPE). */
  readonly instrumentationScope: InstrumentationScope;
  /** Always 0. */
  readonly droppedAttributesCount: number;
  /** Span events left out beyond 128 per span. */
  readonly droppedEventsCount: number;
  /** Always 0. */
  readonly droppedLinksCount: number;
}

/**
 * A span the import may hang a WCF service span under: a Node.js CLIENT span that sent the E2EActivity
 * header (it carries `e2eactivity.id`). A `ReadableSpan` of `@opentelemetry/sdk-trace` fits.
 */
export interface KnownSpan {
  /** Its trace and span id. */
  readonly spanContext: () => Pick<SpanContext, 'traceId' | 'spanId'>;
  /** Only CLIENT spans are used. */
  readonly kind: SpanKind;
  /** When the call started. */
  readonly startTime: HrTime;
  /** When the call ended. */
  readonly endTime: HrTime;
  /** Only spans with `e2eactivity.id` are used. */
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
