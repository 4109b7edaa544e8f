import { TraceFlags } from '@opentelemetry/api';
import { guidToTraceId } from '../../codec/trace-id.js';
import type { EtwEvent } from '../event.js';
import { addRequestEvent, HttpSysRequest, openRequest, requestKeyOf } from './httpsys-request.js';
import { httpSysSpanDraft, HttpSysPlacement, requestSpanIdOf } from './httpsys-span.js';
import { Candidate, candidatesOf, mayStillClaim } from './join.js';
import { NodeParentOf } from './known-spans.js';
import { HTTP_SYS_PROVIDER_GUID, WCF_PROVIDER_GUID } from './providers.js';
import { SpanDraft, toEtwSpan } from './span-data.js';
import type { EtwImportSummary, EtwSpan } from './types.js';
import { addWcfEvent, openActivity, WcfActivity, wcfActivityIdOf } from './wcf-activity.js';
import { wcfSpanDrafts } from './wcf-spans.js';

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
const NOTHING: EtwSpan[] = [];

/**
 * Turns time-ordered Http.sys and WCF events into spans: keeps each request and activity open while it
 * may get events, joins Http.sys requests to the WCF messages they delivered, and writes what is closed.
 * Memory holds what is open within the horizon, whatever the input's size.
 */
export class SpanJoiner {
  readonly summary: EtwImportSummary = {
    events: 0, requests: 0, matchedRequests: 0, unmatchedRequests: 0, ambiguousRequests: 0,
    activities: 0, spans: 0, unfinished: 0, skippedEvents: 0, lateEvents: 0,
  };
  private readonly _requests = new Map<string, HttpSysRequest>();
  private readonly _activities = new Map<string, WcfActivity>();
  private readonly _byPid = new Map<number, Set<WcfActivity>>();
  private _nowNs = 0n;
  /** When the next sweep is due: compared per event, so that no BigInt is subtracted per event. */
  private _nextSweepNs: bigint;
  private readonly _sweepEveryNs: bigint;

  constructor(
    private readonly _horizonNs: bigint,
    private readonly _nodeParentOf: NodeParentOf,
    private readonly _serviceName: string | undefined
  ) {
    this._sweepEveryNs = _horizonNs / 4n;
    this._nextSweepNs = this._sweepEveryNs;
  }

  /** Adds one event; returns the spans it let close. */
  add(event: EtwEvent): EtwSpan[] {
    this.summary.events++;
    const ns = BigInt(event.timeUnixNano);
    if (ns > this._nowNs) this._nowNs = ns;
    else if (this._nowNs - ns > this._horizonNs) this.summary.lateEvents++;
    if (!this._route(event, ns)) this.summary.skippedEvents++;
    if (this._nowNs < this._nextSweepNs) return NOTHING;
    this._nextSweepNs = this._nowNs + this._sweepEveryNs;
    return this.sweep(false);
  }

  /** Closes what can get no more events (everything when `final`) and returns its spans. */
  sweep(final: boolean): EtwSpan[] {
    const cutoff = this._nowNs - this._horizonNs;
    const drafts: SpanDraft[] = [];
    const expired = [...this._requests.values()].filter((r) => final || r.lastNs < cutoff);
    const candidates = expired.map((request) => candidatesOf(request, this._byPid.get(request.pid ?? -1), false));
    for (const found of candidates) for (const { message } of found) message.claims++;
    for (const request of expired) this._requests.delete(request.key);
    expired.forEach((request, i) => {
      drafts.push(httpSysSpanDraft(request, this._place(request, candidates[i]), this._serviceName));
    });
    for (const activity of this._activities.values()) {
      if (!final && (activity.lastNs >= cutoff || this._mayStillBeClaimed(activity))) continue;
      this._closeActivity(activity);
      drafts.push(...wcfSpanDrafts(activity, this._nodeParentOf, this._serviceName));
    }
    const spans = drafts.map(toEtwSpan);
    this.summary.spans += spans.length;
    return spans;
  }

  private _route(event: EtwEvent, ns: bigint): boolean {
    if (event.providerGuid === HTTP_SYS_PROVIDER_GUID) {
      const key = requestKeyOf(event);
      if (key === undefined) return false;
      let request = this._requests.get(key);
      if (request === undefined) {
        request = openRequest(key, ns);
        this._requests.set(key, request);
      }
      addRequestEvent(request, event, ns);
      return true;
    }
    if (event.providerGuid !== WCF_PROVIDER_GUID) return false;
    const guid = wcfActivityIdOf(event);
    if (guid === ZERO_GUID || guidToTraceId(guid) === undefined) return false;
    const key = `${guid} ${event.processId}`;
    let activity = this._activities.get(key);
    if (activity === undefined) {
      activity = openActivity(guid, event.processId, ns);
      this._activities.set(key, activity);
      const ofPid = this._byPid.get(event.processId) ?? new Set<WcfActivity>();
      ofPid.add(activity);
      this._byPid.set(event.processId, ofPid);
    }
    addWcfEvent(activity, event, ns);
    return true;
  }

  /** Joins on a unique match both ways; else the request's own trace, linked to any candidates. */
  private _place(request: HttpSysRequest, found: Candidate[]): HttpSysPlacement {
    this.summary.requests++;
    if (request.sendNs === undefined) this.summary.unfinished++;
    const unique = found.length === 1 && found[0].message.claims === 1 && !this._openClaim(found[0]);
    if (unique) {
      const { activity, message } = found[0];
      this.summary.matchedRequests++;
      message.httpParentSpanId = requestSpanIdOf(request);
      const traceId = guidToTraceId(activity.guid) as string;
      const nodeParent = this._nodeParentOf(traceId, message.recvNs);
      return { activityId: activity.guid, parentSpanId: nodeParent, parentIsRemote: nodeParent !== undefined, links: [] };
    }
    this.summary.unmatchedRequests++;
    if (found.length > 0) this.summary.ambiguousRequests++;
    const links = found.map(({ activity, message }) => ({
      context: { traceId: guidToTraceId(activity.guid) as string, spanId: message.spanId, traceFlags: TraceFlags.SAMPLED },
      attributes: { 'windows.httpsys.match': 'candidate' },
    }));
    return { links };
  }

  private _openClaim({ activity, message }: Candidate): boolean {
    for (const other of this._requests.values()) if (mayStillClaim(other, activity, message)) return true;
    return false;
  }

  private _mayStillBeClaimed(activity: WcfActivity): boolean {
    return activity.messages.some((message) => this._openClaim({ activity, message }));
  }

  private _closeActivity(activity: WcfActivity): void {
    this._activities.delete(activity.key);
    const ofPid = this._byPid.get(activity.pid);
    ofPid?.delete(activity);
    if (ofPid?.size === 0) this._byPid.delete(activity.pid);
    this.summary.activities++;
    const parts = [...activity.messages, ...activity.calls];
    if (parts.some((part) => part.endNs === undefined)) this.summary.unfinished++;
  }
}
