/**
 * `NodeSDK` options for E2EActivity: the composite propagator and the span processor, next to your
 * exporter. This entry point loads only the propagators and `@opentelemetry/sdk-trace` (which `NodeSDK`
 * depends on): no instrumentation, exporter or `NodeSDK` itself, so the README's quick start runs with
 * just the packages it names. The zero-code start from the environment is the `register` entry point.
 *
 * @module opentelemetry-propagator-e2eactivity/sdk
 */
export { e2eActivitySdkOptions } from './sdk-options.js';
export type { E2EActivitySdkInput, E2EActivitySdkOptions } from './sdk-options.js';
export { ENV_ADOPT_TRACE_ID, ENV_BAGGAGE_KEY, ENV_GENERATE, propagatorOptionsFromEnv } from './env-options.js';
export { warnDiagAndStderr } from './warn.js';
export type { ConfigWarning, EnvSource } from './warn.js';
