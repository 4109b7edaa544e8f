import type { HttpSysRequest } from './httpsys-request.js';
import { urlParts } from './httpsys-span.js';
import type { WcfActivity, WcfMessage } from './wcf-activity.js';

/** A WCF service message an Http.sys request may have delivered. */
export interface Candidate {
  readonly activity: WcfActivity;
  readonly message: WcfMessage;
}

/**
 * The WCF service messages an Http.sys request may have delivered: in the process that answered it (the
 * response events' PID), received between Deliver and the last send, at the URL Deliver names (under the
 * WCF listen address or virtual path). `open` says the request may still get events, so its window has
 * no end yet unless a send was seen.
 */
export function candidatesOf(
  request: HttpSysRequest,
  activitiesOfPid: Iterable<WcfActivity> | undefined,
  open: boolean
): Candidate[] {
  if (activitiesOfPid === undefined || request.deliverNs === undefined || request.deliverUrl === undefined) return [];
  const path = pathOf(request.deliverUrl);
  const endNs = request.sendNs ?? (open ? undefined : request.lastNs);
  const found: Candidate[] = [];
  for (const activity of activitiesOfPid) {
    for (const message of activity.messages) {
      const recv = message.recvNs;
      if (recv === undefined || recv < request.deliverNs || (endNs !== undefined && recv > endNs)) continue;
      if (servesPath(message, path)) found.push({ activity, message });
    }
  }
  return found;
}

/** Whether a request may still claim this message: open, delivered before it, same process and URL. */
export function mayStillClaim(request: HttpSysRequest, activity: WcfActivity, message: WcfMessage): boolean {
  if (request.pid !== undefined && request.pid !== activity.pid) return false;
  const recv = message.recvNs;
  if (recv === undefined || request.deliverNs === undefined || request.deliverUrl === undefined) return false;
  if (recv < request.deliverNs || (request.sendNs !== undefined && recv > request.sendNs)) return false;
  return servesPath(message, pathOf(request.deliverUrl));
}

/**
 * Whether a WCF message was received at this path: the path equals the listen address's path or the
 * virtual path, or lies under it. Case-insensitive, as IIS and Http.sys match URLs.
 */
export function servesPath(message: WcfMessage, path: string): boolean {
  const listen = message.fields.ListenAddress;
  const virtual = message.fields.VirtualPath;
  const bases: string[] = [];
  if (typeof listen === 'string' && listen !== '') bases.push(pathOf(listen));
  if (typeof virtual === 'string' && virtual !== '') bases.push(normalize(virtual.replace(/^~/, '')));
  return bases.some((base) => base === '' || path === base || path.startsWith(`${base}/`));
}

function pathOf(url: string): string {
  return normalize(urlParts(url)?.path ?? url);
}

function normalize(path: string): string {
  const lower = path.toLowerCase();
  const trimmed = lower.endsWith('/') ? lower.slice(0, -1) : lower;
  return trimmed.startsWith('/') || trimmed === '' ? trimmed : `/${trimmed}`;
}
