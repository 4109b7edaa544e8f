/**
 * Turns the Windows side of an end-to-end activity into OpenTelemetry spans: Http.sys requests and WCF
 * activities read by `opentelemetry-propagator-e2eactivity/etw`, joined to the trace of their E2EActivity
 * GUID, in the `ReadableSpan` shape the official exporters take. Its own entry, so that reading events
 * alone never loads `@opentelemetry/resources`.
 *
 * @module opentelemetry-propagator-e2eactivity/etw/spans
 */
export { DEFAULT_HORIZON_MS, importEtwSpans } from './import-etw-spans.js';
export type { EtwSpanImport } from './import-etw-spans.js';
export { mergeByTime } from './merge-by-time.js';
export type { EventSource } from './merge-by-time.js';
export { HTTP_SYS_MATCH_ATTRIBUTE, HTTP_SYS_SERVICE_NAME } from './httpsys-span.js';
export { END_NOT_SEEN_ATTRIBUTE, ETW_IMPORT_SCOPE } from './span-data.js';
export type { EtwImportSummary, EtwSpan, EtwSpanEvent, ImportEtwSpansOptions, KnownSpan } from './types.js';
