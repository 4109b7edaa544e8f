// Properties of the span import over arbitrary mixtures of Http.sys and WCF events (known and unknown ids,
// fields present, missing or odd, activities shared or not, times a little out of order): it never throws,
// every span is well formed, every parent it names is a span it wrote, and a second import gives the
// same spans.
import fc from 'fast-check';
import type { EtwEvent, EtwFieldValue } from '../../src/etw/event.js';
import { importEtwSpans, type EtwSpan } from '../../src/etw/spans/index.js';
import { etwEvent, nsAt } from '../support/etw-scenario.js';

const RUNS = Number(process.env.E2E_FUZZ_RUNS ?? 150);
const GUIDS = ['100f44d4-c7ac-45dc-98f7-974c064d61dd', '80000146-0000-fe00-b63f-84710c7967bb', '80000148-0000-fe00-0000-000000000000', '00000000-0000-0000-0000-000000000000', '00000100-0000-0003-193d-42fb30bbcb01'];
const REQUEST_IDS = ['0xFE00000080000146', '0xFE00000080000148', '0x1'];
const URLS = ['http://web01:80/Stock/StockService.svc', 'http://web01/Stock/StockService.svc/GetStock', 'http://[::1]:8080/', 'not a url', '/Stock'];
const HTTP_IDS = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 21, 22, 23, 24, 51, 52, 64, 65, 99];
const WCF_IDS = [205, 214, 215, 216, 217, 218, 221, 222, 223, 499, 513, 709, 712, 3310, 3311, 1];

const value: fc.Arbitrary<EtwFieldValue> = fc.oneof(fc.constantFrom(...URLS, ...REQUEST_IDS, '', 'GET', '4', '10.0.0.7:5012', '[::1]:80', 'x:y', 'GetStock', 'IStock', '/Stock/StockService.svc', '~/StockService.svc'), fc.integer({ min: 0, max: 600 }), fc.boolean());
const FIELD_NAMES = ['RequestId', 'ConnectionId', 'Url', 'HttpVerb', 'StatusCode', 'HttpStatus', 'Verb', 'RemoteAddr', 'SiteId', 'RequestQueueName', 'ListenAddress', 'VirtualPath', 'HostReference', 'MethodName', 'Action', 'ContractName', 'Destination', 'OperationName', 'Duration', 'Reason', 'Status'];
const fields = fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: 6 });

const step = fc.record({
  http: fc.boolean(),
  index: fc.nat(),
  activity: fc.constantFrom(...GUIDS),
  related: fc.option(fc.constantFrom(...GUIDS), { nil: undefined }),
  pid: fc.constantFrom(4, 2200, 3120),
  deltaMs: fc.integer({ min: -20, max: 40_000 }),
  fields,
  other: fc.boolean(),
});

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function eventsOf(steps: readonly Step[]): EtwEvent[] {
  let ms = 0;
  return steps.map((s) => {
    ms = Math.max(0, ms + s.deltaMs);
    const id = s.http ? HTTP_IDS[s.index % HTTP_IDS.length] : WCF_IDS[s.index % WCF_IDS.length];
    const event = etwEvent({ provider: s.http ? 'httpsys' : 'wcf', id, name: s.index % 7 === 0 ? '' : `E${id}`, ns: nsAt('2026-11-25T10:00:00.000Z', ms), pid: s.pid, activityId: s.activity, relatedActivityId: s.related, computer: s.pid === 3120 ? 'CLIENT01' : undefined, fields: s.fields });
    return s.other ? event : { ...event, providerGuid: s.index % 2 === 0 ? event.providerGuid : '22222222-2222-2222-2222-222222222222' };
  });
}

async function spansOf(events: EtwEvent[], horizonMs: number): Promise<{ spans: EtwSpan[]; events: number; spanCount: number }> {
  const imported = importEtwSpans(events, { horizonMs });
  const spans: EtwSpan[] = [];
  for await (const span of imported) spans.push(span);
  return { spans, events: imported.summary.events, spanCount: imported.summary.spans };
}

const ns = (t: readonly [number, number]): bigint => BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]);

describe('importEtwSpans over arbitrary events', () => {
  it('writes well-formed spans whose parents it wrote, the same spans twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 80 }), fc.constantFrom(50, 1000, 60_000), async (steps, horizonMs) => {
        const events = eventsOf(steps);
        const first = await spansOf(events, horizonMs);
        expect(first.events).toBe(events.length);
        expect(first.spanCount).toBe(first.spans.length);
        const ids = new Set(first.spans.map((s) => `${s.spanContext().traceId}/${s.spanContext().spanId}`));
        for (const span of first.spans) {
          const { traceId, spanId } = span.spanContext();
          expect(traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
          expect(spanId).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
          expect(ns(span.endTime) - ns(span.startTime)).toBe(ns(span.duration));
          expect(ns(span.duration) >= 0n).toBe(true);
          const parent = span.parentSpanContext;
          if (parent !== undefined) expect(ids.has(`${traceId}/${parent.spanId}`)).toBe(true);
        }
        const again = await spansOf(events, horizonMs);
        expect(again.spans.map((s) => s.spanContext().spanId)).toEqual(first.spans.map((s) => s.spanContext().spanId));
      }),
      { numRuns: RUNS }
    );
  });
});
