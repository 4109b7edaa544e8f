import { readFileSync } from 'node:fs';

/**
 * A second, deliberately naive route through an ETL file for cross-checking the reader: the whole file in
 * memory, Node's Buffer reads at fixed offsets, nothing from src/etw. It knows only what the real capture
 * needs (64-bit EVENT_HEADER records, RelatedActivityId as the only extended item, 0xFF fill).
 */
export interface RawEvent {
  readonly fileOffset: number;
  /** Record size in bytes. */
  readonly size: number;
  readonly id: number;
  readonly processId: number;
  readonly threadId: number;
  readonly activity: Buffer;
  readonly related?: Buffer;
  readonly payload: Buffer;
}

export function rawEvents(path: string): RawEvent[] {
  const d = readFileSync(path);
  const bufferSize = d.readUInt32LE(0);
  const out: RawEvent[] = [];
  for (let base = bufferSize; base + bufferSize <= d.length; base += bufferSize) {
    const saved = d.readUInt32LE(base + 4);
    const filled = saved >= 72 && saved <= bufferSize ? saved : d.readUInt32LE(base + 48);
    for (let off = 72; off + 4 <= filled && d.readUInt32LE(base + off) !== 0xffffffff; ) {
      const at = base + off;
      const size = d.readUInt16LE(at);
      const extended = (d.readUInt16LE(at + 4) & 1) === 1;
      const payloadStart = at + 80 + (extended ? 24 : 0);
      out.push({
        fileOffset: at,
        size,
        id: d.readUInt16LE(at + 40),
        threadId: d.readUInt32LE(at + 8),
        processId: d.readUInt32LE(at + 12),
        activity: d.subarray(at + 64, at + 80),
        ...(extended ? { related: d.subarray(at + 88, at + 104) } : {}),
        payload: d.subarray(payloadStart, at + size),
      });
      off += (size + 7) & ~7;
    }
  }
  return out;
}

/** One request of the capture as the raw route sees it. */
export interface RawRequest {
  requestId: string;
  recvReqOffset: number;
  httpVerb?: number;
  url?: string;
  verb?: string;
  statusCode?: number;
  httpStatus?: number;
}

const hex = (v: bigint) => `0x${v.toString(16).toUpperCase()}`;

/** Requests keyed by RequestId (`0x` + uppercase hex), in RecvReq order. */
export function rawRequests(events: readonly RawEvent[]): Map<string, RawRequest> {
  const requests = new Map<string, RawRequest>();
  for (const e of events) {
    if (e.id === 1) requests.set(hex(e.payload.readBigUInt64LE(0)), { requestId: hex(e.payload.readBigUInt64LE(0)), recvReqOffset: e.fileOffset });
  }
  for (const e of events) {
    const byActivity = requests.get(hex(e.activity.readBigUInt64LE(0)));
    if (e.id === 2 && byActivity !== undefined) {
      byActivity.httpVerb = e.payload.readUInt32LE(8);
      byActivity.url = e.payload.subarray(12).toString('utf16le').split('\0')[0];
    }
    const byField = e.id === 4 || e.id === 8 || e.id === 10 || e.id === 12 ? requests.get(hex(e.payload.readBigUInt64LE(0))) : undefined;
    if (byField !== undefined && (e.id === 4 || e.id === 8)) {
      byField.statusCode = e.payload.readUInt16LE(16);
      byField.verb = e.payload.subarray(18).toString('latin1').split('\0')[0];
    }
    if (byField !== undefined && (e.id === 10 || e.id === 12)) byField.httpStatus = e.payload.readUInt16LE(8);
  }
  return requests;
}
