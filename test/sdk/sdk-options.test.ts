import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { CompositePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';
import { E2EActivitySpanProcessor } from '../../src/index.js';
import { e2eActivitySdkOptions } from '../../src/sdk/sdk-options.js';
import { InMemorySpanExporter, SimpleSpanProcessor } from '../support/tracing.js';

const GUID = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
const HEADER = '1EQPEKzH3EWY95dMBk1h3Q==';
const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

// What a server instrumentation does with an incoming request, and what a client one then sends.
function serveAndCallDownstream(headers: Record<string, string>): Record<string, string> {
  const extracted = propagation.extract(ROOT_CONTEXT, headers);
  const tracer = trace.getTracer('test');
  return tracer.startActiveSpan('GET /orders', { kind: SpanKind.SERVER }, extracted, (server) => {
    const outgoing: Record<string, string> = {};
    tracer.startActiveSpan('GET downstream', { kind: SpanKind.CLIENT }, (client) => {
      propagation.inject(context.active(), outgoing);
      client.end();
    });
    server.end();
    return outgoing;
  });
}

describe('e2eActivitySdkOptions with a real NodeSDK', () => {
  let sdk: NodeSDK | undefined;

  afterEach(async () => {
    await sdk?.shutdown();
    sdk = undefined;
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('records the GUID on server and client spans of one trace and forwards the header', async () => {
    const exporter = new InMemorySpanExporter();
    sdk = new NodeSDK({
      ...e2eActivitySdkOptions({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }),
      autoDetectResources: false,
    });
    sdk.start();

    const outgoing = serveAndCallDownstream({ e2eactivity: HEADER, traceparent: TRACEPARENT });
    expect(outgoing.e2eactivity).toBe(HEADER);
    expect(outgoing.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-/);
    expect(outgoing.baggage).toBe(`e2eactivity.id=${GUID}`);

    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['GET downstream', 'GET /orders']);
    for (const span of spans) {
      expect(span.attributes['e2eactivity.id']).toBe(GUID);
      expect(span.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    }
  });

  it('builds the composite W3C trace context, W3C baggage, then E2EActivity', () => {
    const options = e2eActivitySdkOptions({ spanProcessors: [] });
    expect(options.textMapPropagator).toBeInstanceOf(CompositePropagator);
    expect(options.textMapPropagator?.fields()).toEqual(['traceparent', 'tracestate', 'baggage', 'e2eactivity']);
    expect(options.spanProcessors).toHaveLength(1);
    expect(options.spanProcessors[0]).toBeInstanceOf(E2EActivitySpanProcessor);
  });

  it('passes propagator options and lets the span processor read the same baggage key', async () => {
    const exporter = new InMemorySpanExporter();
    sdk = new NodeSDK({
      ...e2eActivitySdkOptions({
        propagator: { baggageKey: 'wcf.activity', adoptTraceId: true },
        spanProcessor: { spanKinds: [SpanKind.SERVER] },
        spanProcessors: [new SimpleSpanProcessor({ exporter })],
      }),
      autoDetectResources: false,
    });
    sdk.start();

    // A service further down that received only W3C baggage still finds the activity there.
    const outgoing = serveAndCallDownstream({ baggage: `wcf.activity=${GUID}` });
    expect(outgoing.e2eactivity).toBe(HEADER);
    const [client, server] = exporter.getFinishedSpans();
    expect(server.attributes['e2eactivity.id']).toBe(GUID);
    // spanKinds keeps the processor off the client span; the propagator's inject still marks it.
    expect(client.attributes['e2eactivity.id']).toBe(GUID);

    exporter.reset();
    serveAndCallDownstream({ e2eactivity: HEADER });
    expect(exporter.getFinishedSpans()[1].spanContext().traceId).toBe('100f44d4c7ac45dc98f7974c064d61dd');
  });

  it('puts a traceExporter in a batch processor after the given processors', async () => {
    const mine = new SimpleSpanProcessor({ exporter: new InMemorySpanExporter() });
    const batched = new InMemorySpanExporter();
    const options = e2eActivitySdkOptions({ spanProcessors: [mine], traceExporter: batched, env: {} });
    expect(options.spanProcessors).toHaveLength(3);
    expect(options.spanProcessors[0]).toBeInstanceOf(E2EActivitySpanProcessor);
    expect(options.spanProcessors[1]).toBe(mine);
    expect(options.spanProcessors[2]).toBeInstanceOf(BatchSpanProcessor);

    sdk = new NodeSDK({ ...options, autoDetectResources: false });
    sdk.start();
    serveAndCallDownstream({ e2eactivity: HEADER });
    // Not shutdown: it would flush, then empty the in-memory exporter.
    await options.spanProcessors[2].forceFlush();
    expect(batched.getFinishedSpans().map((s) => s.attributes['e2eactivity.id'])).toEqual([GUID, GUID]);
  });

  it('reads OTEL_BSP_* for the traceExporter from process.env by default', async () => {
    const options = e2eActivitySdkOptions({ traceExporter: new InMemorySpanExporter() });
    expect((options.spanProcessors[1] as unknown as { _scheduledDelayMillis: number })._scheduledDelayMillis).toBe(5000);
    await options.spanProcessors[1].shutdown();
  });

  it('puts the given propagators before E2EActivity', () => {
    const options = e2eActivitySdkOptions({ propagators: [new W3CTraceContextPropagator()], spanProcessors: [] });
    expect(options.textMapPropagator.fields()).toEqual(['traceparent', 'tracestate', 'e2eactivity']);
  });

  it('warns, on stderr and in diag by default, when given no exporter and no span processor', () => {
    const warnings: string[] = [];
    const options = e2eActivitySdkOptions({ warn: (m) => warnings.push(m) });
    expect(options.spanProcessors.map((p) => p.constructor)).toEqual([E2EActivitySpanProcessor]);
    expect(warnings).toEqual(['e2eActivitySdkOptions: no traceExporter and no spanProcessors given, so no span is exported; pass one of them.']);
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      e2eActivitySdkOptions();
      expect(write).toHaveBeenCalledWith(expect.stringContaining('no traceExporter and no spanProcessors given'));
    } finally {
      write.mockRestore();
    }
  });
});
