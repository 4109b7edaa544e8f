import { OTLPTraceExporter as OTLPGrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as OTLPHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPHttpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace';
import { batchProcessor } from '../../src/sdk/batch.js';
import { otlpExporter, spanProcessorsFromEnv } from '../../src/sdk/exporters.js';

function collect(): { warn: (message: string) => void; messages: string[] } {
  const messages: string[] = [];
  return { warn: (message) => messages.push(message), messages };
}

// What a test reads of a processor: its exporter and the settings the OTEL_BSP_* variables give.
interface ProcessorInternals {
  _exporter: unknown;
  _maxQueueSize: number;
  _maxExportBatchSize: number;
  _scheduledDelayMillis: number;
  _exportTimeoutMillis: number;
}
const internals = (processor: SpanProcessor): ProcessorInternals => processor as unknown as ProcessorInternals;
const exporterTypes = (processors: SpanProcessor[]): unknown[] => processors.map((p) => (internals(p)._exporter as object).constructor);
const shutdown = (processors: SpanProcessor[]): Promise<unknown> => Promise.all(processors.map((p) => p.shutdown()));

describe('spanProcessorsFromEnv', () => {
  it('defaults to OTLP over http/protobuf in a batch processor', async () => {
    const processors = spanProcessorsFromEnv({}, collect().warn);
    expect(processors.map((p) => p.constructor)).toEqual([BatchSpanProcessor]);
    expect(exporterTypes(processors)).toEqual([OTLPHttpProtoExporter]);
    await shutdown(processors);
  });

  it('builds console, otlp and zipkin, each once, in the order given', async () => {
    const { warn, messages } = collect();
    const processors = spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'console, otlp,zipkin,console,null' }, warn);
    expect(processors.map((p) => p.constructor)).toEqual([SimpleSpanProcessor, BatchSpanProcessor, BatchSpanProcessor]);
    expect(exporterTypes(processors)).toEqual([ConsoleSpanExporter, OTLPHttpProtoExporter, ZipkinExporter]);
    expect(messages).toEqual([]);
    await shutdown(processors);
  });

  it('gives nothing for none first, as NodeSDK does', () => {
    const { warn, messages } = collect();
    expect(spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'none' }, warn)).toEqual([]);
    expect(spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'none,console' }, warn)).toEqual([]);
    expect(messages).toEqual([]);
  });

  it('reads none after other names as otlp, as NodeSDK does, and says so', async () => {
    const { warn, messages } = collect();
    const processors = spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'console,none' }, warn);
    expect(exporterTypes(processors)).toEqual([OTLPHttpProtoExporter]);
    expect(messages).toEqual(['OTEL_TRACES_EXPORTER: "none" together with other exporters (console, none) means otlp, as in NodeSDK.']);
    await shutdown(processors);
  });

  it('warns about an unknown exporter and keeps the others', async () => {
    const { warn, messages } = collect();
    const processors = spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'jaeger,console' }, warn);
    expect(processors).toHaveLength(1);
    expect(messages).toEqual(['OTEL_TRACES_EXPORTER: unknown exporter "jaeger" ignored; accepted: otlp, zipkin, console, none.']);
    await shutdown(processors);
  });

  it.each([
    ['zipkin', {}, '@opentelemetry/exporter-zipkin', 'OTEL_TRACES_EXPORTER=zipkin'],
    ['otlp', { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, '@opentelemetry/exporter-trace-otlp-grpc', 'OTLP over grpc'],
  ])('without its package, leaves %s out and says what to install', (name, env, packageName, what) => {
    const { warn, messages } = collect();
    expect(spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: name, ...env }, warn, () => undefined)).toEqual([]);
    expect(messages).toEqual([`${what} needs ${packageName}, which is not installed: npm install ${packageName}. No spans go to that exporter.`]);
  });
});

describe('otlpExporter', () => {
  it('needs no warning function', async () => {
    const processors = spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'otlp' });
    expect(exporterTypes(processors)).toEqual([OTLPHttpProtoExporter]);
    await shutdown(processors);
  });

  it.each([
    [{}, OTLPHttpProtoExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }, OTLPHttpJsonExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: ' http/json ' }, OTLPHttpJsonExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, OTLPGrpcExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' }, OTLPGrpcExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' }, OTLPHttpProtoExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' }, OTLPHttpJsonExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: '' }, OTLPHttpJsonExporter],
  ])('picks the exporter for %p', async (env, type) => {
    const { warn, messages } = collect();
    const exporter = otlpExporter(env, warn);
    expect(exporter).toBeInstanceOf(type);
    expect(messages).toEqual([]);
    await exporter?.shutdown();
  });

  it('falls back to http/protobuf for an unknown protocol and says so', async () => {
    const { warn, messages } = collect();
    const exporter = otlpExporter({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/xml' }, warn);
    expect(exporter).toBeInstanceOf(OTLPHttpProtoExporter);
    expect(messages).toEqual([
      'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: unsupported protocol "http/xml"; accepted: grpc, http/json, http/protobuf. Using http/protobuf, as NodeSDK does.',
    ]);
    await exporter?.shutdown();
  });
});

describe('batchProcessor', () => {
  it('takes the OTEL_BSP_* settings', async () => {
    const processor = batchProcessor(new ConsoleSpanExporter(), {
      OTEL_BSP_MAX_QUEUE_SIZE: '100',
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '10',
      OTEL_BSP_SCHEDULE_DELAY: '50',
      OTEL_BSP_EXPORT_TIMEOUT: '2000',
    });
    expect(internals(processor)).toMatchObject({
      _maxQueueSize: 100,
      _maxExportBatchSize: 10,
      _scheduledDelayMillis: 50,
      _exportTimeoutMillis: 2000,
    });
    await processor.shutdown();
  });

  it.each(['0', '-5', 'soon', 'Infinity'])('warns about OTEL_BSP_SCHEDULE_DELAY=%p and keeps the default', async (value) => {
    const { warn, messages } = collect();
    const processor = batchProcessor(new ConsoleSpanExporter(), { OTEL_BSP_SCHEDULE_DELAY: value, OTEL_BSP_MAX_QUEUE_SIZE: '' }, warn);
    expect(internals(processor)._scheduledDelayMillis).toBe(5000);
    expect(messages).toEqual([`OTEL_BSP_SCHEDULE_DELAY: invalid value "${value}" ignored; expected a number greater than 0. Using the default.`]);
    await processor.shutdown();
  });

  it('reads process.env by default', async () => {
    const processor = batchProcessor(new ConsoleSpanExporter());
    expect(internals(processor)._scheduledDelayMillis).toBe(5000);
    await processor.shutdown();
  });
});

// Real OTLP export (protocol and endpoint variables on the wire) is in the register tests: the exporters
// load node:http with a dynamic import, which Jest's module system does not run.
