// MergedBaggage (src/baggage.ts) defers `base.setEntry(key, { value })` for speed; these tests hold it to
// exactly what that call returns, for every method, against the API's own baggage.
import {
  Baggage,
  baggageEntryMetadataFromString,
  Context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
  ROOT_CONTEXT,
} from '@opentelemetry/api';
import { W3CBaggagePropagator } from '@opentelemetry/core';
import fc from 'fast-check';
import { MergedBaggage, mergeIntoBaggage } from '../../src/baggage.js';
import { E2EActivityPropagator } from '../../src/index.js';
import { propertyRuns } from '../support/runs.js';

const KEY = 'e2eactivity.id';
const ID = '100f44d4-c7ac-45dc-98f7-974c064d61dd';

/** A context with the given baggage entries, or none at all. */
function contextWith(entries: Record<string, string> | undefined): Context {
  if (entries === undefined) return ROOT_CONTEXT;
  const baggage = propagation.createBaggage(Object.fromEntries(Object.entries(entries).map(([k, value]) => [k, { value }])));
  return propagation.setBaggage(ROOT_CONTEXT, baggage);
}

/** What the package did before MergedBaggage, and what it must still be equivalent to. */
function reference(context: Context): Baggage {
  return (propagation.getBaggage(context) ?? propagation.createBaggage()).setEntry(KEY, { value: ID });
}

function merged(context: Context): Baggage {
  const baggage = propagation.getBaggage(mergeIntoBaggage(context, KEY, ID));
  expect(baggage).toBeInstanceOf(MergedBaggage);
  return baggage as Baggage;
}

const BASES: [string, Record<string, string> | undefined][] = [
  ['no baggage', undefined],
  ['empty baggage', {}],
  ['other entries', { userId: 'alice', tenant: 'acme' }],
  ['an older value under the same key, first', { [KEY]: 'old', userId: 'alice' }],
];

describe.each(BASES)('MergedBaggage over %s', (_, entries) => {
  const context = contextWith(entries);

  it('getAllEntries: the same entries in the same order', () => {
    expect(merged(context).getAllEntries()).toEqual(reference(context).getAllEntries());
  });

  it('getEntry: ours, the others, and a missing key', () => {
    const baggage = merged(context);
    for (const key of [KEY, 'userId', 'tenant', 'missing']) expect(baggage.getEntry(key)).toEqual(reference(context).getEntry(key));
  });

  it('getEntry returns a copy, before and after the real baggage is built', () => {
    const baggage = merged(context);
    (baggage.getEntry(KEY) as { value: string }).value = 'changed';
    expect(baggage.getEntry(KEY)).toEqual({ value: ID });
    baggage.getAllEntries();
    (baggage.getEntry(KEY) as { value: string }).value = 'changed';
    expect(baggage.getEntry(KEY)).toEqual({ value: ID });
  });

  it('setEntry, removeEntry, removeEntries, clear: new baggage, this one unchanged', () => {
    const baggage = merged(context);
    const before = baggage.getAllEntries();
    const metadata = baggageEntryMetadataFromString('m=1');
    expect(baggage.setEntry('added', { value: 'v', metadata }).getAllEntries()).toEqual(
      reference(context).setEntry('added', { value: 'v', metadata }).getAllEntries()
    );
    expect(baggage.setEntry(KEY, { value: 'other' }).getEntry(KEY)).toEqual({ value: 'other' });
    expect(baggage.removeEntry(KEY).getAllEntries()).toEqual(reference(context).removeEntry(KEY).getAllEntries());
    expect(baggage.removeEntries(KEY, 'userId').getAllEntries()).toEqual(reference(context).removeEntries(KEY, 'userId').getAllEntries());
    expect(baggage.clear().getAllEntries()).toEqual([]);
    expect(baggage.getAllEntries()).toEqual(before);
  });

  it('derived baggage is built once: every call reads the same real baggage', () => {
    const baggage = merged(context);
    expect(baggage.getAllEntries()).toEqual(baggage.getAllEntries());
    expect(baggage.removeEntry('missing').getAllEntries()).toEqual(baggage.getAllEntries());
  });

  it('the W3C baggage propagator injects every entry', () => {
    const sent: Record<string, string> = {};
    const expected: Record<string, string> = {};
    const propagator = new W3CBaggagePropagator();
    propagator.inject(mergeIntoBaggage(context, KEY, ID), sent, defaultTextMapSetter);
    propagator.inject(propagation.setBaggage(ROOT_CONTEXT, reference(context)), expected, defaultTextMapSetter);
    expect(sent).toEqual(expected);
    expect(sent.baggage).toContain(`${KEY}=${ID}`);
  });
});

describe('mergeIntoBaggage', () => {
  it('leaves the context it was given unchanged', () => {
    const context = contextWith({ userId: 'alice' });
    mergeIntoBaggage(context, KEY, ID);
    expect(propagation.getBaggage(context)?.getAllEntries()).toEqual([['userId', { value: 'alice' }]]);
  });

  it('stacks: merging into merged baggage keeps every entry', () => {
    const once = mergeIntoBaggage(contextWith({ userId: 'alice' }), KEY, ID);
    const twice = mergeIntoBaggage(once, 'second', 'x');
    expect(propagation.getBaggage(twice)?.getAllEntries()).toEqual([
      ['userId', { value: 'alice' }],
      [KEY, { value: ID }],
      ['second', { value: 'x' }],
    ]);
    expect(propagation.getBaggage(twice)?.getEntry(KEY)).toEqual({ value: ID });
  });

  it('equals the API for any entries and any key (property)', () => {
    const entries = fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 6 });
    fc.assert(
      fc.property(fc.option(entries, { nil: undefined }), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (base, key, probe) => {
        const context = contextWith(base);
        const ours = propagation.getBaggage(mergeIntoBaggage(context, key, ID)) as Baggage;
        const api = (propagation.getBaggage(context) ?? propagation.createBaggage()).setEntry(key, { value: ID });
        expect(ours.getEntry(probe)).toEqual(api.getEntry(probe));
        expect(ours.getAllEntries()).toEqual(api.getAllEntries());
        expect(ours.getEntry(probe)).toEqual(api.getEntry(probe));
      }),
      { numRuns: propertyRuns(2000) }
    );
  });
});

/** How many MergedBaggage objects hang off `root`, through own properties, Map keys and Map values. */
function reachableMergedBaggage(root: unknown): number {
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  let count = 0;
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof MergedBaggage) count++;
    if (value instanceof Map) for (const [k, v] of value) pending.push(k, v);
    else pending.push(...Object.values(value));
  }
  return count;
}

// Regression: a consumer that extracts message after message into one running context used to build a
// chain, one MergedBaggage per extract, each holding the context before it: 20,000 extracts kept 12 MB
// alive and getEntry, getAllEntries and W3C baggage inject overflowed the stack.
describe('re-extracting into a context that already carries merged baggage', () => {
  const headers = ['1EQPEKzH3EWY95dMBk1h3Q==', 'GWABtfYCDEu4hxOZR7sWGQ=='];

  it('keeps one MergedBaggage over the base after 25,000 extracts, and every read works', () => {
    const propagator = new E2EActivityPropagator();
    let context = contextWith({ userId: 'alice' });
    for (let i = 0; i < 25000; i++) {
      context = propagator.extract(context, { e2eactivity: headers[i % 2] }, defaultTextMapGetter);
    }
    expect(reachableMergedBaggage(context)).toBe(1);
    const baggage = propagation.getBaggage(context) as Baggage;
    expect(baggage.getEntry(KEY)).toEqual({ value: 'b5016019-02f6-4b0c-b887-139947bb1619' });
    expect(baggage.getEntry('userId')).toEqual({ value: 'alice' });
    expect(baggage.getAllEntries()).toEqual([
      ['userId', { value: 'alice' }],
      [KEY, { value: 'b5016019-02f6-4b0c-b887-139947bb1619' }],
    ]);
    const sent: Record<string, string> = {};
    new W3CBaggagePropagator().inject(context, sent, defaultTextMapSetter);
    expect(sent).toEqual({ baggage: `userId=alice,${KEY}=b5016019-02f6-4b0c-b887-139947bb1619` });
  });

  it('stays flat whatever is merged, read or derived in between, and equals the API (property)', () => {
    const step = fc.record({ key: fc.constantFrom(KEY, 'other', 'third'), value: fc.constantFrom('a', 'b'), read: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        let context = contextWith({ userId: 'alice' });
        let api = propagation.getBaggage(context) as Baggage;
        for (const { key, value, read } of steps) {
          context = mergeIntoBaggage(context, key, value);
          api = api.setEntry(key, { value });
          if (read) propagation.getBaggage(context)?.getAllEntries();
          expect(reachableMergedBaggage(context)).toBe(1);
        }
        const ours = propagation.getBaggage(context) as Baggage;
        for (const key of [KEY, 'other', 'third', 'userId']) expect(ours.getEntry(key)).toEqual(api.getEntry(key));
        expect(ours.getAllEntries()).toEqual(api.getAllEntries());
      }),
      { numRuns: propertyRuns(1000) }
    );
  });
});
