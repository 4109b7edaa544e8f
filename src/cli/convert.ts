import { decodeE2EActivity, encodeE2EActivity } from '../codec/e2eactivity.js';
import { guidToTraceId, normalizeGuid } from '../codec/trace-id.js';
import { CliCommand } from './args.js';
import { explainRejectedGuid } from './diagnose-guid.js';
import { explainRejectedHeader } from './diagnose-header.js';

/** One value converted: the activity in all the forms a user searches for. */
export interface Converted {
  readonly input: string;
  /** Lowercase D form. */
  readonly guid: string;
  /** The GUID's 32 hex digits: the trace id under the text mapping. */
  readonly traceId: string;
  /** The canonical header value. */
  readonly value: string;
}

/** One value the codec rejected, with what is wrong with it. */
export interface Rejected {
  readonly input: string;
  readonly error: string;
}

export type Outcome = Converted | Rejected;

/** True for a value the codec rejected. */
export function isRejected(outcome: Outcome): outcome is Rejected {
  return 'error' in outcome;
}

/**
 * Runs one value through the public codec; only when the codec rejects it, asks the diagnosis why.
 * The casts rely on the codec's contracts: a GUID that decode returns or encode accepts is valid and not
 * Guid.Empty, so its trace id, normal form and header value exist.
 */
export function convert(command: CliCommand, input: string): Outcome {
  if (command === 'decode') {
    const guid = decodeE2EActivity(input);
    if (guid === undefined) return { input, error: explainRejectedHeader(input) };
    return { input, guid, traceId: guidToTraceId(guid) as string, value: encodeE2EActivity(guid) as string };
  }
  const value = encodeE2EActivity(input);
  if (value === undefined) return { input, error: explainRejectedGuid(input) };
  const guid = normalizeGuid(input) as string;
  return { input, guid, traceId: guidToTraceId(guid) as string, value };
}
