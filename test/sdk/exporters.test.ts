import { OTLPTraceExporter as OTLPHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPHttpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace';
import { batchProcessor, otlpExporter, spanProcessorsFromEnv } from '../../src/sdk/exporters.js';

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

describe('spanProcessorsFromEnv', () => {
  it('defaults to OTLP over http/protobuf in a batch processor', () => {
    const processors = spanProcessorsFromEnv({}, collect().warn);
    expect(processors).toHaveLength(1);
    expect(processors[0]).toBeInstanceOf(BatchSpanProcessor);
    expect(internals(processors[0])._exporter).toBeInstanceOf(OTLPHttpProtoExporter);
    return Promise.all(processors.map((p) => p.shutdown()));
  });

  it('builds console and otlp, each once, in the order given', async () => {
    const { warn, messages } = collect();
    const processors = spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'Console, otlp,console' }, warn);
    expect(processors.map((p) => p.constructor)).toEqual([SimpleSpanProcessor, BatchSpanProcessor]);
    expect(internals(processors[0])._exporter).toBeInstanceOf(ConsoleSpanExporter);
    expect(messages).toEqual([]);
    await Promise.all(processors.map((p) => p.shutdown()));
  });

  it('gives nothing for none, and says so when none hides other entries', () => {
    const { warn, messages } = collect();
    expect(spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'none' }, warn)).toEqual([]);
    expect(messages).toEqual([]);
    expect(spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'otlp,none' }, warn)).toEqual([]);
    expect(messages).toEqual(['OTEL_TRACES_EXPORTER: "none" ignores the other entries (otlp, none).']);
  });

  it('warns about an unknown exporter and keeps the others', async () => {
    const { warn, messages } = collect();
    const processors = spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin,console' }, warn);
    expect(processors).toHaveLength(1);
    expect(messages).toEqual(['OTEL_TRACES_EXPORTER: unknown exporter "zipkin" ignored; accepted: otlp, console, none.']);
    await processors[0].shutdown();
  });
});

describe('otlpExporter', () => {
  it('needs no warning function', async () => {
    const processors = spanProcessorsFromEnv({ OTEL_TRACES_EXPORTER: 'otlp' });
    expect(internals(processors[0])._exporter).toBeInstanceOf(OTLPHttpProtoExporter);
    await Promise.all(processors.map((p) => p.shutdown()));
  });

  it.each([
    [{}, OTLPHttpProtoExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }, OTLPHttpJsonExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: ' HTTP/JSON ' }, OTLPHttpJsonExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' }, OTLPHttpProtoExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' }, OTLPHttpJsonExporter],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: '' }, OTLPHttpJsonExporter],
  ])('picks the exporter for %p', async (env, type) => {
    const { warn, messages } = collect();
    const exporter = otlpExporter(env, warn);
    expect(exporter).toBeInstanceOf(type);
    expect(messages).toEqual([]);
    await exporter.shutdown();
  });

  it('falls back to http/protobuf for grpc and says so', async () => {
    const { warn, messages } = collect();
    const exporter = otlpExporter({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' }, warn);
    expect(exporter).toBeInstanceOf(OTLPHttpProtoExporter);
    expect(messages).toEqual([
      'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocol "grpc" is not supported here; accepted: http/protobuf, http/json. Using http/protobuf.',
    ]);
    await exporter.shutdown();
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
});

// Real OTLP export (protocol and endpoint variables on the wire) is in register.test.ts: the exporters load
// node:http with a dynamic import, which Jest's module system does not run.
