import {
  Context,
  defaultTextMapGetter,
  propagation,
  ROOT_CONTEXT,
  SpanContext,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import { E2E_ACTIVITY_BAGGAGE_KEY, E2EActivityPropagator, getE2EActivityId } from '../../src/index.js';
import { Headers, recordGetter } from '../support/carriers.js';
import { INVALID_HEADERS, SPEC, VECTORS } from '../support/vectors.js';

const TRACE_ID = '100f44d4c7ac45dc98f7974c064d61dd';

function extract(headers: Headers, propagator = new E2EActivityPropagator(), context: Context = ROOT_CONTEXT): Context {
  return propagator.extract(context, headers, recordGetter);
}

describe('E2EActivityPropagator.extract', () => {
  describe('finding the header', () => {
    it.each(VECTORS)('reads e2eactivity as Node.js hands it in ($source)', ({ header, guid }) => {
      expect(getE2EActivityId(extract({ e2eactivity: header }))).toBe(guid);
    });

    it('reads E2EActivity as WCF writes it', () => {
      expect(getE2EActivityId(extract({ E2EActivity: SPEC.header }))).toBe(SPEC.guid);
    });

    it('prefers e2eactivity when a carrier has both casings', () => {
      const context = extract({ e2eactivity: SPEC.header, E2EActivity: VECTORS[1].header });
      expect(getE2EActivityId(context)).toBe(SPEC.guid);
    });

    it('ignores other casings by default', () => {
      expect(extract({ E2EACTIVITY: SPEC.header })).toBe(ROOT_CONTEXT);
    });

    it.each(['E2EACTIVITY', 'e2eActivity', 'E2eactivity'])('finds %s with matchAnyHeaderCase', (name) => {
      const propagator = new E2EActivityPropagator({ matchAnyHeaderCase: true });
      expect(getE2EActivityId(extract({ other: 'x', [name]: SPEC.header }, propagator))).toBe(SPEC.guid);
    });

    it('with matchAnyHeaderCase still returns the context unchanged when no key matches', () => {
      const propagator = new E2EActivityPropagator({ matchAnyHeaderCase: true });
      expect(extract({ traceparent: 'x', e2eactivityx: SPEC.header }, propagator)).toBe(ROOT_CONTEXT);
    });

    it('with matchAnyHeaderCase skips keys that are not strings', () => {
      const propagator = new E2EActivityPropagator({ matchAnyHeaderCase: true });
      const getter = { get: () => undefined, keys: () => [7 as unknown as string] };
      expect(propagator.extract(ROOT_CONTEXT, {}, getter)).toBe(ROOT_CONTEXT);
    });
  });

  describe('several values', () => {
    it('takes the first element of a string[]', () => {
      expect(getE2EActivityId(extract({ e2eactivity: [SPEC.header, VECTORS[1].header] }))).toBe(SPEC.guid);
    });

    it('takes only the first element of a string[], even when it is invalid', () => {
      expect(extract({ e2eactivity: ['bad', SPEC.header] })).toBe(ROOT_CONTEXT);
    });

    it('takes the first item of a value Node.js joined from duplicate headers', () => {
      const joined = `${SPEC.header}, ${VECTORS[1].header}`;
      expect(getE2EActivityId(extract({ e2eactivity: joined }))).toBe(SPEC.guid);
    });

    it('does not skip an empty first item', () => {
      expect(extract({ e2eactivity: `, ${SPEC.header}` })).toBe(ROOT_CONTEXT);
    });

    it('ignores an empty string[]', () => {
      expect(extract({ e2eactivity: [] })).toBe(ROOT_CONTEXT);
    });
  });

  describe('invalid values leave the context as it was', () => {
    it.each(INVALID_HEADERS)('%s', (_why, value) => {
      const context = ROOT_CONTEXT.setValue(Symbol('other'), 1);
      expect(extract({ e2eactivity: value as string }, new E2EActivityPropagator(), context)).toBe(context);
    });

    it('an absent header', () => {
      expect(extract({ traceparent: '00-...' })).toBe(ROOT_CONTEXT);
    });
  });

  describe('bad getter responses and carriers', () => {
    const propagator = new E2EActivityPropagator({ matchAnyHeaderCase: true });

    it.each([
      ['a number', 42],
      ['an object', { toString: () => SPEC.header }],
      ['an array of numbers', [1, 2]],
      ['null', null],
      ['a function', () => SPEC.header],
    ])('returns the context unchanged when the getter returns %s', (_what, value) => {
      const getter = { get: () => value as string, keys: () => [] };
      expect(propagator.extract(ROOT_CONTEXT, {}, getter)).toBe(ROOT_CONTEXT);
    });

    it('survives a getter that throws', () => {
      const getter = {
        get: (): string => {
          throw new Error('boom');
        },
        keys: () => [],
      };
      expect(propagator.extract(ROOT_CONTEXT, {}, getter)).toBe(ROOT_CONTEXT);
    });

    it('survives keys() that throws', () => {
      const getter = {
        get: () => undefined,
        keys: (): string[] => {
          throw new Error('boom');
        },
      };
      expect(propagator.extract(ROOT_CONTEXT, {}, getter)).toBe(ROOT_CONTEXT);
    });

    it.each([null, undefined, 42, 'headers'])('survives the carrier %j with the default getter', (carrier) => {
      expect(propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter)).toBe(ROOT_CONTEXT);
    });
  });

  describe('baggage', () => {
    it('adds the GUID under e2eactivity.id by default', () => {
      const baggage = propagation.getBaggage(extract({ e2eactivity: SPEC.header }));
      expect(baggage?.getEntry(E2E_ACTIVITY_BAGGAGE_KEY)?.value).toBe(SPEC.guid);
    });

    it('merges with the baggage already in the context', () => {
      const before = propagation.setBaggage(
        ROOT_CONTEXT,
        propagation.createBaggage({ tenant: { value: 'blue' }, [E2E_ACTIVITY_BAGGAGE_KEY]: { value: 'old' } })
      );
      const baggage = propagation.getBaggage(extract({ e2eactivity: SPEC.header }, new E2EActivityPropagator(), before));
      expect(Object.fromEntries(baggage?.getAllEntries().map(([k, v]) => [k, v.value]) ?? [])).toEqual({
        tenant: 'blue',
        [E2E_ACTIVITY_BAGGAGE_KEY]: SPEC.guid,
      });
      expect(propagation.getBaggage(before)?.getEntry(E2E_ACTIVITY_BAGGAGE_KEY)?.value).toBe('old');
    });

    it('uses a custom baggageKey', () => {
      const baggage = propagation.getBaggage(
        extract({ e2eactivity: SPEC.header }, new E2EActivityPropagator({ baggageKey: 'wcf.activity' }))
      );
      expect(baggage?.getAllEntries().map(([key]) => key)).toEqual(['wcf.activity']);
    });

    it('leaves baggage alone with baggageKey: false', () => {
      const context = extract({ e2eactivity: SPEC.header }, new E2EActivityPropagator({ baggageKey: false }));
      expect(getE2EActivityId(context)).toBe(SPEC.guid);
      expect(propagation.getBaggage(context)).toBeUndefined();
    });
  });

  describe('adoptTraceId', () => {
    const adopting = new E2EActivityPropagator({ adoptTraceId: true });

    it('is off by default', () => {
      expect(trace.getSpanContext(extract({ e2eactivity: SPEC.header }))).toBeUndefined();
    });

    it('sets a remote, sampled span context whose trace id is the GUID hex', () => {
      expect(trace.getSpanContext(extract({ e2eactivity: SPEC.header }, adopting))).toEqual({
        traceId: TRACE_ID,
        spanId: TRACE_ID.slice(16),
        traceFlags: TraceFlags.SAMPLED,
        isRemote: true,
      });
    });

    it('takes the high half of the trace id as span id when the low half is zero', () => {
      // 12345678-9abc-def0-0000-000000000000 as WCF sends it.
      const context = extract({ e2eactivity: 'eFY0Erya8N4AAAAAAAAAAA==' }, adopting);
      expect(trace.getSpanContext(context)).toMatchObject({
        traceId: '123456789abcdef00000000000000000',
        spanId: '123456789abcdef0',
      });
    });

    it('keeps a valid span context already extracted (traceparent wins)', () => {
      const parent: SpanContext = {
        traceId: 'a'.repeat(32),
        spanId: 'b'.repeat(16),
        traceFlags: TraceFlags.NONE,
        isRemote: true,
      };
      const context = extract({ e2eactivity: SPEC.header }, adopting, trace.setSpanContext(ROOT_CONTEXT, parent));
      expect(trace.getSpanContext(context)).toEqual(parent);
      expect(getE2EActivityId(context)).toBe(SPEC.guid);
    });

    it('replaces an invalid span context', () => {
      const invalid = { traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 };
      const context = extract({ e2eactivity: SPEC.header }, adopting, trace.setSpanContext(ROOT_CONTEXT, invalid));
      expect(trace.getSpanContext(context)?.traceId).toBe(TRACE_ID);
    });

    it('does nothing without a valid header', () => {
      expect(extract({ e2eactivity: 'bad' }, adopting)).toBe(ROOT_CONTEXT);
    });
  });
});
