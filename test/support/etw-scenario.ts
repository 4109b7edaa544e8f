// Synthetic Http.sys and WCF events, as the ETW reader yields them (EtwEvent records), for the span
// import's tests and the demo's capture: one Http.sys request, one WCF service message, one WCF client call.
import type { EtwEvent, EtwFieldValue } from '../../src/etw/event.js';

export const HTTP_SYS_GUID = 'dd5ef90a-6398-47a4-ad34-4dcecdef795f';
export const WCF_GUID = 'c651f5f6-1c0d-492e-8ae1-b4efd7c9d503';
const HTTP_SYS_NAME = 'Microsoft-Windows-HttpService';
const WCF_NAME = 'Microsoft-Windows-Application Server-Applications';
const ZERO = '00000000-0000-0000-0000-000000000000';
const MS = 1_000_000n;

/** Nanoseconds since the epoch of an ISO time (ms precision) plus `ms`. */
export function nsAt(iso: string, ms = 0): bigint {
  return BigInt(Date.parse(iso)) * MS + BigInt(Math.round(ms * 1e6));
}

/** The reader's nine-digit ISO rendering of a time in ns. */
export function isoOf(ns: bigint): string {
  const ms = ns / MS;
  const text = new Date(Number(ms)).toISOString();
  return `${text.slice(0, 19)}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}Z`;
}

interface Base {
  provider: 'httpsys' | 'wcf';
  id: number;
  name: string;
  ns: bigint;
  pid: number;
  activityId?: string;
  relatedActivityId?: string;
  computer?: string;
  fields: Record<string, EtwFieldValue>;
  level?: number;
}

/** One EtwEvent as the readers give it. */
export function etwEvent(base: Base): EtwEvent {
  const http = base.provider === 'httpsys';
  return {
    provider: http ? HTTP_SYS_NAME : WCF_NAME,
    providerGuid: http ? HTTP_SYS_GUID : WCF_GUID,
    id: base.id,
    version: 0,
    name: base.name,
    level: base.level ?? 4,
    task: 0,
    opcode: 0,
    keywords: '0x0000000000000000',
    time: isoOf(base.ns),
    timeUnixNano: base.ns.toString(),
    processId: base.pid,
    threadId: 1000 + base.pid,
    activityId: base.activityId ?? ZERO,
    ...(base.relatedActivityId === undefined ? {} : { relatedActivityId: base.relatedActivityId }),
    ...(base.computer === undefined ? {} : { computer: base.computer }),
    fields: base.fields,
  };
}

/** Http.sys's request activity for a RequestId (`0xFE00000080000146`): the id over a base GUID's first 8 bytes. */
export function requestActivityOf(requestId: string): string {
  const hex = requestId.slice(2).toLowerCase().padStart(16, '0');
  return `${hex.slice(8)}-${hex.slice(4, 8)}-${hex.slice(0, 4)}-b63f-84710c7967bb`;
}

export interface HttpSysRequestSpec {
  requestId: string;
  url: string;
  /** ms offsets from `atNs`: RecvReq at 0. */
  atNs: bigint;
  deliverMs: number;
  sendMs?: number;
  workerPid: number;
  status?: number;
  computer?: string;
  remoteAddr?: string;
}

/** RecvReq, Parse, Deliver (PID 4), FastResp, FastRespLast, FastSend (worker PID); no send when `sendMs` is absent. */
export function httpSysRequestEvents(spec: HttpSysRequestSpec): EtwEvent[] {
  const activity = requestActivityOf(spec.requestId);
  const connectionId = `0x${(BigInt(spec.requestId) - 1n).toString(16).toUpperCase()}`;
  const connection = requestActivityOf(connectionId);
  const at = (ms: number): bigint => spec.atNs + BigInt(Math.round(ms * 1e6));
  const common = { provider: 'httpsys' as const, computer: spec.computer };
  const events = [
    etwEvent({ ...common, id: 1, name: 'RecvReq', ns: at(0), pid: 4, activityId: connection, relatedActivityId: activity,
      fields: { RequestId: spec.requestId, ConnectionId: connectionId, RemoteAddrLength: 16, RemoteAddr: spec.remoteAddr ?? '10.0.0.7:50123' } }),
    etwEvent({ ...common, id: 2, name: 'Parse', ns: at(0.01), pid: 4, activityId: activity,
      fields: { RequestObj: '0xFFFFFA8001234560', HttpVerb: 6, Url: spec.url } }),
    etwEvent({ ...common, id: 3, name: 'Deliver', ns: at(spec.deliverMs), pid: 4, activityId: activity,
      fields: { RequestObj: '0xFFFFFA8001234560', RequestId: spec.requestId, SiteId: 1, RequestQueueName: 'DefaultAppPool', Url: spec.url, Status: 0 } }),
  ];
  if (spec.sendMs === undefined) return events;
  const status = spec.status ?? 200;
  return [
    ...events,
    etwEvent({ ...common, id: 8, name: 'FastResp', ns: at(spec.sendMs - 0.02), pid: spec.workerPid, activityId: activity,
      fields: { RequestId: spec.requestId, ConnectionId: connectionId, StatusCode: status, Verb: 'POST', HeaderLength: 120, EntityChunkCount: 1, CachePolicy: 0 } }),
    etwEvent({ ...common, id: 9, name: 'FastRespLast', ns: at(spec.sendMs - 0.01), pid: spec.workerPid, activityId: activity,
      fields: { RequestId: spec.requestId } }),
    etwEvent({ ...common, id: 12, name: 'FastSend', ns: at(spec.sendMs), pid: spec.workerPid, activityId: activity,
      fields: { RequestId: spec.requestId, HttpStatus: status } }),
  ];
}

export interface WcfServiceSpec {
  guid: string;
  pid: number;
  atNs: bigint;
  listenAddress: string;
  method: string;
  /** ms from `atNs` to DispatchStop; absent: the message never ends in the capture. */
  endMs?: number;
  faulted?: boolean;
  hostReference?: string;
  computer?: string;
}

/** TransportReceiveStop (transfer into the GUID), DispatchStart, OperationInvokerStart/Stop, DispatchStop. */
export function wcfServiceEvents(spec: WcfServiceSpec): EtwEvent[] {
  const at = (ms: number): bigint => spec.atNs + BigInt(Math.round(ms * 1e6));
  const host = spec.hostReference ?? 'Default Web Site/Stock|/StockService.svc';
  const common = { provider: 'wcf' as const, pid: spec.pid, activityId: spec.guid, computer: spec.computer };
  const events = [
    etwEvent({ ...common, id: 215, name: 'Stop', ns: at(0), activityId: '4a6f0000-1111-2222-3333-444455556666', relatedActivityId: spec.guid,
      fields: { ListenAddress: spec.listenAddress, HostReference: host, AppDomain: '/LM/W3SVC/1/ROOT/Stock-1' } }),
    etwEvent({ ...common, id: 709, name: 'DispatchStart', ns: at(0.1), fields: { HostReference: host, AppDomain: '/LM/W3SVC/1/ROOT/Stock-1' } }),
    etwEvent({ ...common, id: 205, name: 'OperationInvokerStart', ns: at(0.2),
      fields: { MethodName: spec.method, CallerInfo: 'NetworkService', HostReference: host, AppDomain: '/LM/W3SVC/1/ROOT/Stock-1' } }),
  ];
  if (spec.endMs === undefined) return events;
  const stop = spec.faulted === true
    ? etwEvent({ ...common, id: 223, name: 'OperationFaulted', level: 3, ns: at(spec.endMs - 0.2),
      fields: { MethodName: spec.method, Duration: Math.round(spec.endMs), HostReference: host, AppDomain: '' } })
    : etwEvent({ ...common, id: 214, name: 'OperationInvokerStop', ns: at(spec.endMs - 0.2),
      fields: { MethodName: spec.method, Duration: Math.round(spec.endMs), HostReference: host, AppDomain: '' } });
  return [...events, stop, etwEvent({ ...common, id: 712, name: 'DispatchStop', ns: at(spec.endMs), fields: { AppDomain: '' } })];
}

export interface WcfClientSpec {
  guid: string;
  pid: number;
  atNs: bigint;
  endMs: number;
  action: string;
  contract: string;
  destination: string;
  computer?: string;
}

/** ClientOperationPrepared, TransportSendStop, ServiceChannelCallStop, all in the GUID's activity. */
export function wcfClientEvents(spec: WcfClientSpec): EtwEvent[] {
  const at = (ms: number): bigint => spec.atNs + BigInt(Math.round(ms * 1e6));
  const fields = { Action: spec.action, ContractName: spec.contract, Destination: spec.destination, HostReference: '', AppDomain: 'client.exe' };
  const common = { provider: 'wcf' as const, pid: spec.pid, activityId: spec.guid, computer: spec.computer };
  return [
    etwEvent({ ...common, id: 217, name: 'OperationPrepared', ns: at(0), fields }),
    etwEvent({ ...common, id: 216, name: 'Stop', ns: at(0.3), fields: { DestinationAddress: spec.destination, HostReference: '', AppDomain: 'client.exe' } }),
    etwEvent({ ...common, id: 218, name: 'Stop', ns: at(spec.endMs), fields }),
  ];
}

/** Events of several scenarios in time order (stable), as a capture has them. */
export function inTimeOrder(...groups: EtwEvent[][]): EtwEvent[] {
  return groups.flat().sort((a, b) => (BigInt(a.timeUnixNano) < BigInt(b.timeUnixNano) ? -1 : BigInt(a.timeUnixNano) > BigInt(b.timeUnixNano) ? 1 : 0));
}
