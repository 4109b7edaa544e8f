// Synthetic WCF and Http.sys traces from the test-side ETL writer, read from ETL, rendered as each Windows
// tool writes event XML and read back: the same records, byte for byte as JSON, 32- and 64-bit alike.
import type { EtwEvent } from '../../../src/etw/event.js';
import { readEtwEvents } from '../../../src/etw/read-etw-events.js';
import { writeEtl, type EtlWriterEvent } from '../../support/etl-writer/index.js';
import { renderEventXmlDocument, utf16leWithBom, type EventXmlStyle } from '../../support/event-xml.js';

const WCF = 'Microsoft-Windows-Application Server-Applications';
const HTTP = 'Microsoft-Windows-HttpService';
const E2E = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
const AMBIENT = '5b1c2d3e-0000-4000-8000-00000000abcd';
const REQUEST = '80000146-0000-fe00-b63f-84710c7967bb';
const t = (n: number): string => `2026-11-25T10:00:0${n}.1234567Z`;

const EVENTS: readonly EtlWriterEvent[] = [
  { provider: HTTP, id: 1, time: t(0), processId: 4, threadId: 9, activityId: AMBIENT, relatedActivityId: REQUEST,
    fields: { RequestId: '0xFE00000080000146', ConnectionId: '0xFE00000060000145', RemoteAddrLength: 16, RemoteAddr: '10.0.0.7:50438' } },
  { provider: HTTP, id: 3, time: t(1), processId: 4, threadId: 9, activityId: REQUEST,
    fields: { RequestObj: '0xFFFFFA8001BB5320', RequestId: '0xFE00000080000146', SiteId: 1, RequestQueueName: 'Orders & <Co>', Url: 'http://svc/orders.svc?a=1&b="2"', Status: 0 } },
  { provider: WCF, id: 217, time: t(2), processId: 100, threadId: 1, activityId: AMBIENT, relatedActivityId: E2E,
    fields: { Action: 'http://tempuri.org/IOrders/Get', ContractName: 'IOrders', Destination: 'http://svc/orders.svc' } },
  { provider: WCF, id: 215, time: t(3), processId: 200, threadId: 7, activityId: E2E,
    fields: { ListenAddress: 'http://svc/orders.svc', HostReference: '/orders.svc|Ünïcode ✓', AppDomain: 'svc' } },
  { provider: WCF, id: 214, time: t(4), processId: 200, threadId: 7, activityId: E2E, fields: { MethodName: 'Get', Duration: 12 } },
  { provider: '11111111-2222-3333-4444-555555555555', id: 7, time: t(5), processId: 200, threadId: 7, payload: Uint8Array.from([1, 2, 0xfe]) },
];

async function collect(events: AsyncIterable<EtwEvent>): Promise<EtwEvent[]> {
  const all: EtwEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe.each([4, 8] as const)('a synthetic %i-byte-pointer trace as event XML', (pointerSize) => {
  const etl = writeEtl({ pointerSize, startTime: '2026-11-25T09:59:59.5Z', computerName: 'WCFHOST', events: [...EVENTS] });

  it.each<[EventXmlStyle, boolean]>([
    ['tracerpt', true],
    ['wevtutil', true],
    ['wevtutil', false],
    ['powershell', false],
  ])('gives the ETL records back from %s XML (root: %s)', async (style, root) => {
    const fromEtl = await collect(readEtwEvents(etl));
    expect(fromEtl.map((e) => e.name)).toEqual(['RecvReq', 'Deliver', 'OperationPrepared', 'MessageReceivedByTransport', 'OperationInvokerStop', '']);
    const text = renderEventXmlDocument(fromEtl, style, root);
    const bytes = style === 'powershell' ? utf16leWithBom(text) : new TextEncoder().encode(text);
    const fromXml = await collect(readEtwEvents(bytes));
    expect(fromXml.map((e) => JSON.stringify(e))).toEqual(fromEtl.map((e) => JSON.stringify(e)));
  });
});
