import { createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import { E2EActivityPropagator, getE2EActivityId, setE2EActivityId } from '../src/index.js';
import { SPEC } from './support/vectors.js';

describe('getE2EActivityId / setE2EActivityId', () => {
  it('stores a GUID and reads it back, normalized to the lowercase D form', () => {
    const context = setE2EActivityId(ROOT_CONTEXT, `{${SPEC.guid.toUpperCase()}}`);
    expect(getE2EActivityId(context)).toBe(SPEC.guid);
  });

  it('returns undefined when the context carries no activity', () => {
    expect(getE2EActivityId(ROOT_CONTEXT)).toBeUndefined();
  });

  it.each(['', 'not a guid', '00000000-0000-0000-0000-000000000000', '1EQPEKzH3EWY95dMBk1h3Q==\r\nX: y'])(
    'leaves the context as it was for %j',
    (guid) => {
      expect(setE2EActivityId(ROOT_CONTEXT, guid)).toBe(ROOT_CONTEXT);
    }
  );

  it('does not change the context it was given', () => {
    setE2EActivityId(ROOT_CONTEXT, SPEC.guid);
    expect(getE2EActivityId(ROOT_CONTEXT)).toBeUndefined();
  });

  it('is what inject forwards', () => {
    const carrier: Record<string, string> = {};
    new E2EActivityPropagator({ generate: 'none' }).inject(setE2EActivityId(ROOT_CONTEXT, SPEC.guid), carrier, {
      set: (c, k, v) => (c[k] = v),
    });
    expect(carrier).toEqual({ e2eactivity: SPEC.header });
  });

  describe('a value stored by another copy of this package (the other module format)', () => {
    // createContextKey uses Symbol.for, so another copy's key is this same key.
    const sharedKey = createContextKey('OpenTelemetry Context Key E2EACTIVITY');

    it('is read through its id', () => {
      const context = ROOT_CONTEXT.setValue(sharedKey, { id: SPEC.guid.toUpperCase(), header: SPEC.header });
      expect(getE2EActivityId(context)).toBe(SPEC.guid);
    });

    it('cannot smuggle a header: the header is rebuilt from the id', () => {
      const context = ROOT_CONTEXT.setValue(sharedKey, { id: SPEC.guid, header: 'x\r\nX-Evil: 1' });
      const carrier: Record<string, string> = {};
      new E2EActivityPropagator().inject(context, carrier, { set: (c, k, v) => (c[k] = v) });
      expect(carrier).toEqual({ e2eactivity: SPEC.header });
    });

    it.each([null, 'a string', { id: 'not a guid' }, { id: 7 }])('ignores %j', (value) => {
      expect(getE2EActivityId(ROOT_CONTEXT.setValue(sharedKey, value))).toBeUndefined();
    });
  });
});
