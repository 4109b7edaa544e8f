import type { EtwSpan } from '../../etw/spans/index.js';
import { loadOptional } from './load-optional.js';

type Transformer = typeof import('@opentelemetry/otlp-transformer');

/**
 * Encodes spans as one line of OTLP JSON: an `ExportTraceServiceRequest` with hex trace and span ids and
 * times as decimal strings, as the OTLP specification's JSON mapping and the Collector's `otlpjsonfile`
 * receiver read it (one request per line), as UTF-8 bytes. The official `JsonTraceSerializer` does the
 * encoding.
 */
export function otlpJsonLine(spans: readonly EtwSpan[]): Uint8Array {
  const { JsonTraceSerializer } = loadOptional<Transformer>('@opentelemetry/otlp-transformer', 'OTLP JSON output');
  const bytes = JsonTraceSerializer.serializeRequest([...spans]);
  if (bytes === undefined) throw new Error('JsonTraceSerializer gave no output');
  const line = new Uint8Array(bytes.length + 1);
  line.set(bytes);
  line[bytes.length] = NEWLINE;
  return line;
}

const NEWLINE = 0x0a;
