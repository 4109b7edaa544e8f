import type { EtwEvent, EtwFieldValue } from '../event.js';
import { MAX_EVENTS_PER_SPAN } from './httpsys-request.js';
import { WCF, WCF_TRANSFER_IN_IDS } from './providers.js';
import { fieldAttributes, hrTimeOfText, spanIdOf } from './span-data.js';
import type { EtwSpanEvent } from './types.js';

/** Something that becomes a span: its times, error and span events. */
export interface WcfPart {
  readonly spanId: string;
  readonly startNs: bigint;
  lastNs: bigint;
  endNs?: bigint;
  error?: string;
  readonly events: EtwSpanEvent[];
  droppedEvents: number;
  readonly fields: Record<string, EtwFieldValue>;
}

/** A WCF service operation (OperationInvokerStart/Stop). */
export interface WcfOperation extends WcfPart {
  readonly method: string;
}

/** One message a WCF service received and dispatched. */
export interface WcfMessage extends WcfPart {
  /** When the transport handed it to WCF (TransportReceiveStop or WebHostRequestStart). */
  recvNs?: bigint;
  readonly startIds: Set<number>;
  readonly operations: WcfOperation[];
  /** The Http.sys request span it was delivered by, when the match was unique. */
  httpParentSpanId?: string;
  /** Http.sys requests that could have delivered it. */
  claims: number;
}

/** One call of a WCF client (ClientOperationPrepared to ServiceChannelCallStop). */
export type WcfCall = WcfPart;

/** The events of one E2E activity in one process. */
export interface WcfActivity {
  readonly key: string;
  readonly guid: string;
  readonly pid: number;
  computer?: string;
  firstNs: bigint;
  lastNs: bigint;
  readonly messages: WcfMessage[];
  readonly calls: WcfCall[];
  /** Events seen before any message or call, given to the first one. */
  readonly early: EtwSpanEvent[];
}

/** The E2E activity of a WCF event: the RelatedActivityID of a transfer into it, else the ActivityID. */
export function wcfActivityIdOf(event: EtwEvent): string {
  return WCF_TRANSFER_IN_IDS.has(event.id) && event.relatedActivityId !== undefined
    ? event.relatedActivityId
    : event.activityId;
}

/** A new activity, opened by its first event. */
export function openActivity(guid: string, pid: number, ns: bigint): WcfActivity {
  return { key: `${guid} ${pid}`, guid, pid, firstNs: ns, lastNs: ns, messages: [], calls: [], early: [] };
}

/** Adds one event of the activity. */
export function addWcfEvent(activity: WcfActivity, event: EtwEvent, ns: bigint): void {
  if (ns > activity.lastNs) activity.lastNs = ns;
  if (ns < activity.firstNs) activity.firstNs = ns;
  if (event.computer !== undefined) activity.computer = event.computer;
  const f = event.fields;
  const method = typeof f.MethodName === 'string' ? f.MethodName : '';
  switch (event.id) {
    case WCF.TransportReceiveStop:
    case WCF.WebHostRequestStart: {
      const message = messageFor(activity, event.id, ns);
      if (message.recvNs === undefined || ns < message.recvNs) message.recvNs = ns;
      return note(message, event, ns);
    }
    case WCF.DispatchStart:
      return note(messageFor(activity, event.id, ns), event, ns);
    case WCF.OperationInvokerStart: {
      const message = currentMessage(activity, ns);
      const operation: WcfOperation = { ...part(`${message.spanId} ${method} ${ns}`, ns), method };
      message.operations.push(operation);
      Object.assign(operation.fields, f);
      return touch(message, ns);
    }
    case WCF.OperationInvokerStop:
    case WCF.OperationFailed:
    case WCF.OperationFaulted: {
      const message = currentMessage(activity, ns);
      const operation = openOperation(message, method) ?? message.operations.at(-1);
      if (event.id !== WCF.OperationInvokerStop) {
        const failure = `${event.id === WCF.OperationFailed ? 'operation failed' : 'operation faulted'}: ${method}`;
        message.error ??= failure;
        if (operation !== undefined) operation.error = failure;
      }
      if (operation === undefined) return note(message, event, ns);
      operation.endNs ??= ns;
      if (ns > operation.lastNs) operation.lastNs = ns;
      if (typeof f.Duration === 'number' || typeof f.Duration === 'string') operation.fields.Duration = f.Duration;
      return touch(message, ns);
    }
    case WCF.DispatchStop:
    case WCF.DispatchSuccessful:
    case WCF.DispatchFailed: {
      const message = activity.messages.at(-1) ?? currentMessage(activity, ns);
      message.endNs = message.endNs === undefined || ns > message.endNs ? ns : message.endNs;
      if (event.id === WCF.DispatchFailed) message.error = `dispatch failed: ${String(f.OperationName ?? '')}`;
      return note(message, event, ns);
    }
    case WCF.ClientOperationPrepared: {
      const call = part(`wcf-call ${activity.key} ${ns}`, ns);
      activity.calls.push(call);
      return note(call, event, ns, activity);
    }
    case WCF.ServiceChannelCallStop: {
      const call = openCall(activity, f.Action) ?? activity.calls.at(-1);
      if (call === undefined) return early(activity, event);
      call.endNs ??= ns;
      return note(call, event, ns);
    }
    default: {
      const target = latest(activity);
      return target === undefined ? early(activity, event) : note(target, event, ns);
    }
  }
}

/** A message's or call's end: the stop event, else its last event (then the end was not seen). */
export function partEnd(item: WcfPart): { endNs: bigint; endSeen: boolean } {
  return item.endNs === undefined ? { endNs: item.lastNs, endSeen: false } : { endNs: item.endNs, endSeen: true };
}

function part(key: string, ns: bigint): WcfPart {
  return { spanId: spanIdOf(key), startNs: ns, lastNs: ns, events: [], droppedEvents: 0, fields: {} };
}

/** The message a start event belongs to: the open one, unless it already had this start event. */
function messageFor(activity: WcfActivity, id: number, ns: bigint): WcfMessage {
  const last = activity.messages.at(-1);
  if (last !== undefined && last.endNs === undefined && !last.startIds.has(id)) {
    last.startIds.add(id);
    return last;
  }
  return newMessage(activity, id, ns);
}

function currentMessage(activity: WcfActivity, ns: bigint): WcfMessage {
  const last = activity.messages.at(-1);
  return last !== undefined && last.endNs === undefined ? last : newMessage(activity, 0, ns);
}

function newMessage(activity: WcfActivity, id: number, ns: bigint): WcfMessage {
  const message: WcfMessage = {
    ...part(`wcf-message ${activity.key} ${ns}`, ns),
    startIds: new Set(id === 0 ? [] : [id]),
    operations: [],
    claims: 0,
  };
  activity.messages.push(message);
  message.events.push(...activity.early.splice(0));
  return message;
}

function openOperation(message: WcfMessage, method: string): WcfOperation | undefined {
  return lastOf(message.operations, (operation) => operation.endNs === undefined && operation.method === method);
}

function openCall(activity: WcfActivity, action: EtwFieldValue | undefined): WcfCall | undefined {
  return lastOf(activity.calls, (call) => call.endNs === undefined && call.fields.Action === action);
}

function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}

function latest(activity: WcfActivity): WcfPart | undefined {
  const message = activity.messages.at(-1);
  const call = activity.calls.at(-1);
  if (message === undefined) return call;
  if (call === undefined) return message;
  return call.startNs > message.startNs ? call : message;
}

function touch(item: WcfPart, ns: bigint): void {
  if (ns > item.lastNs) item.lastNs = ns;
}

function note(item: WcfPart, event: EtwEvent, ns: bigint, activity?: WcfActivity): void {
  touch(item, ns);
  for (const name in event.fields) item.fields[name] ??= event.fields[name];
  if (activity !== undefined) item.events.push(...activity.early.splice(0));
  if (item.events.length < MAX_EVENTS_PER_SPAN) item.events.push(spanEvent(event));
  else item.droppedEvents++;
}

function early(activity: WcfActivity, event: EtwEvent): void {
  if (activity.early.length < MAX_EVENTS_PER_SPAN) activity.early.push(spanEvent(event));
}

function spanEvent(event: EtwEvent): EtwSpanEvent {
  return {
    name: event.name === '' ? `event ${event.id}` : event.name,
    time: hrTimeOfText(event.timeUnixNano),
    attributes: fieldAttributes(event.fields),
    droppedAttributesCount: 0,
  };
}
