import { Context, propagation, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import {
  decodeE2EActivity,
  E2E_ACTIVITY_ATTRIBUTE,
  E2E_ACTIVITY_HEADER,
  E2EActivityGenerate,
  E2EActivityPropagator,
  E2EActivityPropagatorOptions,
  setE2EActivityId,
} from '../../src/index.js';
import { Headers, recordGetter, recordSetter } from '../support/carriers.js';
import { createTestTracing, TestTracing } from '../support/tracing.js';
import { SPEC, VECTORS } from '../support/vectors.js';

const CANONICAL = /^[A-Za-z0-9+/]{22}==$/;
const TRACE_ID = '100f44d4c7ac45dc98f7974c064d61dd';
const SPAN_CONTEXT = { traceId: TRACE_ID, spanId: '1234567890abcdef', traceFlags: TraceFlags.SAMPLED };

function inject(context: Context, options?: E2EActivityPropagatorOptions): Headers {
  const carrier: Headers = {};
  new E2EActivityPropagator(options).inject(context, carrier, recordSetter);
  return carrier;
}

function withBaggage(value: string, key = 'e2eactivity.id'): Context {
  return propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage({ [key]: { value } }));
}

describe('E2EActivityPropagator.inject', () => {
  describe('the activity to send', () => {
    it('forwards an extracted activity unchanged', () => {
      for (const { header } of VECTORS) {
        const propagator = new E2EActivityPropagator();
        const context = propagator.extract(ROOT_CONTEXT, { e2eactivity: ` ${header} ` }, recordGetter);
        expect(inject(context)).toEqual({ e2eactivity: header });
      }
    });

    it('prefers the context activity over baggage and the trace id', () => {
      const context = setE2EActivityId(trace.setSpanContext(withBaggage(VECTORS[1].guid), SPAN_CONTEXT), SPEC.guid);
      expect(inject(context)).toEqual({ e2eactivity: SPEC.header });
    });

    it('falls back to a valid GUID in the baggage entry, in any GUID form', () => {
      expect(inject(withBaggage(`{${VECTORS[1].guid.toUpperCase()}}`))).toEqual({ e2eactivity: VECTORS[1].header });
    });

    it('reads a custom baggageKey', () => {
      expect(inject(withBaggage(SPEC.guid, 'wcf.activity'), { baggageKey: 'wcf.activity' })).toEqual({
        e2eactivity: SPEC.header,
      });
    });

    it('ignores baggage with baggageKey: false', () => {
      expect(inject(withBaggage(SPEC.guid), { baggageKey: false, generate: 'none' })).toEqual({});
    });

    it.each([
      ['CR/LF', `${SPEC.guid}\r\nX-Evil: 1`],
      ['a huge string', 'a'.repeat(100_000)],
      ['a non-GUID', 'hello'],
      ['the base64 form', SPEC.header],
      ['Guid.Empty', '00000000-0000-0000-0000-000000000000'],
    ])('never lets hostile baggage (%s) reach the wire', (_what, value) => {
      expect(inject(withBaggage(value), { generate: 'none' })).toEqual({});
      const generated = inject(trace.setSpanContext(withBaggage(value), SPAN_CONTEXT));
      expect(generated).toEqual({ e2eactivity: SPEC.header });
    });
  });

  describe('generate', () => {
    it("'trace-id' (default) sends the GUID of the span context's trace id", () => {
      expect(inject(trace.setSpanContext(ROOT_CONTEXT, SPAN_CONTEXT))).toEqual({ e2eactivity: SPEC.header });
    });

    it("'trace-id' sends nothing without a valid span context", () => {
      expect(inject(ROOT_CONTEXT)).toEqual({});
      const invalid = { ...SPAN_CONTEXT, traceId: '0'.repeat(32) };
      expect(inject(trace.setSpanContext(ROOT_CONTEXT, invalid))).toEqual({});
    });

    it("'random' sends a fresh version 4 GUID for every message", () => {
      const headers = Array.from({ length: 50 }, () => inject(ROOT_CONTEXT, { generate: 'random' }).e2eactivity);
      expect(new Set(headers).size).toBe(50);
      for (const header of headers) {
        expect(header).toMatch(CANONICAL);
        expect(decodeE2EActivity(header)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    });

    it("'random' still forwards an existing activity", () => {
      expect(inject(setE2EActivityId(ROOT_CONTEXT, SPEC.guid), { generate: 'random' })).toEqual({
        e2eactivity: SPEC.header,
      });
    });

    it("'none' sends nothing when there is nothing to forward", () => {
      expect(inject(trace.setSpanContext(ROOT_CONTEXT, SPAN_CONTEXT), { generate: 'none' })).toEqual({});
    });
  });

  describe('writing', () => {
    it('writes nothing when tracing is suppressed', () => {
      expect(inject(suppressTracing(setE2EActivityId(ROOT_CONTEXT, SPEC.guid)))).toEqual({});
    });

    it('writes exactly one header, named e2eactivity', () => {
      const carrier: Headers = { traceparent: 'x' };
      new E2EActivityPropagator().inject(setE2EActivityId(ROOT_CONTEXT, SPEC.guid), carrier, recordSetter);
      expect(carrier).toEqual({ traceparent: 'x', e2eactivity: SPEC.header });
    });

    it('survives a setter that throws', () => {
      const setter = {
        set: () => {
          throw new Error('read-only headers');
        },
      };
      expect(() => new E2EActivityPropagator().inject(setE2EActivityId(ROOT_CONTEXT, SPEC.guid), {}, setter)).not.toThrow();
    });
  });

  describe('the span in the context', () => {
    let tracing: TestTracing;
    beforeEach(() => {
      tracing = createTestTracing({ processor: false });
    });
    afterEach(() => tracing.teardown());

    function injectFromClientSpan(
      context: Context,
      options?: E2EActivityPropagatorOptions,
      setter = recordSetter
    ): Record<string, unknown> {
      const span = tracing.provider.getTracer('test').startSpan('client', { kind: SpanKind.CLIENT }, context);
      new E2EActivityPropagator(options).inject(trace.setSpan(context, span), {}, setter);
      span.end();
      return tracing.exporter.getFinishedSpans()[0].attributes;
    }

    it.each<[E2EActivityGenerate, Context]>([
      ['none', setE2EActivityId(ROOT_CONTEXT, SPEC.guid)],
      ['none', withBaggage(SPEC.guid)],
      ['trace-id', trace.setSpanContext(ROOT_CONTEXT, SPAN_CONTEXT)],
    ])('gets e2eactivity.id with the GUID sent (generate %s)', (generate, context) => {
      expect(injectFromClientSpan(context, { generate })).toEqual({ [E2E_ACTIVITY_ATTRIBUTE]: SPEC.guid });
    });

    it('gets the random GUID that was actually sent', () => {
      const span = tracing.provider.getTracer('test').startSpan('client');
      const carrier: Headers = {};
      const propagator = new E2EActivityPropagator({ generate: 'random' });
      propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, recordSetter);
      span.end();
      const attribute = tracing.exporter.getFinishedSpans()[0].attributes[E2E_ACTIVITY_ATTRIBUTE];
      expect(carrier.e2eactivity).toMatch(CANONICAL);
      expect(attribute).toBe(decodeE2EActivity(carrier.e2eactivity));
    });

    it('uses a custom spanAttribute', () => {
      expect(injectFromClientSpan(setE2EActivityId(ROOT_CONTEXT, SPEC.guid), { spanAttribute: 'wcf.activity' })).toEqual({
        'wcf.activity': SPEC.guid,
      });
    });

    it('sets no attribute with spanAttribute: false', () => {
      expect(injectFromClientSpan(setE2EActivityId(ROOT_CONTEXT, SPEC.guid), { spanAttribute: false })).toEqual({});
    });

    it('sets no attribute when nothing was sent', () => {
      const failing = { set: () => { throw new Error('no'); } };
      expect(injectFromClientSpan(setE2EActivityId(ROOT_CONTEXT, SPEC.guid), {}, failing)).toEqual({});
      tracing.exporter.reset();
      expect(injectFromClientSpan(ROOT_CONTEXT, { generate: 'none' })).toEqual({});
    });

    it('leaves a non-recording span alone', () => {
      const span = trace.wrapSpanContext({ ...SPAN_CONTEXT, isRemote: true });
      const setAttribute = jest.spyOn(span, 'setAttribute');
      new E2EActivityPropagator().inject(trace.setSpan(ROOT_CONTEXT, span), {}, recordSetter);
      expect(setAttribute).not.toHaveBeenCalled();
    });
  });
});

describe('E2EActivityPropagator.fields', () => {
  it("returns ['e2eactivity']", () => {
    expect(new E2EActivityPropagator().fields()).toEqual([E2E_ACTIVITY_HEADER]);
    expect(E2E_ACTIVITY_HEADER).toBe('e2eactivity');
  });

  it('returns a copy the caller may change', () => {
    const propagator = new E2EActivityPropagator();
    propagator.fields().push('x');
    expect(propagator.fields()).toEqual(['e2eactivity']);
  });
});

describe('E2EActivityPropagator options', () => {
  it.each<[string, E2EActivityPropagatorOptions]>([
    ['an unknown generate mode', { generate: 'sometimes' as E2EActivityGenerate }],
    ['an empty baggageKey', { baggageKey: '' }],
    ['a non-string baggageKey', { baggageKey: true as unknown as string }],
    ['an empty spanAttribute', { spanAttribute: '' }],
  ])('rejects %s with a RangeError', (_what, options) => {
    expect(() => new E2EActivityPropagator(options)).toThrow(RangeError);
  });
});
