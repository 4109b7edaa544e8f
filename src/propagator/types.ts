/**
 * What {@link E2EActivityPropagator.inject} sends when the context carries no activity to forward:
 * - `'trace-id'`: the GUID whose hex digits are the trace id of the context's valid span context
 *   (see {@link traceIdToGuid}); nothing when there is no valid span context;
 * - `'random'`: a fresh version 4 GUID for every message, as a WCF client without an ambient activity does;
 * - `'none'`: nothing.
 */
export type E2EActivityGenerate = 'trace-id' | 'random' | 'none';

/** Every {@link E2EActivityGenerate} mode, for validating options that come from outside TypeScript. */
export const GENERATE_MODES: readonly E2EActivityGenerate[] = ['trace-id', 'random', 'none'];

/** Options of {@link E2EActivityPropagator}. */
export interface E2EActivityPropagatorOptions {
  /**
   * Baggage entry that extract adds the GUID to (merged with the baggage already in the context) and that
   * inject falls back to. `false` leaves baggage alone. Default {@link E2E_ACTIVITY_BAGGAGE_KEY}.
   */
  baggageKey?: string | false;
  /** What inject sends when there is no activity to forward. Default `'trace-id'`. */
  generate?: E2EActivityGenerate;
  /**
   * When the extracted context has no valid span context (no `traceparent`), continue the trace the
   * activity names: a remote, sampled span context with trace id {@link guidToTraceId}(guid). A valid
   * `traceparent` always wins. Lets a client choose your trace ids: see the security notes. Default `false`.
   */
  adoptTraceId?: boolean;
  /**
   * Also find the header under any other casing (`E2EACTIVITY`, `e2eActivity`, ...) by scanning the
   * carrier's keys when `e2eactivity` and `E2EActivity` both miss. Node.js lowercases incoming names, so
   * only carriers that keep the sender's casing need it. Default `false`.
   */
  matchAnyHeaderCase?: boolean;
  /**
   * Span attribute that inject sets on the recording span in the context (the client span of an outgoing
   * request) to the GUID it sent. `false` sets none. Default {@link E2E_ACTIVITY_ATTRIBUTE}.
   */
  spanAttribute?: string | false;
}
