import type { EtwEvent, EtwFieldValue } from '../event.js';
import {
  HTTP_SYS,
  HTTP_SYS_CONNECTION_IDS,
  HTTP_SYS_ERROR_IDS,
  HTTP_SYS_RESPONSE_IDS,
  HTTP_SYS_SEND_IDS,
  HTTP_VERBS,
} from './providers.js';
import { fieldAttributes, hrTimeOfText } from './span-data.js';
import type { EtwSpanEvent } from './types.js';

/** Span events kept per request; more are counted as dropped (a request has about ten). */
export const MAX_EVENTS_PER_SPAN = 128;

/** One Http.sys request, as its events come in. */
export interface HttpSysRequest {
  /** The RequestId: 16 lowercase hex digits. */
  readonly key: string;
  requestActivity?: string;
  firstNs: bigint;
  lastNs: bigint;
  recvNs?: bigint;
  sendNs?: bigint;
  deliverNs?: bigint;
  deliverUrl?: string;
  url?: string;
  verb?: string;
  status?: number;
  connectionId?: string;
  siteId?: EtwFieldValue;
  queue?: string;
  remoteAddr?: string;
  /** The worker's process id, from the response events. */
  pid?: number;
  error?: string;
  computer?: string;
  readonly events: EtwSpanEvent[];
  droppedEvents: number;
}

/**
 * The request an Http.sys event belongs to: its RequestId field, else the request activity (RecvReq's
 * RelatedActivityID, the ActivityID of the others), whose first 8 bytes are the RequestId. `undefined`
 * for connection and logging events.
 */
export function requestKeyOf(event: EtwEvent): string | undefined {
  const id = event.fields.RequestId;
  if (typeof id === 'string' && id.startsWith('0x')) return keyOfRequestId(id);
  if (HTTP_SYS_CONNECTION_IDS.has(event.id)) return undefined;
  const activity = event.id === HTTP_SYS.RecvReq ? event.relatedActivityId : event.activityId;
  return activity === undefined ? undefined : requestIdOfActivity(activity);
}

/** Keys of the RequestIds seen lately: every event of a request names its RequestId. */
const keysOfRequestIds = new Map<string, string>();
const KEYS_KEPT = 4096;

function keyOfRequestId(id: string): string {
  let key = keysOfRequestIds.get(id);
  if (key === undefined) {
    key = id.slice(2).toLowerCase().padStart(16, '0');
    // Bounded: a capture has millions of requests, a few thousand open at once; then the table starts over.
    if (keysOfRequestIds.size >= KEYS_KEPT) keysOfRequestIds.clear();
    keysOfRequestIds.set(id, key);
  }
  return key;
}

/** The RequestId in an Http.sys request activity: the GUID's first three fields, in reverse. */
export function requestIdOfActivity(activity: string): string | undefined {
  if (activity.length !== 36 || activity.startsWith('00000000-0000-0000')) return undefined;
  return activity.slice(14, 18) + activity.slice(9, 13) + activity.slice(0, 8);
}

/** A new request, opened by its first event. */
export function openRequest(key: string, ns: bigint): HttpSysRequest {
  return { key, firstNs: ns, lastNs: ns, events: [], droppedEvents: 0 };
}

/** Adds one event of the request. */
export function addRequestEvent(request: HttpSysRequest, event: EtwEvent, ns: bigint): void {
  if (ns < request.firstNs) request.firstNs = ns;
  if (ns > request.lastNs) request.lastNs = ns;
  if (event.computer !== undefined) request.computer = event.computer;
  const f = event.fields;
  const activity = event.id === HTTP_SYS.RecvReq ? event.relatedActivityId : event.activityId;
  if (activity !== undefined && (event.id === HTTP_SYS.RecvReq || request.requestActivity === undefined)) {
    if (requestIdOfActivity(activity) === request.key) request.requestActivity = activity;
  }
  if (typeof f.ConnectionId === 'string') request.connectionId = f.ConnectionId;
  switch (event.id) {
    case HTTP_SYS.RecvReq:
      if (request.recvNs === undefined || ns < request.recvNs) request.recvNs = ns;
      if (typeof f.RemoteAddr === 'string') request.remoteAddr = f.RemoteAddr;
      return; // the span's start, not an event of it
    case HTTP_SYS.Parse:
      if (typeof f.Url === 'string') request.url = f.Url;
      request.verb = verbOf(f.HttpVerb) ?? request.verb;
      break;
    case HTTP_SYS.Deliver:
      request.deliverNs = ns;
      if (typeof f.Url === 'string') request.deliverUrl = f.Url;
      if (f.SiteId !== undefined) request.siteId = f.SiteId;
      if (typeof f.RequestQueueName === 'string') request.queue = f.RequestQueueName;
      break;
  }
  if (HTTP_SYS_RESPONSE_IDS.has(event.id)) {
    if (request.pid === undefined) request.pid = event.processId;
    if (typeof f.StatusCode === 'number') request.status = f.StatusCode;
    if (typeof f.Verb === 'string' && f.Verb !== '' && request.verb === undefined) request.verb = f.Verb;
  }
  if (HTTP_SYS_SEND_IDS.has(event.id)) {
    if (request.sendNs === undefined || ns > request.sendNs) request.sendNs = ns;
    if (request.status === undefined && typeof f.HttpStatus === 'number') request.status = f.HttpStatus;
  }
  if (HTTP_SYS_ERROR_IDS.has(event.id) && request.error === undefined) request.error = errorOf(event);
  if (request.events.length < MAX_EVENTS_PER_SPAN) {
    request.events.push({
      name: event.name === '' ? `event ${event.id}` : event.name,
      time: hrTimeOfText(event.timeUnixNano),
      attributes: fieldAttributes(event.fields),
      droppedAttributesCount: 0,
    });
  } else {
    request.droppedEvents++;
  }
}

/** The span's end: the last send event, else the last event (then the end was not seen). */
export function requestEndNs(request: HttpSysRequest): { endNs: bigint; endSeen: boolean } {
  return request.sendNs === undefined
    ? { endNs: request.lastNs, endSeen: false }
    : { endNs: request.sendNs, endSeen: true };
}

function verbOf(value: EtwFieldValue | undefined): string | undefined {
  if (typeof value === 'number') return HTTP_VERBS[value] || undefined;
  if (typeof value === 'string' && value !== '') return /^\d+$/.test(value) ? HTTP_VERBS[Number(value)] : value;
  return undefined;
}

function errorOf(event: EtwEvent): string {
  const detail = ['Reason', 'Status', 'HttpStatus']
    .filter((name) => event.fields[name] !== undefined)
    .map((name) => `${name} ${String(event.fields[name])}`);
  const name = event.name === '' ? `event ${event.id}` : event.name;
  return detail.length === 0 ? name : `${name}: ${detail.join(', ')}`;
}
