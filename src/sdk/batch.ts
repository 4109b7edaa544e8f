/// <reference types="node" />
import { BatchSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import { ConfigWarning, EnvSource, warnDiagAndStderr } from './warn.js';

/**
 * A BatchSpanProcessor with the `OTEL_BSP_*` settings, as `NodeSDK` builds one around a `traceExporter`;
 * the processor does not read them itself.
 */
export function batchProcessor(exporter: SpanExporter, env: EnvSource = process.env, warn: ConfigWarning = warnDiagAndStderr): SpanProcessor {
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
