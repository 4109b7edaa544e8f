import type { EtwSpan } from '../../etw/spans/index.js';
import { loadOptional } from './load-optional.js';

type Transformer = typeof import('@opentelemetry/otlp-transformer');

/**
 * Encodes spans as one line of OTLP JSON, without its newline: an `ExportTraceServiceRequest` with hex
 * trace and span ids and times as decimal strings, as the OTLP specification's JSON mapping and the
 * Collector's `otlpjsonfile` receiver read it (one request per line), as UTF-8 bytes. The official
 * `JsonTraceSerializer` does the encoding; the caller writes {@link NEWLINE} after it rather than this
 * copying a line's megabytes to append one byte.
 */
export function otlpJsonLine(spans: EtwSpan[]): Uint8Array {
  const { JsonTraceSerializer } = loadOptional<Transformer>('@opentelemetry/otlp-transformer', 'OTLP JSON output');
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  if (bytes === undefined) throw new Error('JsonTraceSerializer gave no output');
  return bytes;
}

/** The line end after each {@link otlpJsonLine}. */
export const NEWLINE = new Uint8Array([0x0a]);
