import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EtwEvent } from '../../../src/etw/event.js';
import { rawEvents, rawRequests } from '../../support/etw/raw-capture.js';
import { readAllEtl, type EtlReadResult } from '../../support/etw/read.js';

const CAPTURE = join(__dirname, '../../fixtures/etw/HTTP_Server.etl');
const HTTP_GUID = 'dd5ef90a-6398-47a4-ad34-4dcecdef795f';

/** The GUID text of the first 8 bytes of an activity whose bytes start with `requestId` little-endian. */
function activityPrefixOf(requestId: string): string {
  const v = BigInt(requestId);
  const low = (v & 0xffffffffn).toString(16).padStart(8, '0');
  const mid = ((v >> 32n) & 0xffffn).toString(16).padStart(4, '0');
  const high = (v >> 48n).toString(16).padStart(4, '0');
  return `${low}-${mid}-${high}-`;
}

let read: EtlReadResult;
let byName: Map<string, EtwEvent[]>;

beforeAll(async () => {
  read = await readAllEtl(CAPTURE);
  byName = new Map();
  for (const e of read.events) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
});

describe('the real capture HTTP_Server.etl (Windows 7 Http.sys)', () => {
  it('has 2,041 Http.sys events and 291 RecvReq, read without a problem', () => {
    expect(read.problems).toEqual([]);
    expect(read.events).toHaveLength(2041);
    expect(read.events.every((e) => e.provider === 'Microsoft-Windows-HttpService' && e.providerGuid === HTTP_GUID)).toBe(true);
    const counts = Object.fromEntries([...byName].map(([name, events]) => [name, events.length]));
    expect(counts).toEqual({
      RecvReq: 291, Parse: 291, Deliver: 291, LogFileWrite: 291, FastResp: 289, FastRespLast: 289, FastSend: 289,
      RecvResp: 2, RecvRespLast: 2, SendComplete: 2, ConnConnect: 2, ConnIdAssgn: 2,
    });
    expect(read.events.filter((e) => e.payloadHex !== undefined)).toEqual([]);
  });

  it('reads the log file header: 64-bit, QPC at 1,818,300 Hz, 8 KB buffers', () => {
    expect(read.header).toMatchObject({
      pointerSize: 8, clockType: 'qpc', perfFrequency: 1818300, bufferSize: 8192, osVersion: '6.1.7601',
      numberOfProcessors: 4, loggerName: 'DataCollector01',
    });
  });

  it('matches hand-checked requests (RecvReq file offsets and values read with xxd)', () => {
    const bytes = readFileSync(CAPTURE);
    const hand = [
      { offset: 8520, requestId: '0xFF0000008000060D', url: 'http://georgis2:80/windir.txt', status: 200, via: 'RecvResp' },
      { offset: 9128, requestId: '0xFE00000080000146', url: 'http://georgis2:80/helloworld.htm', status: 304, via: 'FastResp' },
      { offset: 99016, requestId: '0xFF00000080000619', url: 'http://georgis2:80/helloworld.htm', status: 304, via: 'FastResp' },
      { offset: 189752, requestId: '0xFF0000008000064C', url: 'http://georgis2:80/helloworld.htm', status: 304, via: 'FastResp' },
      { offset: 280208, requestId: '0xFF00000080000678', url: 'http://georgis2:80/helloworld.htm', status: 304, via: 'FastResp' },
    ];
    for (const h of hand) {
      // EVENT_HEADER (80 bytes) + one RelatedActivityId item (24 bytes), then RequestId.
      expect(`0x${bytes.readBigUInt64LE(h.offset + 104).toString(16).toUpperCase()}`).toBe(h.requestId);
      const recv = byName.get('RecvReq')?.find((e) => e.fields.RequestId === h.requestId);
      expect(recv?.relatedActivityId?.startsWith(activityPrefixOf(h.requestId))).toBe(true);
      const parse = byName.get('Parse')?.find((e) => e.activityId.startsWith(activityPrefixOf(h.requestId)));
      expect(parse?.fields).toMatchObject({ HttpVerb: 4, Url: h.url });
      const resp = byName.get(h.via)?.find((e) => e.fields.RequestId === h.requestId);
      expect(resp?.fields).toMatchObject({ StatusCode: h.status, Verb: 'GET' });
    }
    expect(byName.get('RecvReq')?.[1]).toMatchObject({
      activityId: '00000100-0000-0003-193d-42fb30bbcb01',
      relatedActivityId: '80000146-0000-fe00-b63f-84710c7967bb',
      processId: 4,
      threadId: 2252,
      fields: { RequestId: '0xFE00000080000146', ConnectionId: '0xFE00000060000145', RemoteAddrLength: 28, RemoteAddr: '[2001:4898:0:fff:0:5efe:a50:e410]:37837' },
    });
  });

  it('gives every request the RequestId, Url, Verb and status the raw route reads', () => {
    const raw = rawRequests(rawEvents(CAPTURE));
    expect(raw.size).toBe(291);
    const requests = byName.get('RecvReq') ?? [];
    expect(requests.map((e) => e.fields.RequestId)).toEqual([...raw.keys()]);
    for (const recv of requests) {
      const id = String(recv.fields.RequestId);
      const prefix = activityPrefixOf(id);
      const ofRequest = read.events.filter((e) => e.activityId.startsWith(prefix));
      const parse = ofRequest.filter((e) => e.name === 'Parse');
      const response = ofRequest.filter((e) => e.name === 'FastResp' || e.name === 'RecvResp');
      const send = ofRequest.filter((e) => e.name === 'FastSend' || e.name === 'SendComplete');
      expect([parse.length, response.length, send.length]).toEqual([1, 1, 1]);
      const r = raw.get(id);
      expect({ url: parse[0].fields.Url, httpVerb: parse[0].fields.HttpVerb, verb: response[0].fields.Verb, status: response[0].fields.StatusCode, sent: send[0].fields.HttpStatus })
        .toEqual({ url: r?.url, httpVerb: r?.httpVerb, verb: r?.verb, status: r?.statusCode, sent: r?.httpStatus });
    }
    const outcomes = [...raw.values()].map((r) => `${r.verb} ${r.statusCode} ${r.url}`);
    expect(outcomes.filter((o) => o === 'GET 304 http://georgis2:80/helloworld.htm')).toHaveLength(283);
    expect(outcomes.filter((o) => o === 'GET 200 http://georgis2:80/windir.txt')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'GET 304 http://georgis2:80/windir.txt')).toHaveLength(6);
  });

  it('follows the request activity rule on every event that names a request', () => {
    let checked = 0;
    for (const e of read.events) {
      const id = e.fields.RequestId;
      if (typeof id !== 'string') continue;
      // RecvReq and ConnIdAssgn carry the connection's activity; RecvReq transfers to the request's.
      const activity = e.name === 'RecvReq' ? e.relatedActivityId : e.name === 'ConnIdAssgn' ? undefined : e.activityId;
      if (activity === undefined) continue;
      expect(activity.startsWith(activityPrefixOf(id))).toBe(true);
      checked++;
    }
    // RecvReq and Deliver (291 each), FastResp, FastRespLast, FastSend (289 each), RecvResp, RecvRespLast, SendComplete (2 each).
    expect(checked).toBe(291 * 2 + 289 * 3 + 2 * 3);
    const requestIds = new Set((byName.get('RecvReq') ?? []).map((e) => String(e.fields.RequestId)));
    for (const e of byName.get('Parse') ?? []) expect([...requestIds].some((id) => e.activityId.startsWith(activityPrefixOf(id)))).toBe(true);
  });

  it('gives a RelatedActivityId to every RecvReq and to nothing else', () => {
    expect(read.events.filter((e) => e.relatedActivityId !== undefined).map((e) => e.name)).toEqual(Array(291).fill('RecvReq'));
  });

  it('times every event on 2011-01-23 within the session, to the 100-ns tick', () => {
    const start = Date.parse('2011-01-23T22:06:37.476Z');
    const end = Date.parse('2011-01-23T22:08:26.847Z');
    for (const e of read.events) {
      expect(e.time).toMatch(/^2011-01-23T22:0[78]:\d\d\.\d{7}00Z$/);
      const ms = Number(BigInt(e.timeUnixNano) / 1_000_000n);
      expect(ms).toBeGreaterThanOrEqual(start);
      expect(ms).toBeLessThanOrEqual(end);
      expect(e.timeUnixNano.slice(-9)).toBe(e.time.slice(20, 29));
    }
    // Within one CPU's buffer the events are in time order.
    expect(read.events[0].time).toBe('2011-01-23T22:07:27.226133600Z');
  });
});
