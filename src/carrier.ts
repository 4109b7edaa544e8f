import { TextMapGetter, TextMapSetter } from '@opentelemetry/api';
import { E2E_ACTIVITY_HEADER, E2E_ACTIVITY_HEADER_WCF } from './constants.js';
import { ENCODED_GUID_LENGTH } from './codec/base64.js';

/**
 * The first E2EActivity value in the carrier, trimmed, or undefined.
 *
 * Looks the header up as `e2eactivity` (how Node.js hands it in) and `E2EActivity` (how WCF writes it);
 * with `anyCase` it then scans the carrier's keys, which costs a pass over them, so only on a miss. Of a
 * `string[]` it takes the first element, of a value Node.js joined from duplicates (`a==, b==`) the first
 * item. The getter and carrier are foreign code: whatever they throw or return, this returns a string
 * or undefined.
 */
export function readHeader(carrier: unknown, getter: TextMapGetter, anyCase: boolean): string | undefined {
  let raw: unknown;
  try {
    raw = getter.get(carrier, E2E_ACTIVITY_HEADER);
    if (raw === undefined) raw = getter.get(carrier, E2E_ACTIVITY_HEADER_WCF);
    if (raw === undefined && anyCase) raw = getAnyCase(carrier, getter);
  } catch {
    return undefined;
  }
  return firstHeaderItem(raw);
}

/** Of a header value as a carrier holds it, the first item, trimmed: see {@link readHeader}. */
export function firstHeaderItem(raw: unknown): string | undefined {
  return firstItem(Array.isArray(raw) ? (raw as unknown[])[0] : raw);
}

/** Writes the header; false if the setter threw. */
export function writeHeader(carrier: unknown, setter: TextMapSetter, value: string): boolean {
  try {
    setter.set(carrier, E2E_ACTIVITY_HEADER, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The value of an E2EActivity header already in the carrier under any casing, as the application set it
 * (a string, a `string[]`, ...), or undefined when there is none. Reads the carrier itself, since inject
 * gets no getter: the keys of a plain object (what instrumentation-http hands inject: a copy of the
 * request's own headers), or, for a carrier with `keys()` and `get()` (`Headers`, `Map`), through them.
 * A carrier that throws counts as having none.
 */
export function headerInCarrier(carrier: unknown): unknown {
  if (typeof carrier !== 'object' || carrier === null) return undefined;
  try {
    const iterable = carrier as { keys?: unknown; get?: unknown };
    if (typeof iterable.keys === 'function' && typeof iterable.get === 'function') {
      for (const key of (carrier as Map<unknown, unknown>).keys()) {
        if (isHeaderName(key)) return (carrier as Map<unknown, unknown>).get(key);
      }
      return undefined;
    }
    // for-in walks the object's key cache without allocating Object.keys' array: inject runs per request.
    for (const key in carrier) {
      if (isHeaderName(key)) return (carrier as Record<string, unknown>)[key];
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** True for `e2eactivity` in any casing. */
export function isHeaderName(key: unknown): boolean {
  return typeof key === 'string' && key.length === E2E_ACTIVITY_HEADER.length && key.toLowerCase() === E2E_ACTIVITY_HEADER;
}

function getAnyCase(carrier: unknown, getter: TextMapGetter): unknown {
  for (const key of getter.keys(carrier)) {
    if (isHeaderName(key)) return getter.get(carrier, key);
  }
  return undefined;
}

function firstItem(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length === ENCODED_GUID_LENGTH) return value;
  const comma = value.indexOf(',');
  return (comma === -1 ? value : value.slice(0, comma)).trim();
}
