import { OTLPTraceExporter as OTLPHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPHttpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { ConfigWarning, EnvSource, listFromEnv, warnDiagAndStderr } from './warn.js';

/** The `OTEL_TRACES_EXPORTER` values {@link spanProcessorsFromEnv} understands. */
export const TRACE_EXPORTER_NAMES = ['otlp', 'console', 'none'] as const;

/** The OTLP protocols {@link spanProcessorsFromEnv} understands; `http/protobuf` is the default. */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;

/**
 * The span processors that `NodeSDK` would build from `OTEL_TRACES_EXPORTER` (default `otlp`), which it
 * skips as soon as it is given `spanProcessors`, as it must be to take
 * {@link opentelemetry-propagator-e2eactivity!E2EActivitySpanProcessor}.
 *
 * `otlp` is a `BatchSpanProcessor` (honouring `OTEL_BSP_*`) around the OTLP HTTP exporter for
 * `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL`: `http/protobuf` (default) or
 * `http/json`; `grpc` is not supported here and falls back to `http/protobuf` with a warning. The exporter
 * itself reads the endpoint, headers, timeout and compression from `process.env`, as under `NodeSDK`.
 * `console` is a `SimpleSpanProcessor` around the `ConsoleSpanExporter`; `none` alone gives no processor.
 */
export function spanProcessorsFromEnv(env: EnvSource, warn: ConfigWarning = warnDiagAndStderr): SpanProcessor[] {
  const names = [...new Set(listFromEnv(env.OTEL_TRACES_EXPORTER))];
  if (names.includes('none')) {
    if (names.length > 1) warn(`OTEL_TRACES_EXPORTER: "none" ignores the other entries (${names.join(', ')}).`);
    return [];
  }
  const processors: SpanProcessor[] = [];
  for (const name of names.length === 0 ? ['otlp'] : names) {
    if (name === 'otlp') processors.push(batchProcessor(otlpExporter(env, warn), env, warn));
    else if (name === 'console') processors.push(new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() }));
    else warn(`OTEL_TRACES_EXPORTER: unknown exporter "${name}" ignored; accepted: ${TRACE_EXPORTER_NAMES.join(', ')}.`);
  }
  return processors;
}

/** The OTLP HTTP exporter for the configured protocol; reads its endpoint from `process.env` itself. */
export function otlpExporter(env: EnvSource, warn: ConfigWarning = warnDiagAndStderr): SpanExporter {
  const variable = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim()
    ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'
    : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = env[variable]?.trim().toLowerCase() || 'http/protobuf';
  if (protocol === 'http/json') return new OTLPHttpJsonExporter();
  if (protocol !== 'http/protobuf') {
    warn(`${variable}: protocol "${protocol}" is not supported here; accepted: ${OTLP_PROTOCOLS.join(', ')}. Using http/protobuf.`);
  }
  return new OTLPHttpProtoExporter();
}

/** A BatchSpanProcessor with the `OTEL_BSP_*` settings; it does not read them itself. */
export function batchProcessor(exporter: SpanExporter, env: EnvSource, warn: ConfigWarning = warnDiagAndStderr): SpanProcessor {
  return new BatchSpanProcessor({
    exporter,
    maxQueueSize: positive(env, 'OTEL_BSP_MAX_QUEUE_SIZE', warn),
    maxExportBatchSize: positive(env, 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE', warn),
    scheduledDelayMillis: positive(env, 'OTEL_BSP_SCHEDULE_DELAY', warn),
    exportTimeoutMillis: positive(env, 'OTEL_BSP_EXPORT_TIMEOUT', warn),
  });
}

function positive(env: EnvSource, name: string, warn: ConfigWarning): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (Number.isFinite(value) && value > 0) return value;
  warn(`${name}: invalid value "${text}" ignored; expected a number greater than 0. Using the default.`);
  return undefined;
}
