import { Attributes, SpanKind } from '@opentelemetry/api';
import { adoptedParentSpanId, guidToTraceId } from '../../codec/trace-id.js';
import { E2E_ACTIVITY_ATTRIBUTE } from '../../constants.js';
import type { EtwFieldValue } from '../event.js';
import type { NodeParentOf } from './known-spans.js';
import { END_NOT_SEEN_ATTRIBUTE, resourceOf, SpanDraft } from './span-data.js';
import { partEnd, WcfActivity, WcfMessage, WcfPart } from './wcf-activity.js';

/** WCF fields as span attributes, by their field names. */
const WCF_ATTRIBUTES: Readonly<Record<string, string>> = {
  ListenAddress: 'windows.wcf.listen_address',
  VirtualPath: 'windows.wcf.virtual_path',
  HostReference: 'windows.wcf.host_reference',
  AppDomain: 'windows.wcf.app_domain',
  AppDomainFriendlyName: 'windows.wcf.app_domain_name',
  OperationName: 'windows.wcf.operation_name',
  MethodName: 'windows.wcf.method_name',
  CallerInfo: 'windows.wcf.caller_info',
  Duration: 'windows.wcf.duration_ms',
  Action: 'windows.wcf.action',
  ContractName: 'windows.wcf.contract_name',
  Destination: 'windows.wcf.destination',
};

/**
 * The spans of one WCF activity in one process, in trace `guidToTraceId(guid)`: per message a SERVER span
 * (child of the Http.sys request that delivered it, else of the Node.js client that called it, else a
 * root) with an INTERNAL child per operation; per client call a CLIENT span, the first of which takes the
 * span id `adoptTraceId` gives the Node.js service's remote parent.
 */
export function wcfSpanDrafts(activity: WcfActivity, nodeParentOf: NodeParentOf, serviceName?: string): SpanDraft[] {
  const traceId = guidToTraceId(activity.guid) as string;
  const drafts: SpanDraft[] = [];
  const host = activity.computer;
  const hostReference = (item: WcfPart): string | undefined =>
    typeof item.fields.HostReference === 'string' && item.fields.HostReference !== '' ? item.fields.HostReference : undefined;
  for (const message of activity.messages) {
    const service = resourceOf(serviceName ?? hostReference(message) ?? 'wcf', host);
    const nodeParent = message.httpParentSpanId === undefined ? nodeParentOf(traceId, message.recvNs) : undefined;
    const draft = partDraft(activity, message, traceId, messageName(message), SpanKind.SERVER);
    drafts.push({ ...draft, parentSpanId: message.httpParentSpanId ?? nodeParent, parentIsRemote: nodeParent !== undefined, resource: service });
    for (const operation of message.operations) {
      drafts.push({ ...partDraft(activity, operation, traceId, operation.method || 'operation', SpanKind.INTERNAL), parentSpanId: message.spanId, resource: service });
    }
  }
  activity.calls.forEach((call, index) => {
    const service = resourceOf(serviceName ?? hostReference(call) ?? 'wcf-client', host);
    const draft = partDraft(activity, call, traceId, callName(call.fields), SpanKind.CLIENT);
    const spanId = index === 0 ? (adoptedParentSpanId(traceId) as string) : call.spanId;
    drafts.push({ ...draft, spanId, parentSpanId: enclosingSpanId(activity.messages, call.startNs), resource: service });
  });
  return drafts;
}

function partDraft(activity: WcfActivity, item: WcfPart, traceId: string, name: string, kind: SpanKind): SpanDraft {
  const { endNs, endSeen } = partEnd(item);
  const attributes: Attributes = { [E2E_ACTIVITY_ATTRIBUTE]: activity.guid, 'windows.etw.activity_id': activity.guid };
  attributes['process.pid'] = activity.pid;
  for (const field in item.fields) {
    const key = WCF_ATTRIBUTES[field];
    if (key !== undefined) attributes[key] = item.fields[field];
  }
  if (!endSeen) attributes[END_NOT_SEEN_ATTRIBUTE] = true;
  return {
    name,
    kind,
    traceId,
    spanId: item.spanId,
    startNs: item.startNs,
    endNs,
    error: item.error,
    attributes,
    events: item.events,
    droppedEvents: item.droppedEvents,
    links: [],
    resource: resourceOf('wcf', undefined),
  };
}

function messageName(message: WcfMessage): string {
  const operation = message.fields.OperationName;
  const name = typeof operation === 'string' && operation !== '' ? operation : message.operations[0]?.method;
  return name ? `WCF ${name}` : 'WCF message';
}

function callName(fields: Readonly<Record<string, EtwFieldValue>>): string {
  const action = typeof fields.Action === 'string' ? fields.Action : '';
  const contract = typeof fields.ContractName === 'string' ? fields.ContractName : '';
  const method = action.slice(action.lastIndexOf('/') + 1);
  if (contract !== '' && method !== '') return `${contract}/${method}`;
  return action || 'WCF call';
}

/** The operation (else the message) of this process and activity running when a client call started. */
function enclosingSpanId(messages: readonly WcfMessage[], ns: bigint): string | undefined {
  for (const message of messages) {
    if (ns < message.startNs || ns > partEnd(message).endNs) continue;
    const operation = message.operations.find((o) => o.startNs <= ns && ns <= partEnd(o).endNs);
    return (operation ?? message).spanId;
  }
  return undefined;
}
