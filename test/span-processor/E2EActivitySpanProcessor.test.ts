import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { SpanProcessor } from '@opentelemetry/sdk-trace';
import {
  E2E_ACTIVITY_ATTRIBUTE,
  E2EActivitySpanProcessor,
  E2EActivitySpanProcessorOptions,
  setE2EActivityId,
} from '../../src/index.js';
import { createTestTracing, TestTracing } from '../support/tracing.js';
import { SPEC, VECTORS } from '../support/vectors.js';

describe('E2EActivitySpanProcessor', () => {
  let tracing: TestTracing | undefined;
  afterEach(async () => {
    await tracing?.teardown();
    tracing = undefined;
  });

  /** Starts and ends one span per kind under `parent`; returns each span's attribute. */
  function attributesByKind(
    parent = setE2EActivityId(ROOT_CONTEXT, SPEC.guid),
    options?: E2EActivitySpanProcessorOptions
  ): Record<string, unknown> {
    tracing = createTestTracing({ processor: options });
    const tracer = tracing.provider.getTracer('test');
    for (const kind of [SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER]) {
      tracer.startSpan(SpanKind[kind], { kind }, parent).end();
    }
    return Object.fromEntries(
      tracing.exporter.getFinishedSpans().map((span) => [span.name, span.attributes[options?.attributeKey ?? E2E_ACTIVITY_ATTRIBUTE]])
    );
  }

  it('is a SpanProcessor of the SDK', () => {
    const processor: SpanProcessor = new E2EActivitySpanProcessor();
    expect(processor).toBeInstanceOf(E2EActivitySpanProcessor);
  });

  it('puts the activity of the parent context on every span by default', () => {
    expect(attributesByKind()).toEqual({
      INTERNAL: SPEC.guid,
      SERVER: SPEC.guid,
      CLIENT: SPEC.guid,
      PRODUCER: SPEC.guid,
      CONSUMER: SPEC.guid,
    });
  });

  it('reads the parent context argument, not context.active()', () => {
    tracing = createTestTracing({ global: true });
    const tracer = tracing.provider.getTracer('test');
    const active = setE2EActivityId(ROOT_CONTEXT, VECTORS[1].guid);
    context.with(active, () => {
      tracer.startSpan('explicit parent', {}, setE2EActivityId(ROOT_CONTEXT, SPEC.guid)).end();
      tracer.startSpan('active parent').end();
    });
    const [explicit, implicit] = tracing.exporter.getFinishedSpans();
    expect(explicit.attributes[E2E_ACTIVITY_ATTRIBUTE]).toBe(SPEC.guid);
    expect(implicit.attributes[E2E_ACTIVITY_ATTRIBUTE]).toBe(VECTORS[1].guid);
  });

  it('only tags the configured span kinds', () => {
    expect(attributesByKind(undefined, { spanKinds: [SpanKind.SERVER, SpanKind.CLIENT] })).toEqual({
      INTERNAL: undefined,
      SERVER: SPEC.guid,
      CLIENT: SPEC.guid,
      PRODUCER: undefined,
      CONSUMER: undefined,
    });
  });

  it('skips spans that do not say their kind when kinds are configured', () => {
    const processor = new E2EActivitySpanProcessor({ spanKinds: [SpanKind.SERVER] });
    const span = trace.wrapSpanContext({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 });
    const setAttribute = jest.spyOn(span, 'setAttribute');
    processor.onStart(span, setE2EActivityId(ROOT_CONTEXT, SPEC.guid));
    expect(setAttribute).not.toHaveBeenCalled();
  });

  it('uses a custom attributeKey', () => {
    expect(attributesByKind(undefined, { attributeKey: 'wcf.activity' }).SERVER).toBe(SPEC.guid);
  });

  describe('baggage fallback', () => {
    const withBaggage = (value: string, key = 'e2eactivity.id') =>
      propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage({ [key]: { value } }));

    it('reads the baggage entry when the context has no activity', () => {
      expect(attributesByKind(withBaggage(VECTORS[2].guid.toUpperCase())).SERVER).toBe(VECTORS[2].guid);
    });

    it('prefers the context activity over baggage', () => {
      const parent = setE2EActivityId(withBaggage(VECTORS[2].guid), SPEC.guid);
      expect(attributesByKind(parent).SERVER).toBe(SPEC.guid);
    });

    it('reads a custom baggageKey', () => {
      expect(attributesByKind(withBaggage(SPEC.guid, 'wcf'), { baggageKey: 'wcf' }).SERVER).toBe(SPEC.guid);
    });

    it('ignores baggage with baggageKey: false', () => {
      expect(attributesByKind(withBaggage(SPEC.guid), { baggageKey: false }).SERVER).toBeUndefined();
    });

    it.each(['not a guid', `${SPEC.guid}\r\n`.repeat(2), '00000000-0000-0000-0000-000000000000'])(
      'ignores an invalid baggage value %j',
      (value) => {
        expect(attributesByKind(withBaggage(value)).SERVER).toBeUndefined();
      }
    );
  });

  it('sets nothing when there is no activity', () => {
    expect(attributesByKind(ROOT_CONTEXT).SERVER).toBeUndefined();
  });

  it('has nothing to flush or shut down', async () => {
    const processor = new E2EActivitySpanProcessor();
    processor.onEnd();
    await expect(processor.forceFlush()).resolves.toBeUndefined();
    await expect(processor.shutdown()).resolves.toBeUndefined();
  });
});
