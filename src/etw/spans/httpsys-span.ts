import { Attributes, Link, SpanKind } from '@opentelemetry/api';
import { E2E_ACTIVITY_ATTRIBUTE } from '../../constants.js';
import { guidToTraceId } from '../../codec/trace-id.js';
import { HttpSysRequest, requestEndNs } from './httpsys-request.js';
import { END_NOT_SEEN_ATTRIBUTE, resourceOf, SpanDraft, spanIdOf } from './span-data.js';

/** Service name of Http.sys spans unless the caller names one. */
export const HTTP_SYS_SERVICE_NAME = 'http.sys';

/** How an Http.sys request found its WCF activity: `heuristic` (unique match), `ambiguous` or `none`. */
export const HTTP_SYS_MATCH_ATTRIBUTE = 'windows.httpsys.match';

/** Where the Http.sys span goes: the trace and parent of the WCF activity it delivered, or its own trace. */
export interface HttpSysPlacement {
  /** The WCF activity's GUID when the match was unique. */
  readonly activityId?: string;
  readonly parentSpanId?: string;
  readonly parentIsRemote?: boolean;
  /** The candidates of an ambiguous match, as links. */
  readonly links: Link[];
}

/** The request's own trace: the request activity's digits (or, lacking it, the RequestId's). */
export function ownTraceIdOf(request: HttpSysRequest): string {
  const fromActivity = request.requestActivity === undefined ? undefined : guidToTraceId(request.requestActivity);
  return fromActivity ?? `${request.key}${'0'.repeat(15)}1`;
}

/** The span id of the request's span, fixed from its RequestId and first event. */
export function requestSpanIdOf(request: HttpSysRequest): string {
  return spanIdOf(`httpsys ${request.key} ${request.firstNs}`);
}

/** The Http.sys request span (SERVER), placed as the join decided. */
export function httpSysSpanDraft(request: HttpSysRequest, placement: HttpSysPlacement, serviceName?: string): SpanDraft {
  const { endNs, endSeen } = requestEndNs(request);
  const attributes = requestAttributes(request);
  const joined = placement.activityId !== undefined;
  attributes[HTTP_SYS_MATCH_ATTRIBUTE] = joined ? 'heuristic' : placement.links.length > 0 ? 'ambiguous' : 'none';
  if (joined) attributes[E2E_ACTIVITY_ATTRIBUTE] = placement.activityId;
  if (!endSeen) attributes[END_NOT_SEEN_ATTRIBUTE] = true;
  return {
    name: request.verb ?? 'HTTP',
    kind: SpanKind.SERVER,
    traceId: joined ? (guidToTraceId(placement.activityId as string) as string) : ownTraceIdOf(request),
    spanId: requestSpanIdOf(request),
    parentSpanId: placement.parentSpanId,
    parentIsRemote: placement.parentIsRemote,
    startNs: request.recvNs ?? request.firstNs,
    endNs,
    error: request.error,
    attributes,
    events: request.events,
    droppedEvents: request.droppedEvents,
    links: placement.links,
    resource: resourceOf(serviceName ?? HTTP_SYS_SERVICE_NAME, request.computer),
  };
}

function requestAttributes(request: HttpSysRequest): Attributes {
  const a: Attributes = {};
  if (request.verb !== undefined) a['http.request.method'] = request.verb;
  const url = request.url ?? request.deliverUrl;
  if (url !== undefined) {
    a['url.full'] = url;
    const parts = urlParts(url);
    if (parts !== undefined) {
      a['url.path'] = parts.path;
      a['server.address'] = parts.host;
      if (parts.port !== undefined) a['server.port'] = parts.port;
    }
  }
  if (request.status !== undefined) a['http.response.status_code'] = request.status;
  const client = request.remoteAddr === undefined ? undefined : socketAddressParts(request.remoteAddr);
  if (client !== undefined) {
    a['client.address'] = client.host;
    a['client.port'] = client.port;
  }
  a['windows.httpsys.request_id'] = `0x${request.key.toUpperCase()}`;
  if (request.connectionId !== undefined) a['windows.httpsys.connection_id'] = request.connectionId;
  if (request.queue !== undefined) a['windows.httpsys.request_queue'] = request.queue;
  if (request.siteId !== undefined) a['windows.httpsys.site_id'] = request.siteId;
  if (request.requestActivity !== undefined) a['windows.etw.activity_id'] = request.requestActivity;
  if (request.pid !== undefined) a['process.pid'] = request.pid;
  return a;
}

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^/:?#]*)(?::(\d+))?([^?#]*)/i;

/** Parts of the URLs seen lately: a site's requests repeat a handful of URLs. */
const partsOfUrls = new Map<string, UrlParts | undefined>();
const URLS_KEPT = 1024;

/** Host, port and path of a URL. */
export interface UrlParts {
  readonly host: string;
  readonly port?: number;
  readonly path: string;
}

/** Host, port and path of an absolute URL as Http.sys logs it (`http://localhost:80/a/b`). */
export function urlParts(url: string): UrlParts | undefined {
  if (partsOfUrls.has(url)) return partsOfUrls.get(url);
  const match = URL_PATTERN.exec(url);
  const host = match === null ? '' : match[1].startsWith('[') ? match[1].slice(1, -1) : match[1];
  const parts = match === null ? undefined : { host, port: match[2] === undefined ? undefined : Number(match[2]), path: match[3] === '' ? '/' : match[3] };
  // Bounded: a capture may hold many distinct URLs; then the table starts over.
  if (partsOfUrls.size >= URLS_KEPT) partsOfUrls.clear();
  partsOfUrls.set(url, parts);
  return parts;
}

/** Address and port of a socket address as the reader renders it: `10.0.0.1:80`, `[::1]:50438`. */
export function socketAddressParts(text: string): { host: string; port: number } | undefined {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(text);
  if (match === null) return undefined;
  return { host: match[1] ?? match[2], port: Number(match[3]) };
}
