// Headers and contexts shared by the cases: what a Node.js server sees on a typical incoming request.
import { api } from './modules.mjs';

export const ACTIVITY = '1EQPEKzH3EWY95dMBk1h3Q==';
export const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
export const B3_SINGLE = '0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1';
export const BAGGAGE = 'userId=alice';

/** Incoming headers as node:http hands them in: lowercase names, a few ordinary ones around ours. */
export function headers(extra = {}) {
  return {
    host: '127.0.0.1:8080',
    'user-agent': 'bench/1.0',
    accept: '*/*',
    'accept-encoding': 'gzip, deflate',
    connection: 'keep-alive',
    ...extra,
  };
}

/**
 * A fresh carrier for one inject, as instrumentation-http hands it in: a copy of the headers the app set
 * on its request. Fresh per call, because inject leaves an E2EActivity header already there alone: a
 * reused carrier would time that shortcut from the second call on.
 */
export function outgoing() {
  return { 'content-type': 'application/json', accept: '*/*' };
}

export const SPAN_CONTEXT = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: api.TraceFlags.SAMPLED,
  isRemote: true,
};

export const getter = api.defaultTextMapGetter;
export const setter = api.defaultTextMapSetter;
export const ROOT = api.ROOT_CONTEXT;
