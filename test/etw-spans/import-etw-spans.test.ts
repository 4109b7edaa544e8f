import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { adoptedParentSpanId } from '../../src/codec/trace-id.js';
import { encodeE2EActivity, E2EActivityPropagator } from '../../src/index.js';
import { importEtwSpans } from '../../src/etw/spans/index.js';
import type { EtwSpan, KnownSpan } from '../../src/etw/spans/index.js';
import type { EtwEvent } from '../../src/etw/event.js';
import {
  httpSysRequestEvents,
  inTimeOrder,
  nsAt,
  requestActivityOf,
  wcfClientEvents,
  wcfServiceEvents,
} from '../support/etw-scenario.js';

const G = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
const G2 = 'b5016019-02f6-4b0c-b887-139947bb1619';
const T = '2026-11-25T10:00:00.000Z';
const URL = 'http://winhost:80/Stock/StockService.svc';
const LISTEN = 'http://winhost/Stock/StockService.svc';

async function spansOf(events: Iterable<EtwEvent>, options = {}): Promise<EtwSpan[]> {
  const spans: EtwSpan[] = [];
  for await (const span of importEtwSpans(events, options)) spans.push(span);
  return spans;
}

const byName = (spans: EtwSpan[], name: string): EtwSpan => {
  const found = spans.filter((s) => s.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('importEtwSpans: WCF client -> Node.js service with adoptTraceId', () => {
  const events = wcfClientEvents({ guid: G, pid: 3120, atNs: nsAt(T), endMs: 42, action: 'http://tempuri.org/IOrders/Get', contract: 'IOrders', destination: 'http://node:8080/orders', computer: 'CLIENT01' });

  it('gives the client span the span id that the Node.js server span has as its remote parent', async () => {
    const [span] = await spansOf(events);
    const extracted = new E2EActivityPropagator({ adoptTraceId: true }).extract(context.active(), { e2eactivity: encodeE2EActivity(G) }, {
      get: (carrier, key) => (carrier as Record<string, string>)[key],
      keys: (carrier) => Object.keys(carrier as object),
    });
    const remoteParent = trace.getSpanContext(extracted);
    expect(span.spanContext().traceId).toBe(G.replace(/-/g, ''));
    expect(span.spanContext().spanId).toBe(remoteParent?.spanId);
    expect(span.spanContext().spanId).toBe(adoptedParentSpanId(G.replace(/-/g, '')));
    expect(span.parentSpanContext).toBeUndefined();
  });

  it('is a CLIENT span from ClientOperationPrepared to ServiceChannelCallStop with Action, ContractName, Destination', async () => {
    const [span] = await spansOf(events);
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.name).toBe('IOrders/Get');
    expect(span.duration).toEqual([0, 42_000_000]);
    expect(span.attributes).toMatchObject({
      'e2eactivity.id': G,
      'windows.wcf.action': 'http://tempuri.org/IOrders/Get',
      'windows.wcf.contract_name': 'IOrders',
      'windows.wcf.destination': 'http://node:8080/orders',
      'process.pid': 3120,
    });
    expect(span.resource.attributes).toEqual({ 'service.name': 'wcf-client', 'host.name': 'CLIENT01' });
    expect(span.events.map((e) => e.name)).toEqual(['OperationPrepared', 'Stop', 'Stop']);
  });
});

describe('importEtwSpans: Node.js client -> WCF service', () => {
  const events = wcfServiceEvents({ guid: G, pid: 2200, atNs: nsAt(T), listenAddress: LISTEN, method: 'GetStock', endMs: 20, computer: 'WEB01' });

  it('puts the message and operation spans into the GUID trace; without the Node.js span, the message is a root', async () => {
    const spans = await spansOf(events);
    expect(spans).toHaveLength(2);
    const message = byName(spans, 'WCF GetStock');
    expect(message.kind).toBe(SpanKind.SERVER);
    expect(message.parentSpanContext).toBeUndefined();
    const operation = spans.find((s) => s.kind === SpanKind.INTERNAL) as EtwSpan;
    expect(operation.name).toBe('GetStock');
    expect(operation.parentSpanContext?.spanId).toBe(message.spanContext().spanId);
    for (const span of spans) expect(span.spanContext().traceId).toBe(G.replace(/-/g, ''));
    expect(message.attributes).toMatchObject({ 'windows.wcf.listen_address': LISTEN, 'e2eactivity.id': G, 'process.pid': 2200 });
    expect(message.resource.attributes['service.name']).toBe('Default Web Site/Stock|/StockService.svc');
    expect(message.duration).toEqual([0, 20_000_000]);
  });

  it('hangs the message under the Node.js CLIENT span that sent the header', async () => {
    const traceId = G.replace(/-/g, '');
    const nodeClient: KnownSpan = {
      spanContext: () => ({ traceId, spanId: '1111222233334444' }),
      kind: SpanKind.CLIENT,
      startTime: [Number(nsAt(T) / 1_000_000_000n) - 1, 0],
      endTime: [Number(nsAt(T) / 1_000_000_000n) + 1, 0],
      attributes: { 'e2eactivity.id': G },
    };
    const spans = await spansOf(events, { knownSpans: [nodeClient] });
    const message = spans.find((s) => s.kind === SpanKind.SERVER) as EtwSpan;
    expect(message.parentSpanContext).toMatchObject({ traceId, spanId: '1111222233334444', isRemote: true });
  });

  it('marks a faulted operation and its message as ERROR', async () => {
    const spans = await spansOf(wcfServiceEvents({ guid: G, pid: 2200, atNs: nsAt(T), listenAddress: LISTEN, method: 'GetStock', endMs: 20, faulted: true }));
    for (const span of spans) expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'operation faulted: GetStock' });
  });
});

describe('importEtwSpans: Http.sys request joined by process, time and URL', () => {
  const request = { requestId: '0xFE00000080000146', url: URL, atNs: nsAt(T), deliverMs: 1, sendMs: 30, workerPid: 2200, computer: 'WEB01' };

  it('puts a uniquely matched request into the WCF trace as the parent of the message span', async () => {
    const events = inTimeOrder(httpSysRequestEvents(request), wcfServiceEvents({ guid: G, pid: 2200, atNs: nsAt(T, 2), listenAddress: LISTEN, method: 'GetStock', endMs: 20 }));
    const spans = await spansOf(events);
    expect(spans).toHaveLength(3);
    const http = spans.find((s) => s.attributes['windows.httpsys.request_id'] !== undefined) as EtwSpan;
    const message = spans.find((s) => s.kind === SpanKind.SERVER && s !== http) as EtwSpan;
    expect(http.spanContext().traceId).toBe(G.replace(/-/g, ''));
    expect(http.parentSpanContext).toBeUndefined();
    expect(message.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
    expect(http.attributes).toMatchObject({ 'windows.httpsys.match': 'heuristic', 'e2eactivity.id': G });
  });

  it('has the HTTP attributes, Http.sys ids and span events of the request', async () => {
    const [http] = await spansOf(httpSysRequestEvents(request));
    expect(http.kind).toBe(SpanKind.SERVER);
    expect(http.name).toBe('POST');
    expect(http.attributes).toEqual({
      'http.request.method': 'POST',
      'url.full': URL,
      'url.path': '/Stock/StockService.svc',
      'server.address': 'winhost',
      'server.port': 80,
      'http.response.status_code': 200,
      'client.address': '10.0.0.7',
      'client.port': 50123,
      'windows.httpsys.request_id': '0xFE00000080000146',
      'windows.httpsys.connection_id': '0xFE00000080000145',
      'windows.httpsys.request_queue': 'DefaultAppPool',
      'windows.httpsys.site_id': 1,
      'windows.etw.activity_id': requestActivityOf('0xFE00000080000146'),
      'process.pid': 2200,
      'windows.httpsys.match': 'none',
    });
    expect(http.spanContext().traceId).toBe('80000146' + '0000fe00b63f84710c7967bb');
    expect(http.duration).toEqual([0, 30_000_000]);
    expect(http.events.map((e) => e.name)).toEqual(['Parse', 'Deliver', 'FastResp', 'FastRespLast', 'FastSend']);
    expect(http.events[1].attributes).toMatchObject({ RequestQueueName: 'DefaultAppPool', Url: URL });
  });

  it.each([
    ['another process', { pid: 9999 }],
    ['another URL', { listenAddress: 'http://winhost/Other/Service.svc' }],
    ['a receive after the send', { atNs: nsAt(T, 31) }],
    ['a receive before Deliver', { atNs: nsAt(T, 0.5) }],
  ])('does not join a WCF message in %s', async (_what, change) => {
    const service = { guid: G, pid: 2200, atNs: nsAt(T, 2), listenAddress: LISTEN, method: 'GetStock', endMs: 20, ...change };
    const spans = await spansOf(inTimeOrder(httpSysRequestEvents(request), wcfServiceEvents(service)));
    const http = spans.find((s) => s.attributes['windows.httpsys.request_id'] !== undefined) as EtwSpan;
    expect(http.attributes['windows.httpsys.match']).toBe('none');
    expect(http.spanContext().traceId).not.toBe(G.replace(/-/g, ''));
    expect(spans.filter((s) => s.parentSpanContext?.spanId === http.spanContext().spanId)).toEqual([]);
  });

  it('does not guess between two WCF requests to the same URL in one window: own trace, links to both', async () => {
    const events = inTimeOrder(
      httpSysRequestEvents(request),
      wcfServiceEvents({ guid: G, pid: 2200, atNs: nsAt(T, 2), listenAddress: LISTEN, method: 'GetStock', endMs: 10 }),
      wcfServiceEvents({ guid: G2, pid: 2200, atNs: nsAt(T, 3), listenAddress: LISTEN, method: 'GetStock', endMs: 10 })
    );
    const spans = await spansOf(events);
    const http = spans.find((s) => s.attributes['windows.httpsys.request_id'] !== undefined) as EtwSpan;
    expect(http.attributes['windows.httpsys.match']).toBe('ambiguous');
    expect(http.spanContext().traceId).toBe(requestActivityOf(request.requestId).replace(/-/g, ''));
    const messages = spans.filter((s) => s.kind === SpanKind.SERVER && s !== http);
    expect(messages.map((m) => m.parentSpanContext)).toEqual([undefined, undefined]);
    expect(http.links.map((l) => l.context.spanId).sort()).toEqual(messages.map((m) => m.spanContext().spanId).sort());
    expect(http.links.map((l) => l.context.traceId).sort()).toEqual([G, G2].map((g) => g.replace(/-/g, '')).sort());
  });

  it('does not join one WCF message claimed by two requests', async () => {
    const second = { ...request, requestId: '0xFE00000080000148', atNs: nsAt(T, 0.5) };
    const events = inTimeOrder(httpSysRequestEvents(request), httpSysRequestEvents(second), wcfServiceEvents({ guid: G, pid: 2200, atNs: nsAt(T, 2), listenAddress: LISTEN, method: 'GetStock', endMs: 10 }));
    const spans = await spansOf(events);
    const https = spans.filter((s) => s.attributes['windows.httpsys.request_id'] !== undefined);
    expect(https.map((s) => s.attributes['windows.httpsys.match'])).toEqual(['ambiguous', 'ambiguous']);
  });
});

describe('importEtwSpans: unfinished requests and activities, bounded memory', () => {
  it('ends an unfinished request and message at their last event and says the end was not seen', async () => {
    const events = inTimeOrder(
      httpSysRequestEvents({ requestId: '0xFE00000080000146', url: URL, atNs: nsAt(T), deliverMs: 1, workerPid: 2200 }),
      wcfServiceEvents({ guid: G, pid: 2200, atNs: nsAt(T, 2), listenAddress: LISTEN, method: 'GetStock' })
    );
    const importer = importEtwSpans(events);
    const spans: EtwSpan[] = [];
    for await (const span of importer) spans.push(span);
    const ends = spans.filter((s) => s.attributes['windows.etw.end_not_seen'] === true);
    expect(ends).toHaveLength(3);
    const http = spans.find((s) => s.attributes['windows.httpsys.request_id'] !== undefined) as EtwSpan;
    expect(http.duration).toEqual([0, 1_000_000]);
    expect(importer.summary).toMatchObject({ requests: 1, activities: 1, unfinished: 2, spans: 3, events: 6 });
  });

  it('writes a request once the horizon has passed, before the input ends', async () => {
    const written: string[] = [];
    let last = false;
    function* events(): Generator<EtwEvent> {
      for (let i = 0; i < 5; i++) {
        yield* httpSysRequestEvents({ requestId: `0xFE0000008000${(0x100 + i * 2).toString(16)}`, url: URL, atNs: nsAt(T, i * 2000), deliverMs: 1, sendMs: 3, workerPid: 1 });
      }
      last = true;
    }
    for await (const span of importEtwSpans(events(), { horizonMs: 1000 })) written.push(`${span.attributes['windows.httpsys.request_id']} ${last}`);
    expect(written.filter((w) => w.endsWith('false')).length).toBeGreaterThanOrEqual(3);
    expect(written).toHaveLength(5);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects horizonMs %p', (horizonMs) => {
    expect(() => importEtwSpans([], { horizonMs })).toThrow(RangeError);
  });
});
