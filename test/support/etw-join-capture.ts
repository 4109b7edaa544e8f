// A synthetic Windows capture with the three join cases of the ETW span import, as EtwEvent records:
// a WCF client calling a Node.js service (activity CLIENT_GUID), an Http.sys request delivered to a WCF
// service (SERVICE_GUID, a unique match), and an Http.sys request with two WCF messages to the same URL
// in its window (AMBIGUOUS_GUIDS, not joined).
import { adoptedParentSpanId } from '../../src/codec/trace-id.js';
import type { EtwEvent } from '../../src/etw/event.js';
import type { ReceivedSpan } from './otlp-decode.js';
import { httpSysRequestEvents, inTimeOrder, nsAt, wcfClientEvents, wcfServiceEvents } from './etw-scenario.js';

export const CLIENT_GUID = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
export const SERVICE_GUID = 'b5016019-02f6-4b0c-b887-139947bb1619';
export const AMBIGUOUS_GUIDS = ['00112233-4455-6677-8899-aabbccddeeff', '0a0b0c0d-1111-4222-8333-444455556666'] as const;
export const JOINED_REQUEST_ID = '0xFE00000080000146';
export const AMBIGUOUS_REQUEST_ID = '0xFE00000080000150';
export const WORKER_PID = 2200;
export const SERVICE_URL = 'http://web01:80/Stock/StockService.svc';
const LISTEN = 'http://web01/Stock/StockService.svc';
const START = '2026-11-25T10:00:00.000Z';

/** The capture's events in time order; `seconds` shifts the second request pair (default 5 s later). */
export function joinCaptureEvents(seconds = 5): EtwEvent[] {
  const later = seconds * 1000;
  return inTimeOrder(
    wcfClientEvents({ guid: CLIENT_GUID, pid: 3120, atNs: nsAt(START), endMs: 40, action: 'http://tempuri.org/IOrders/Get', contract: 'IOrders', destination: 'http://node01:8080/orders', computer: 'CLIENT01' }),
    httpSysRequestEvents({ requestId: JOINED_REQUEST_ID, url: SERVICE_URL, atNs: nsAt(START, 100), deliverMs: 1, sendMs: 25, workerPid: WORKER_PID, computer: 'WEB01' }),
    wcfServiceEvents({ guid: SERVICE_GUID, pid: WORKER_PID, atNs: nsAt(START, 102), listenAddress: LISTEN, method: 'GetStock', endMs: 20, computer: 'WEB01' }),
    httpSysRequestEvents({ requestId: AMBIGUOUS_REQUEST_ID, url: SERVICE_URL, atNs: nsAt(START, later), deliverMs: 1, sendMs: 25, workerPid: WORKER_PID, computer: 'WEB01' }),
    wcfServiceEvents({ guid: AMBIGUOUS_GUIDS[0], pid: WORKER_PID, atNs: nsAt(START, later + 2), listenAddress: LISTEN, method: 'GetStock', endMs: 8, computer: 'WEB01' }),
    wcfServiceEvents({ guid: AMBIGUOUS_GUIDS[1], pid: WORKER_PID, atNs: nsAt(START, later + 3), listenAddress: LISTEN, method: 'GetStock', endMs: 8, computer: 'WEB01' })
  );
}

/** The trace id of a GUID (its 32 hex digits). */
export const traceOf = (guid: string): string => guid.replace(/-/g, '');

/** Asserts the three join cases on exported spans: trace ids, parents, attributes, no missing parent. */
export function assertJoinCases(spans: readonly ReceivedSpan[]): void {
  expect(spans).toHaveLength(9);
  const client = spans.find((s) => s.kind === 'client') as ReceivedSpan;
  expect(client).toMatchObject({ traceId: traceOf(CLIENT_GUID), spanId: adoptedParentSpanId(traceOf(CLIENT_GUID)), parentSpanId: undefined });
  expect(client.attributes).toMatchObject({ 'e2eactivity.id': CLIENT_GUID, 'windows.wcf.contract_name': 'IOrders' });

  const joined = spans.find((s) => s.attributes['windows.httpsys.request_id'] === JOINED_REQUEST_ID) as ReceivedSpan;
  expect(joined).toMatchObject({ traceId: traceOf(SERVICE_GUID), parentSpanId: undefined, serviceName: 'http.sys' });
  expect(joined.attributes).toMatchObject({ 'windows.httpsys.match': 'heuristic', 'e2eactivity.id': SERVICE_GUID });
  const message = spans.find((s) => s.traceId === traceOf(SERVICE_GUID) && s.name === 'WCF GetStock') as ReceivedSpan;
  expect(message.parentSpanId).toBe(joined.spanId);
  const operation = spans.find((s) => s.traceId === traceOf(SERVICE_GUID) && s.kind === 'internal') as ReceivedSpan;
  expect(operation.parentSpanId).toBe(message.spanId);

  const ambiguous = spans.find((s) => s.attributes['windows.httpsys.match'] === 'ambiguous') as ReceivedSpan;
  expect(AMBIGUOUS_GUIDS.map(traceOf)).not.toContain(ambiguous.traceId);
  for (const guid of AMBIGUOUS_GUIDS) {
    const root = spans.find((s) => s.traceId === traceOf(guid) && s.kind === 'server') as ReceivedSpan;
    expect(root.parentSpanId).toBeUndefined();
  }
  const ids = new Set(spans.map((s) => `${s.traceId}/${s.spanId}`));
  for (const span of spans) if (span.parentSpanId !== undefined) expect(ids.has(`${span.traceId}/${span.parentSpanId}`)).toBe(true);
}
