/**
 * The library: codec, context helpers, propagator and span processor. It runs in Node.js, browsers and edge
 * runtimes; the Node.js SDK setup is in `opentelemetry-propagator-e2eactivity/sdk`.
 *
 * @module opentelemetry-propagator-e2eactivity
 */
export {
  E2E_ACTIVITY_ATTRIBUTE,
  E2E_ACTIVITY_BAGGAGE_KEY,
  E2E_ACTIVITY_HEADER,
} from './constants.js';
export { decodeE2EActivity, encodeE2EActivity } from './codec/e2eactivity.js';
export { guidToTraceId, normalizeGuid, traceIdToGuid } from './codec/trace-id.js';
export { getE2EActivityId, setE2EActivityId } from './context.js';
export { E2EActivityPropagator } from './propagator/E2EActivityPropagator.js';
export type { E2EActivityGenerate, E2EActivityPropagatorOptions } from './propagator/types.js';
export { E2EActivitySpanProcessor } from './span-processor/E2EActivitySpanProcessor.js';
export type { StartedSpan } from './span-processor/E2EActivitySpanProcessor.js';
export type { E2EActivitySpanProcessorOptions } from './span-processor/types.js';
