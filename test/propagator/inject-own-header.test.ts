// An E2EActivity header the application put on the request itself wins: inject leaves it as it is and
// writes nothing next to it, on every kind of carrier it can read. (fetch is handled where undici builds
// the request: test/propagator/fetch-own-header.test.ts and test/e2e/own-header.test.ts.)
import { Context, ROOT_CONTEXT, TextMapSetter, trace } from '@opentelemetry/api';
import { E2E_ACTIVITY_ATTRIBUTE, E2EActivityPropagator, setE2EActivityId } from '../../src/index.js';
import { recordSetter } from '../support/carriers.js';
import { createTestTracing, TestTracing } from '../support/tracing.js';
import { SPEC, VECTORS } from '../support/vectors.js';

const CONTEXT = setE2EActivityId(ROOT_CONTEXT, SPEC.guid);
const APP = VECTORS[1];

const headersSetter: TextMapSetter<Headers> = { set: (carrier, key, value) => carrier.set(key, value) };
const mapSetter: TextMapSetter<Map<string, string>> = { set: (carrier, key, value) => carrier.set(key, value) };

describe('inject with an E2EActivity header the application set', () => {
  it.each(['E2EActivity', 'e2eactivity', 'E2EACTIVITY', 'e2eActivity'])('leaves a plain object with %s as it is', (name) => {
    const carrier: Record<string, unknown> = { traceparent: 'x', [name]: APP.header };
    new E2EActivityPropagator().inject(CONTEXT, carrier, recordSetter);
    expect(carrier).toEqual({ traceparent: 'x', [name]: APP.header });
  });

  it('keeps a value that is not canonical too, and an array of values: the application chose them', () => {
    for (const value of ['not-base64', [APP.header, 'x']]) {
      const carrier: Record<string, unknown> = { E2EActivity: value };
      new E2EActivityPropagator().inject(CONTEXT, carrier, recordSetter);
      expect(carrier).toEqual({ E2EActivity: value });
    }
  });

  it('writes its own when the key is there with the value undefined (Node.js would not send it)', () => {
    const carrier: Record<string, unknown> = { E2EActivity: undefined };
    new E2EActivityPropagator().inject(CONTEXT, carrier, recordSetter);
    expect(carrier).toEqual({ E2EActivity: undefined, e2eactivity: SPEC.header });
  });

  it('leaves a WHATWG Headers carrier with the header as it is, and writes into one without', () => {
    const own = new Headers({ E2EActivity: APP.header });
    new E2EActivityPropagator().inject(CONTEXT, own, headersSetter);
    expect([...own]).toEqual([['e2eactivity', APP.header]]);
    const empty = new Headers({ accept: '*/*' });
    new E2EActivityPropagator().inject(CONTEXT, empty, headersSetter);
    expect(empty.get('e2eactivity')).toBe(SPEC.header);
  });

  it('finds the header in a Map carrier under any casing', () => {
    const carrier = new Map([['E2EActivity', APP.header]]);
    new E2EActivityPropagator().inject(CONTEXT, carrier, mapSetter);
    expect([...carrier]).toEqual([['E2EActivity', APP.header]]);
  });

  it('treats a carrier that throws while listed as one without the header', () => {
    const carrier = {
      keys: () => {
        throw new Error('no');
      },
      get: () => undefined,
      written: '',
    };
    const setter: TextMapSetter<typeof carrier> = { set: (c, _key, value) => void (c.written = value) };
    new E2EActivityPropagator().inject(CONTEXT, carrier, setter);
    expect(carrier.written).toBe(SPEC.header);
  });

  describe('the client span', () => {
    let tracing: TestTracing;
    beforeEach(() => {
      tracing = createTestTracing({ processor: false });
    });
    afterEach(() => tracing.teardown());

    function attributesAfter(context: Context, carrier: object): Record<string, unknown> {
      const span = tracing.provider.getTracer('test').startSpan('client', {}, context);
      new E2EActivityPropagator().inject(trace.setSpan(context, span), carrier, recordSetter);
      span.end();
      return tracing.exporter.getFinishedSpans()[0].attributes;
    }

    it("gets the application's GUID, the one on the wire", () => {
      expect(attributesAfter(CONTEXT, { E2EActivity: ` ${APP.header} ` })).toEqual({ [E2E_ACTIVITY_ATTRIBUTE]: APP.guid });
    });

    it('gets no GUID when the application sent something that is not one', () => {
      expect(attributesAfter(CONTEXT, { E2EActivity: 'not-base64' })).toEqual({});
      tracing.exporter.reset();
      expect(attributesAfter(CONTEXT, { E2EActivity: 5 })).toEqual({});
    });
  });
});
