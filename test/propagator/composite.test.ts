import { Context, propagation, ROOT_CONTEXT, SpanKind, TextMapPropagator, trace } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { E2E_ACTIVITY_ATTRIBUTE, E2EActivityPropagator, E2EActivityPropagatorOptions } from '../../src/index.js';
import { Headers, recordGetter, recordSetter } from '../support/carriers.js';
import { createTestTracing, TestTracing } from '../support/tracing.js';
import { SPEC } from '../support/vectors.js';

const TRACEPARENT_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACEPARENT_TRACE_ID}-00f067aa0ba902b7-01`;

type Order = 'documented' | 'reversed';

/** The documented order (W3C trace context, W3C baggage, then ours) or ours first. */
function composite(order: Order, options?: E2EActivityPropagatorOptions): TextMapPropagator {
  const w3c = [new W3CTraceContextPropagator(), new W3CBaggagePropagator()];
  const ours = new E2EActivityPropagator(options);
  return new CompositePropagator({ propagators: order === 'documented' ? [...w3c, ours] : [ours, ...w3c] });
}

function baggageOf(context: Context): Record<string, string> {
  return Object.fromEntries(propagation.getBaggage(context)?.getAllEntries().map(([k, v]) => [k, v.value]) ?? []);
}

describe('E2EActivityPropagator in a CompositePropagator with the W3C propagators', () => {
  let tracing: TestTracing;
  beforeEach(() => {
    tracing = createTestTracing();
  });
  afterEach(() => tracing.teardown());

  /**
   * One service hop through the real SDK: extract the incoming headers, start the server span, start a
   * client span under it and inject the outgoing headers. Returns what was exported and sent.
   */
  function serve(propagator: TextMapPropagator, incoming: Headers) {
    const extracted = propagator.extract(ROOT_CONTEXT, incoming, recordGetter);
    const tracer = tracing.provider.getTracer('test');
    const server = tracer.startSpan('server', { kind: SpanKind.SERVER }, extracted);
    const serverContext = trace.setSpan(extracted, server);
    const client = tracer.startSpan('client', { kind: SpanKind.CLIENT }, serverContext);
    const outgoing: Headers = {};
    propagator.inject(trace.setSpan(serverContext, client), outgoing, recordSetter);
    client.end();
    server.end();
    const [clientSpan, serverSpan] = tracing.exporter.getFinishedSpans();
    return { extracted, outgoing, serverSpan, clientSpan };
  }

  describe.each<Order>(['documented', 'reversed'])('in the %s order', (order) => {
    it('the activity reaches the span attributes and the outgoing E2EActivity header', () => {
      const { outgoing, serverSpan, clientSpan } = serve(composite(order), {
        traceparent: TRACEPARENT,
        baggage: 'tenant=blue',
        e2eactivity: SPEC.header,
      });
      expect(serverSpan.attributes[E2E_ACTIVITY_ATTRIBUTE]).toBe(SPEC.guid);
      expect(clientSpan.attributes[E2E_ACTIVITY_ATTRIBUTE]).toBe(SPEC.guid);
      expect(outgoing.e2eactivity).toBe(SPEC.header);
      expect(outgoing.traceparent).toMatch(new RegExp(`^00-${TRACEPARENT_TRACE_ID}-`));
    });

    it('traceparent wins over adoptTraceId', () => {
      const { serverSpan } = serve(composite(order, { adoptTraceId: true }), {
        traceparent: TRACEPARENT,
        e2eactivity: SPEC.header,
      });
      expect(serverSpan.spanContext().traceId).toBe(TRACEPARENT_TRACE_ID);
      expect(serverSpan.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    });

    it('adoptTraceId continues the GUID trace when there is no traceparent', () => {
      const { serverSpan, outgoing } = serve(composite(order, { adoptTraceId: true }), { e2eactivity: SPEC.header });
      expect(serverSpan.spanContext().traceId).toBe('100f44d4c7ac45dc98f7974c064d61dd');
      expect(outgoing.traceparent).toMatch(/^00-100f44d4c7ac45dc98f7974c064d61dd-[0-9a-f]{16}-01$/);
    });

    it('an invalid traceparent does not stop adoptTraceId', () => {
      const { serverSpan } = serve(composite(order, { adoptTraceId: true }), {
        traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
        e2eactivity: SPEC.header,
      });
      expect(serverSpan.spanContext().traceId).toBe('100f44d4c7ac45dc98f7974c064d61dd');
    });

    it('without an incoming baggage header, our entry is in the baggage sent on', () => {
      const { outgoing } = serve(composite(order), { e2eactivity: SPEC.header });
      expect(outgoing.baggage).toBe(`e2eactivity.id=${SPEC.guid}`);
    });
  });

  it('in the documented order, incoming baggage entries and ours both survive', () => {
    const { extracted, outgoing } = serve(composite('documented'), {
      baggage: 'tenant=blue,region=west',
      e2eactivity: SPEC.header,
    });
    expect(baggageOf(extracted)).toEqual({ tenant: 'blue', region: 'west', 'e2eactivity.id': SPEC.guid });
    expect(outgoing.baggage).toBe(`tenant=blue,region=west,e2eactivity.id=${SPEC.guid}`);
  });

  it('in the reversed order, W3C baggage replaces the baggage and our entry is lost (documented)', () => {
    const { extracted, outgoing, serverSpan } = serve(composite('reversed'), {
      baggage: 'tenant=blue',
      e2eactivity: SPEC.header,
    });
    expect(baggageOf(extracted)).toEqual({ tenant: 'blue' });
    expect(outgoing.baggage).toBe('tenant=blue');
    // The activity itself lives under its own context key and is not lost.
    expect(serverSpan.attributes[E2E_ACTIVITY_ATTRIBUTE]).toBe(SPEC.guid);
    expect(outgoing.e2eactivity).toBe(SPEC.header);
  });

  it('a downstream service that receives only traceparent and baggage still sees and re-emits the activity', () => {
    const upstream = serve(composite('documented'), { traceparent: TRACEPARENT, e2eactivity: SPEC.header });
    tracing.exporter.reset();
    const { traceparent, baggage } = upstream.outgoing;
    const downstream = serve(composite('documented', { generate: 'none' }), { traceparent, baggage });
    expect(downstream.serverSpan.attributes[E2E_ACTIVITY_ATTRIBUTE]).toBe(SPEC.guid);
    expect(downstream.outgoing.e2eactivity).toBe(SPEC.header);
  });

  it('fields() of the composite include e2eactivity', () => {
    expect(composite('documented').fields()).toEqual(['traceparent', 'tracestate', 'baggage', 'e2eactivity']);
  });
});
