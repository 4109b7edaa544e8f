import { dashDigits, guidDigits, isEmptyDigits } from './guid.js';

/** Length of a W3C trace id: 32 hex digits. */
export const TRACE_ID_LENGTH = 32;

/**
 * Lowercase D form of a GUID given in D, N or B form, any case; `undefined` for invalid input and for
 * Guid.Empty.
 */
export function normalizeGuid(guid: string): string | undefined {
  const digits = nonEmptyDigits(guid);
  return digits === undefined ? undefined : dashDigits(digits);
}

/**
 * The W3C trace id for a GUID, by the text mapping .NET users follow: the GUID's 32 hex digits, lowercase,
 * no dashes. `100f44d4-c7ac-45dc-98f7-974c064d61dd` -> `100f44d4c7ac45dc98f7974c064d61dd`. The same
 * string then finds the request in Windows traces and in Jaeger. `undefined` for invalid input and for
 * Guid.Empty (an all-zero trace id is invalid in W3C).
 */
export function guidToTraceId(guid: string): string | undefined {
  return nonEmptyDigits(guid);
}

/**
 * The GUID for a W3C trace id (32 hex digits), the inverse of {@link guidToTraceId}: lowercase D form.
 * `undefined` for anything that is not 32 hex digits and for the all-zero trace id.
 */
export function traceIdToGuid(traceId: string): string | undefined {
  if (typeof traceId !== 'string' || traceId.length !== TRACE_ID_LENGTH) return undefined;
  return normalizeGuid(traceId);
}

/**
 * The span id of the remote parent that the propagator's `adoptTraceId` option gives a trace adopted
 * from a GUID: the trace id's low 16 hex digits, or its high 16 where the low ones are all zero (a valid
 * trace id is never all zero, so one half is not). Deterministic, so every request of one activity, and
 * the ETW import's WCF client span of that activity, meet at the same span id. `undefined` for anything
 * that is not a valid trace id.
 */
export function adoptedParentSpanId(traceId: string): string | undefined {
  if (traceIdToGuid(traceId) === undefined) return undefined;
  const low = traceId.slice(16).toLowerCase();
  return low === ZERO_SPAN_ID ? traceId.slice(0, 16).toLowerCase() : low;
}

const ZERO_SPAN_ID = '0000000000000000';

function nonEmptyDigits(guid: string): string | undefined {
  if (typeof guid !== 'string') return undefined;
  const digits = guidDigits(guid.trim());
  return digits === undefined || isEmptyDigits(digits) ? undefined : digits;
}
