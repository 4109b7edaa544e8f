// The real capture (HTTP_Server.etl, IIS 7.5, 2011): every request becomes one Http.sys span whose times,
// attributes and events are checked against the raw events, grouped here independently by RequestId.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { EtwEvent } from '../../src/etw/event.js';
import { readEtwEvents } from '../../src/etw/index.js';
import { importEtwSpans, type EtwSpan } from '../../src/etw/spans/index.js';
import { capturePath } from '../etw/capture-path.js';

interface Expected {
  recv: bigint;
  end: bigint;
  url: string;
  status: number;
  pid: number;
  activity: string;
  connectionId: string;
  remote: string;
  others: number;
}

const SEND = new Set(['FastSend', 'SendComplete']);
let events: EtwEvent[];
let spans: EtwSpan[];
let summary: ReturnType<typeof importEtwSpans>['summary'];

beforeAll(async () => {
  events = [];
  for await (const event of readEtwEvents(capturePath())) events.push(event);
  const imported = importEtwSpans(events);
  spans = [];
  for await (const span of imported) spans.push(span);
  summary = imported.summary;
});

function expectedRequests(): Map<string, Expected> {
  const byId = new Map<string, Expected>();
  const activityOf = new Map<string, string>();
  for (const e of events.filter((e) => e.name === 'RecvReq')) {
    const id = String(e.fields.RequestId);
    activityOf.set(e.relatedActivityId as string, id);
    byId.set(id, { recv: BigInt(e.timeUnixNano), end: 0n, url: '', status: 0, pid: 0, activity: e.relatedActivityId as string, connectionId: String(e.fields.ConnectionId), remote: String(e.fields.RemoteAddr), others: 0 });
  }
  for (const e of events) {
    if (e.name === 'RecvReq') continue;
    const id = typeof e.fields.RequestId === 'string' ? e.fields.RequestId : activityOf.get(e.activityId);
    const request = id === undefined ? undefined : byId.get(id);
    if (request === undefined) continue;
    request.others++;
    if (e.name === 'Parse') request.url = String(e.fields.Url);
    if (e.name === 'FastResp' || e.name === 'RecvResp') {
      request.status = Number(e.fields.StatusCode);
      request.pid = e.processId;
    }
    if (SEND.has(e.name)) request.end = BigInt(e.timeUnixNano) > request.end ? BigInt(e.timeUnixNano) : request.end;
  }
  return byId;
}

const ns = (time: readonly [number, number]): bigint => BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);

describe('importEtwSpans on the real capture HTTP_Server.etl', () => {
  it('gives exactly 291 Http.sys SERVER spans, one per request, each in a trace of its own', () => {
    expect(spans).toHaveLength(291);
    expect(summary).toEqual({
      events: 2041, requests: 291, matchedRequests: 0, unmatchedRequests: 291, ambiguousRequests: 0,
      activities: 0, spans: 291, unfinished: 0, skippedEvents: 293, lateEvents: 0,
    });
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(291);
    for (const span of spans) {
      expect(span.kind).toBe(SpanKind.SERVER);
      expect(span.parentSpanContext).toBeUndefined();
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
      expect(span.resource.attributes).toEqual({ 'service.name': 'http.sys' });
    }
  });

  it('has, for every request, the times, attributes and events of its raw events', () => {
    const expected = expectedRequests();
    expect(expected.size).toBe(291);
    for (const span of spans) {
      const id = span.attributes['windows.httpsys.request_id'] as string;
      const request = expected.get(id) as Expected;
      expect(request).toBeDefined();
      expect(ns(span.startTime)).toBe(request.recv);
      expect(ns(span.endTime)).toBe(request.end);
      expect(ns(span.duration)).toBe(request.end - request.recv);
      expect(span.spanContext().traceId).toBe(request.activity.replace(/-/g, ''));
      expect(span.attributes).toEqual({
        'http.request.method': 'GET',
        'url.full': request.url,
        'url.path': request.url.replace('http://georgis2:80', ''),
        'server.address': 'georgis2',
        'server.port': 80,
        'http.response.status_code': request.status,
        'client.address': request.remote.slice(1, request.remote.indexOf(']')),
        'client.port': Number(request.remote.slice(request.remote.lastIndexOf(':') + 1)),
        'windows.httpsys.request_id': id,
        'windows.httpsys.connection_id': request.connectionId,
        'windows.httpsys.request_queue': 'DefaultAppPool',
        'windows.httpsys.site_id': 1,
        'windows.etw.activity_id': request.activity,
        'process.pid': request.pid,
        'windows.httpsys.match': 'none',
      });
      expect(span.events).toHaveLength(request.others);
      const times = span.events.map((e) => ns(e.time));
      expect(times).toEqual([...times].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('answers 289 requests through FastResp/FastSend (304) and 2 through RecvResp/SendComplete (200)', () => {
    const ends = spans.map((s) => `${s.events.at(-1)?.name} ${s.attributes['http.response.status_code']}`);
    expect(ends.filter((e) => e === 'FastSend 304')).toHaveLength(289);
    expect(ends.filter((e) => e === 'SendComplete 200')).toHaveLength(2);
  });

  // The file is out of time order by up to 17.7 s (per-CPU buffers flushed late on a quiet server).
  it('gives the same spans with a 20 s horizon, and counts the late events of a horizon too short', async () => {
    const key = (s: EtwSpan) => `${s.spanContext().spanId} ${ns(s.duration)}`;
    const collect = async (horizonMs: number) => {
      const imported = importEtwSpans(events, { horizonMs });
      const all: EtwSpan[] = [];
      for await (const span of imported) all.push(span);
      return { keys: all.map(key).sort(), summary: imported.summary };
    };
    const enough = await collect(20_000);
    expect(enough.keys).toEqual(spans.map(key).sort());
    expect(enough.summary.lateEvents).toBe(0);
    const short = await collect(10);
    expect(short.keys).not.toEqual(enough.keys);
    expect(short.summary.lateEvents).toBeGreaterThan(0);
  });
});
