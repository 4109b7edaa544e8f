import { writeEtl, type EtlWriterEvent } from '../../support/etl-writer/index.js';
import { readAllEtl } from '../../support/etw/read.js';

const WCF = 'Microsoft-Windows-Application Server-Applications';
const E2E = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
const CLIENT_AMBIENT = '5b1c2d3e-0000-4000-8000-00000000abcd';

/** A WCF client call and the service's handling of it, as WCF logs them with end-to-end tracing on. */
function wcfCall(base: string): EtlWriterEvent[] {
  const t = (ms: number) => new Date(Date.parse(base) + ms).toISOString().replace('Z', '1234Z');
  return [
    { provider: WCF, id: 217, time: t(0), processId: 100, threadId: 1, activityId: CLIENT_AMBIENT, relatedActivityId: E2E,
      fields: { Action: 'http://tempuri.org/IOrders/Get', ContractName: 'IOrders', Destination: 'http://svc/orders.svc' } },
    { provider: WCF, id: 215, time: t(1), processId: 200, threadId: 7, activityId: E2E,
      fields: { ListenAddress: 'http://svc/orders.svc', HostReference: '/orders.svc', AppDomain: 'svc' } },
    { provider: WCF, id: 205, time: t(2), processId: 200, threadId: 7, activityId: E2E, fields: { MethodName: 'Get', CallerInfo: 'IOrders' } },
    { provider: WCF, id: 214, time: t(3), processId: 200, threadId: 7, activityId: E2E, fields: { MethodName: 'Get', Duration: 1 } },
    { provider: WCF, id: 499, time: t(4), processId: 200, threadId: 7, activityId: E2E, relatedActivityId: CLIENT_AMBIENT },
    { provider: WCF, id: 218, time: t(5), processId: 100, threadId: 1, activityId: E2E,
      fields: { Action: 'http://tempuri.org/IOrders/Get', ContractName: 'IOrders', Destination: 'http://svc/orders.svc' } },
  ];
}

describe.each([4, 8] as const)('synthetic WCF trace, %i-byte pointers, through writer and reader', (pointerSize) => {
  const events = wcfCall('2026-11-25T10:00:00.000Z');
  const bytes = writeEtl({ pointerSize, startTime: '2026-11-25T09:59:59.5Z', computerName: 'WCFHOST', events });

  it('gives back every event with its ids, activities, names and fields', async () => {
    const { events: read, problems, header } = await readAllEtl(bytes, 1000);
    expect(problems).toEqual([]);
    expect(header?.pointerSize).toBe(pointerSize);
    expect(read.map((e) => [e.id, e.name, e.activityId, e.relatedActivityId, e.processId, e.threadId])).toEqual([
      [217, 'OperationPrepared', CLIENT_AMBIENT, E2E, 100, 1],
      [215, 'MessageReceivedByTransport', E2E, undefined, 200, 7],
      [205, 'OperationInvokerStart', E2E, undefined, 200, 7],
      [214, 'OperationInvokerStop', E2E, undefined, 200, 7],
      [499, 'TransferEmitted', E2E, CLIENT_AMBIENT, 200, 7],
      [218, 'ServiceChannelCallStop', E2E, undefined, 100, 1],
    ]);
    expect(read[0].fields).toEqual({
      Action: 'http://tempuri.org/IOrders/Get', ContractName: 'IOrders', Destination: 'http://svc/orders.svc', HostReference: '', AppDomain: '',
    });
    expect(read[3].fields).toMatchObject({ MethodName: 'Get', Duration: 1 });
    expect(read.every((e) => e.provider === 'Microsoft-Windows-Application Server-Applications')).toBe(true);
    expect(read.every((e) => e.providerGuid === 'c651f5f6-1c0d-492e-8ae1-b4efd7c9d503')).toBe(true);
    expect(read.every((e) => e.computer === 'WCFHOST')).toBe(true);
  });

  it('gives back the times to the 100-ns tick, and names level, task, opcode and keywords from the schema', async () => {
    const { events: read } = await readAllEtl(bytes);
    expect(read.map((e) => e.time)).toEqual(events.map((e) => e.time.replace('1234Z', '123400Z')));
    expect(read[0].timeUnixNano).toBe(`${Date.parse('2026-11-25T10:00:00.000Z') / 1000}000123400`);
    expect(read[0]).toMatchObject({ level: 4, task: 2514, opcode: 20, keywords: '0x0000000000080004' });
  });
});
