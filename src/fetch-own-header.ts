import { isHeaderName } from './carrier.js';

/** What this module uses of `node:diagnostics_channel`. */
interface DiagnosticsChannel {
  subscribe(name: string, onMessage: (message: unknown, name: string | symbol) => void): void;
}

/** What this module uses of an undici request: headers as a flat `[name, value, ...]` array (undici 6+) or a raw string (5). */
interface UndiciRequest {
  headers?: unknown;
  addHeader?: unknown;
}

/** Published by undici (and the `fetch` built into Node.js) once a request's own headers are set. */
const REQUEST_CREATED = 'undici:request:create';

let listening = false;

/**
 * Makes `fetch` send an E2EActivity header the application set itself, and only that one.
 *
 * Why here and not in inject: instrumentation-undici injects into an empty object and appends what it
 * gets to the request, so inject cannot see the application's header, and the request would carry both,
 * joined "A, B" on arrival, which WCF rejects. This listens where undici announces each new request, with
 * the application's headers in it, and keeps the first E2EActivity header (the application's: they come
 * before anything an instrumentation adds). Listeners run in the order they subscribed, so either the
 * instrumentation has already appended ours (removed here) or it is about to (its `addHeader` is then
 * refused for this request only). Node.js 20.16 and later (`process.getBuiltinModule`); without it, or
 * outside Node.js, nothing happens. Idempotent.
 */
export function keepOwnE2EActivityOnFetch(): void {
  if (listening) return;
  const channels = diagnosticsChannel();
  if (channels === undefined) return;
  channels.subscribe(REQUEST_CREATED, onRequestCreated);
  listening = true;
}

/** The `undici:request:create` listener; exported for tests that publish what older undici versions do. */
export function onRequestCreated(message: unknown): void {
  const request = (message as { request?: unknown } | null | undefined)?.request;
  if (typeof request !== 'object' || request === null) return;
  try {
    if (keepFirstHeader(request as UndiciRequest)) refuseLaterHeaders(request as UndiciRequest);
  } catch {
    // A request shaped unlike any undici's: leave it as it is.
  }
}

function diagnosticsChannel(): DiagnosticsChannel | undefined {
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof node?.getBuiltinModule === 'function'
    ? (node.getBuiltinModule('node:diagnostics_channel') as DiagnosticsChannel | undefined)
    : undefined;
}

/** Removes every E2EActivity header after the first; true when the request has one. */
function keepFirstHeader(request: UndiciRequest): boolean {
  const headers = request.headers;
  if (Array.isArray(headers)) {
    let found = false;
    for (let i = 0; i < headers.length; ) {
      const named = isHeaderName(headers[i]);
      if (named && found) {
        headers.splice(i, 2);
        continue;
      }
      found ||= named;
      i += 2;
    }
    return found;
  }
  if (typeof headers !== 'string') return false;
  let found = false;
  const lines = headers.split('\r\n').filter((line) => {
    const colon = line.indexOf(':');
    if (colon === -1 || !isHeaderName(line.slice(0, colon).trim())) return true;
    const first = !found;
    found = true;
    return first;
  });
  request.headers = lines.join('\r\n');
  return found;
}

/** Refuses E2EActivity in this request's `addHeader`, which instrumentation-undici calls when present. */
function refuseLaterHeaders(request: UndiciRequest): void {
  const original = request.addHeader;
  Object.defineProperty(request, 'addHeader', {
    configurable: true,
    writable: true,
    value(this: UndiciRequest, key: unknown, value: unknown): UndiciRequest {
      if (isHeaderName(key)) return this;
      if (typeof original === 'function') return original.call(this, key, value) as UndiciRequest;
      // What instrumentation-undici itself does for a request without addHeader.
      if (Array.isArray(this.headers)) this.headers.push(key, value);
      else if (typeof this.headers === 'string') this.headers += `${String(key)}: ${String(value)}\r\n`;
      return this;
    },
  });
}
