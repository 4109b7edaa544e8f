import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { adoptedParentSpanId } from '../../src/codec/trace-id.js';
import { importEtwSpans, mergeByTime, type EtwSpan } from '../../src/etw/spans/index.js';
import type { EtwEvent } from '../../src/etw/event.js';
import { etwEvent, httpSysRequestEvents, inTimeOrder, nsAt, wcfClientEvents } from '../support/etw-scenario.js';

const G = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
const T = '2026-11-25T10:00:00.000Z';
const trace = G.replace(/-/g, '');

async function spansOf(events: Iterable<EtwEvent> | AsyncIterable<EtwEvent>): Promise<EtwSpan[]> {
  const spans: EtwSpan[] = [];
  for await (const span of importEtwSpans(events)) spans.push(span);
  return spans;
}

const wcf = (id: number, name: string, ms: number, fields: EtwEvent['fields'], extra: Partial<Parameters<typeof etwEvent>[0]> = {}): EtwEvent =>
  etwEvent({ provider: 'wcf', id, name, ns: nsAt(T, ms), pid: 2200, activityId: G, fields, ...extra });

describe('importEtwSpans: WCF edge cases', () => {
  it('joins an IIS-hosted message by its WebHostRequestStart VirtualPath', async () => {
    const events = inTimeOrder(
      httpSysRequestEvents({ requestId: '0xFE00000080000146', url: 'http://web01:80/Stock/StockService.svc/GetStock', atNs: nsAt(T), deliverMs: 1, sendMs: 30, workerPid: 2200 }),
      [
        wcf(513, 'Start', 2, { AppDomainFriendlyName: '/LM/W3SVC/1/ROOT/Stock', VirtualPath: '/Stock/StockService.svc', AppDomain: 'a' }, { activityId: '00000000-0000-0000-0000-0000000000aa', relatedActivityId: G }),
        wcf(709, 'DispatchStart', 3, { HostReference: 'Stock', AppDomain: 'a' }),
        wcf(3311, 'Stop', 20, { OperationName: 'GetStock', HostReference: 'Stock', AppDomain: 'a' }),
      ]
    );
    const spans = await spansOf(events);
    const http = spans.find((s) => s.attributes['windows.httpsys.request_id'] !== undefined) as EtwSpan;
    const message = spans.find((s) => s !== http) as EtwSpan;
    expect(http.attributes['windows.httpsys.match']).toBe('heuristic');
    expect(message.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
    expect(message.name).toBe('WCF GetStock');
    expect(message.attributes).toMatchObject({ 'windows.wcf.virtual_path': '/Stock/StockService.svc', 'windows.wcf.operation_name': 'GetStock' });
  });

  it('marks a failed dispatch ERROR and hangs a client call made during an operation under it', async () => {
    const events = [
      wcf(215, 'Stop', 0, { ListenAddress: 'http://web01/Stock', HostReference: 'Stock', AppDomain: 'a' }, { relatedActivityId: G, activityId: '00000000-0000-0000-0000-0000000000aa' }),
      wcf(221, 'MessageReceivedFromTransport', 0.5, { CorrelationId: 'c', HostReference: 'Stock', AppDomain: 'a' }),
      wcf(205, 'OperationInvokerStart', 1, { MethodName: 'GetStock', CallerInfo: 'x', HostReference: 'Stock', AppDomain: 'a' }),
      ...wcfClientEvents({ guid: G, pid: 2200, atNs: nsAt(T, 2), endMs: 3, action: 'http://tempuri.org/IPrices/Get', contract: 'IPrices', destination: 'http://prices/' }),
      wcf(222, 'OperationFailed', 8, { MethodName: 'GetStock', Duration: 7, HostReference: 'Stock', AppDomain: 'a' }),
      wcf(3310, 'DispatchFailed', 9, { OperationName: 'GetStock', HostReference: 'Stock', AppDomain: 'a' }),
    ];
    const spans = await spansOf(events);
    const message = spans.find((s) => s.kind === SpanKind.SERVER) as EtwSpan;
    const operation = spans.find((s) => s.kind === SpanKind.INTERNAL) as EtwSpan;
    const call = spans.find((s) => s.kind === SpanKind.CLIENT) as EtwSpan;
    expect(message.status).toEqual({ code: SpanStatusCode.ERROR, message: 'dispatch failed: GetStock' });
    expect(operation.status).toEqual({ code: SpanStatusCode.ERROR, message: 'operation failed: GetStock' });
    expect(call.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
    expect(call.spanContext().spanId).toBe(adoptedParentSpanId(trace));
    expect(message.events.map((e) => e.name)).toEqual(['Stop', 'MessageReceivedFromTransport', 'DispatchFailed']);
  });

  it('gives only the first of several client calls the adopted span id, and keeps events before any span', async () => {
    const events = [
      wcf(499, 'Transfer', 0, { HostReference: '', AppDomain: 'client.exe' }),
      ...wcfClientEvents({ guid: G, pid: 3120, atNs: nsAt(T, 1), endMs: 2, action: 'a/One', contract: 'C', destination: 'http://x/' }),
      ...wcfClientEvents({ guid: G, pid: 3120, atNs: nsAt(T, 5), endMs: 2, action: 'a/Two', contract: 'C', destination: 'http://x/' }),
    ].map((e) => ({ ...e, processId: 3120 }));
    const spans = await spansOf(events);
    expect(spans.map((s) => s.name)).toEqual(['C/One', 'C/Two']);
    expect(spans[0].spanContext().spanId).toBe(adoptedParentSpanId(trace));
    expect(spans[1].spanContext().spanId).not.toBe(adoptedParentSpanId(trace));
    expect(spans[0].events[0].name).toBe('Transfer');
  });

  it('ends an unfinished client call at its last event; skips events of other providers and of no activity', async () => {
    const events = [
      ...wcfClientEvents({ guid: G, pid: 3120, atNs: nsAt(T), endMs: 2, action: 'a/One', contract: 'C', destination: 'http://x/' }).slice(0, 2),
      { ...wcf(216, 'Stop', 3, {}), providerGuid: '22222222-2222-2222-2222-222222222222' },
      wcf(216, 'Stop', 3, {}, { activityId: '00000000-0000-0000-0000-000000000000' }),
      etwEvent({ provider: 'httpsys', id: 21, name: 'ConnConnect', ns: nsAt(T, 4), pid: 4, fields: {} }),
    ].map((e) => ({ ...e, processId: e.processId === 2200 ? 3120 : e.processId }));
    const imported = importEtwSpans(events);
    const spans: EtwSpan[] = [];
    for await (const span of imported) spans.push(span);
    expect(spans).toHaveLength(1);
    expect(spans[0].attributes['windows.etw.end_not_seen']).toBe(true);
    expect(imported.summary).toMatchObject({ skippedEvents: 3, unfinished: 1, activities: 1 });
  });
});

describe('mergeByTime', () => {
  const at = (ms: number, pid: number): EtwEvent => etwEvent({ provider: 'httpsys', id: 21, name: 'ConnConnect', ns: nsAt(T, ms), pid, fields: {} });

  it('merges sources in time order, the earlier source first on equal times, sync and async alike', async () => {
    async function* later(): AsyncGenerator<EtwEvent> {
      yield at(2, 2);
      yield at(3, 2);
    }
    const merged: string[] = [];
    for await (const e of mergeByTime([[at(1, 1), at(3, 1), at(9, 1)], later(), [], [at(0, 3)]])) merged.push(`${e.processId}@${Number(BigInt(e.timeUnixNano) - nsAt(T)) / 1e6}`);
    expect(merged).toEqual(['3@0', '1@1', '2@2', '1@3', '2@3', '1@9']);
  });

  it('hands a single source back as it is', () => {
    const only = [at(1, 1)];
    expect(mergeByTime([only])).toBe(only);
  });
});
