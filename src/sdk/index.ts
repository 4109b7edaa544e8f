/**
 * The Node.js SDK setup: NodeSDK options, propagators and exporters from the environment, flush on exit.
 * A separate entry point so that the library itself never loads NodeSDK, the instrumentations or the
 * exporters: they are optional peer dependencies.
 *
 * @module opentelemetry-propagator-e2eactivity/sdk
 */
export { e2eActivitySdkOptions } from './sdk-options.js';
export type { E2EActivitySdkInput, E2EActivitySdkOptions } from './sdk-options.js';
export { DEFAULT_PROPAGATORS, parsePropagatorNames, PROPAGATOR_NAMES, propagatorFromNames } from './propagators.js';
export type { PropagatorName } from './propagators.js';
export { ENV_ADOPT_TRACE_ID, ENV_BAGGAGE_KEY, ENV_GENERATE, propagatorOptionsFromEnv } from './env-options.js';
export { OTLP_PROTOCOLS, spanProcessorsFromEnv, TRACE_EXPORTER_NAMES } from './exporters.js';
export { flushOnExit } from './shutdown.js';
export type { ProcessLike, ShutdownTarget } from './shutdown.js';
export { nodeSdkConfigurationFromEnv, startE2EActivitySdk } from './start.js';
export { warnDiagAndStderr } from './warn.js';
export type { ConfigWarning, EnvSource } from './warn.js';
