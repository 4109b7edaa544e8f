export { DEFAULT_HORIZON_MS, importEtwSpans } from './import-etw-spans.js';
export type { EtwSpanImport } from './import-etw-spans.js';
export { mergeByTime } from './merge-by-time.js';
export { HTTP_SYS_MATCH_ATTRIBUTE, HTTP_SYS_SERVICE_NAME } from './httpsys-span.js';
export { END_NOT_SEEN_ATTRIBUTE, ETW_IMPORT_SCOPE } from './span-data.js';
export type { EtwImportSummary, EtwSpan, EtwSpanEvent, ImportEtwSpansOptions, KnownSpan } from './types.js';
