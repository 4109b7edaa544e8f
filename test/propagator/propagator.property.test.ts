import { Context, defaultTextMapGetter, propagation, ROOT_CONTEXT, TextMapGetter, trace } from '@opentelemetry/api';
import fc from 'fast-check';
import { decodeE2EActivity, E2EActivityPropagator, E2EActivityPropagatorOptions, getE2EActivityId } from '../../src/index.js';
import { Headers, recordGetter, recordSetter } from '../support/carriers.js';
import { propertyRuns } from '../support/runs.js';

const CANONICAL = /^[A-Za-z0-9+/]{22}==$/;

const optionsArbitrary: fc.Arbitrary<E2EActivityPropagatorOptions> = fc.record(
  {
    baggageKey: fc.constantFrom<string | false>('e2eactivity.id', 'other', false),
    generate: fc.constantFrom('trace-id' as const, 'random' as const, 'none' as const),
    adoptTraceId: fc.boolean(),
    matchAnyHeaderCase: fc.boolean(),
  },
  { requiredKeys: [] }
);

/** A getter whose answers are anything at all: strings, arrays, objects, numbers, undefined. */
const shallowAnything = fc.anything({ maxDepth: 1, maxKeys: 3 });
const getterArbitrary: fc.Arbitrary<TextMapGetter> = fc
  .record({ get: fc.func(shallowAnything), keys: fc.func(fc.array(shallowAnything, { maxLength: 4 })) })
  .map(({ get, keys }) => ({ get: get as TextMapGetter['get'], keys: keys as TextMapGetter['keys'] }));

/** Header values near and far from valid, in every shape a getter may return. */
const headerValueArbitrary = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'AQgw+/=, \r\n-_'), maxLength: 30 }),
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.anything()
);

/** A context with an arbitrary baggage entry under our key and, sometimes, a span context. */
const contextArbitrary: fc.Arbitrary<Context> = fc
  .record({
    baggageValue: fc.option(fc.string({ maxLength: 200 })),
    traceId: fc.option(fc.stringMatching(/^[0-9a-f]{32}$/)),
  })
  .map(({ baggageValue, traceId }) => {
    let context = ROOT_CONTEXT;
    if (baggageValue !== null) {
      context = propagation.setBaggage(context, propagation.createBaggage({ 'e2eactivity.id': { value: baggageValue } }));
    }
    if (traceId !== null) context = trace.setSpanContext(context, { traceId, spanId: '1'.repeat(16), traceFlags: 1 });
    return context;
  });

describe('E2EActivityPropagator properties', () => {
  it('extract never throws with arbitrary carriers and getters', () => {
    fc.assert(
      fc.property(optionsArbitrary, shallowAnything, getterArbitrary, (options, carrier, getter) => {
        new E2EActivityPropagator(options).extract(ROOT_CONTEXT, carrier, getter);
      }),
      { numRuns: propertyRuns(10_000) }
    );
  });

  it('extract never throws with arbitrary carriers and the default getter', () => {
    fc.assert(
      fc.property(optionsArbitrary, fc.anything(), (options, carrier) => {
        new E2EActivityPropagator(options).extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
      }),
      { numRuns: propertyRuns(5_000) }
    );
  });

  it('extract keeps the context it was given unless the first value decodes', () => {
    fc.assert(
      fc.property(optionsArbitrary, headerValueArbitrary, (options, value) => {
        const context = new E2EActivityPropagator(options).extract(ROOT_CONTEXT, { e2eactivity: value }, recordGetter);
        const first = Array.isArray(value) ? (value as unknown[])[0] : value;
        const expected = typeof first === 'string' ? decodeE2EActivity(first.split(',')[0]) : undefined;
        return expected === undefined ? context === ROOT_CONTEXT : getE2EActivityId(context) === expected;
      }),
      { numRuns: propertyRuns(20_000) }
    );
  });

  it('inject never throws and only ever writes one canonical e2eactivity header', () => {
    fc.assert(
      fc.property(optionsArbitrary, contextArbitrary, headerValueArbitrary, (options, context, incoming) => {
        const propagator = new E2EActivityPropagator(options);
        const extracted = propagator.extract(context, { e2eactivity: incoming as string }, recordGetter);
        const carrier: Headers = {};
        propagator.inject(extracted, carrier, recordSetter);
        const keys = Object.keys(carrier);
        return keys.length === 0 || (keys.length === 1 && keys[0] === 'e2eactivity' && CANONICAL.test(String(carrier.e2eactivity)));
      }),
      { numRuns: propertyRuns(20_000) }
    );
  });

  it('inject never throws with an arbitrary carrier and setter', () => {
    fc.assert(
      fc.property(optionsArbitrary, contextArbitrary, fc.anything(), fc.func(fc.anything()), (options, context, carrier, set) => {
        new E2EActivityPropagator(options).inject(context, carrier, { set });
      }),
      { numRuns: propertyRuns(5_000) }
    );
  });
});
