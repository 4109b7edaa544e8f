// The Windows side of the demo's activities, as a SYNTHETIC ETW capture: for each GUID, the events a WCF
// client (machine CLIENT01) logs around its call to `orders`, and the Http.sys and WCF service events
// (machine WEB01) of `inventory`'s call to the stock service, timed inside the Node.js spans. Written as
// two .etl files with the test-side ETL writer (compiled to build/demo by scripts/build.mjs).
'use strict';
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { SpanKind } = require('@opentelemetry/api');
const { writeEtl } = require('../../build/demo/test/support/etl-writer/index.js');

const HTTP_SYS = 'Microsoft-Windows-HttpService';
const WCF = 'Microsoft-Windows-Application Server-Applications';
const CLIENT_PID = 3120;
const WORKER_PID = 2200;
const HOST_REFERENCE = 'Default Web Site/Stock|/StockService.svc';

const nsOf = (time) => BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
// ETW keeps 100-ns ticks: times are rounded to them so that the reader gives back exactly these.
function isoOf(ns) {
  const ticks = ns / 100n;
  const text = new Date(Number(ticks / 10_000n)).toISOString().slice(0, 19);
  return `${text}.${(ticks % 10_000_000n).toString().padStart(7, '0')}Z`;
}
const at = (startNs, durationNs, share) => startNs + (durationNs * BigInt(Math.round(share * 1000))) / 1000n;

function requestActivity(requestId) {
  const hex = requestId.slice(2).toLowerCase();
  return `${hex.slice(8)}-${hex.slice(4, 8)}-${hex.slice(0, 4)}-b63f-84710c7967bb`;
}

/** WCF client: ClientOperationPrepared before the `orders` server span, ServiceChannelCallStop after it. */
function wcfClientEvents(guid, orders, ordersUrl) {
  const fields = { Action: 'http://tempuri.org/IOrders/GetOrders', ContractName: 'IOrders', Destination: `${ordersUrl}/orders`, HostReference: '', AppDomain: 'OrdersClient.exe' };
  const common = { provider: WCF, processId: CLIENT_PID, threadId: 4410, activityId: guid };
  return [
    { ...common, id: 217, time: isoOf(nsOf(orders.startTime) - 2_000_000n), fields },
    { ...common, id: 218, time: isoOf(nsOf(orders.endTime) + 1_000_000n), fields },
  ];
}

/** Http.sys and the WCF service on WEB01, inside `inventory`'s client span to the stock service. */
function webEvents(guid, call, index) {
  const start = nsOf(call.startTime);
  const duration = nsOf(call.endTime) - start;
  const t = (share) => isoOf(at(start, duration, share));
  const requestId = `0xFE000000${(0x80000140 + 2 * index).toString(16).toUpperCase()}`;
  const connectionId = `0xFE000000${(0x60000140 + 2 * index).toString(16).toUpperCase()}`;
  const activity = requestActivity(requestId);
  const url = `http://web01:80/Stock/StockService.svc`;
  const http = { provider: HTTP_SYS, threadId: 2252 };
  const wcf = { provider: WCF, processId: WORKER_PID, threadId: 5120, activityId: guid };
  const appDomain = '/LM/W3SVC/1/ROOT/Stock-1-131';
  return [
    { ...http, id: 1, time: t(0.1), processId: 4, activityId: requestActivity(connectionId), relatedActivityId: activity, fields: { RequestId: requestId, ConnectionId: connectionId, RemoteAddrLength: 16, RemoteAddr: '10.1.0.20:50431' } },
    { ...http, id: 2, time: t(0.12), processId: 4, activityId: activity, fields: { RequestObj: '0xFFFFFA8003B41230', HttpVerb: 6, Url: url } },
    { ...http, id: 3, time: t(0.2), processId: 4, activityId: activity, fields: { RequestObj: '0xFFFFFA8003B41230', RequestId: requestId, SiteId: 1, RequestQueueName: 'StockAppPool', Url: url, Status: 0 } },
    { ...wcf, id: 215, time: t(0.3), activityId: '7c1a0000-0000-0000-0000-0000000000aa', relatedActivityId: guid, fields: { ListenAddress: 'http://web01/Stock/StockService.svc', HostReference: HOST_REFERENCE, AppDomain: appDomain } },
    { ...wcf, id: 709, time: t(0.32), fields: { HostReference: HOST_REFERENCE, AppDomain: appDomain } },
    { ...wcf, id: 205, time: t(0.35), fields: { MethodName: 'GetStock', CallerInfo: 'ApplicationPoolIdentity', HostReference: HOST_REFERENCE, AppDomain: appDomain } },
    { ...wcf, id: 214, time: t(0.6), fields: { MethodName: 'GetStock', Duration: 0, HostReference: HOST_REFERENCE, AppDomain: appDomain } },
    { ...wcf, id: 712, time: t(0.65), fields: { AppDomain: appDomain } },
    { ...http, id: 8, time: t(0.7), processId: WORKER_PID, activityId: activity, fields: { RequestId: requestId, ConnectionId: connectionId, StatusCode: 200, Verb: 'POST', HeaderLength: 180, EntityChunkCount: 1, CachePolicy: 0 } },
    { ...http, id: 9, time: t(0.72), processId: WORKER_PID, activityId: activity, fields: { RequestId: requestId } },
    { ...http, id: 12, time: t(0.8), processId: WORKER_PID, activityId: activity, fields: { RequestId: requestId, HttpStatus: 200 } },
  ];
}

/**
 * Writes the synthetic capture of every request with a GUID whose Node.js spans are in trace
 * `guidToTraceId(guid)` (adoptTraceId). Returns the two file paths, or none when no request qualifies.
 */
function writeWindowsCapture(requests, spans, ordersUrl) {
  const client = [];
  const web = [];
  requests.forEach((request, index) => {
    if (request.guid === undefined) return;
    const traceId = request.guid.replace(/-/g, '');
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
    const orders = inTrace.find((s) => s.kind === SpanKind.SERVER);
    const call = inTrace.find((s) => s.kind === SpanKind.CLIENT && String(s.attributes['url.full'] ?? s.attributes['http.url'] ?? '').includes('/Stock/'));
    if (orders === undefined || call === undefined) return;
    client.push(...wcfClientEvents(request.guid, orders, ordersUrl));
    web.push(...webEvents(request.guid, call, index));
  });
  if (client.length === 0) return [];
  const byTime = (a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0);
  const dir = mkdtempSync(join(tmpdir(), 'e2eactivity-demo-'));
  const files = [join(dir, 'CLIENT01.etl'), join(dir, 'WEB01.etl')];
  writeFileSync(files[0], writeEtl({ startTime: client.sort(byTime)[0].time, computerName: 'CLIENT01', events: client }));
  writeFileSync(files[1], writeEtl({ startTime: web.sort(byTime)[0].time, computerName: 'WEB01', events: web }));
  return files;
}

module.exports = { writeWindowsCapture };
