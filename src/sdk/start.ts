/// <reference types="node" />
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK, NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { propagatorOptionsFromEnv } from './env-options.js';
import { parsePropagatorNames } from './propagators.js';
import { e2eActivitySdkOptions } from './sdk-options.js';
import { flushOnExit, ProcessLike } from './shutdown.js';
import { ConfigWarning, EnvSource, warnDiagAndStderr } from './warn.js';

/**
 * The `NodeSDK` configuration that the `register` entry uses: the HTTP and undici (`fetch`)
 * instrumentations, the propagators `OTEL_PROPAGATORS` names (see {@link parsePropagatorNames}) with the
 * `OTEL_E2EACTIVITY_*` options, and the E2EActivity span processor before the exporters that
 * `OTEL_TRACES_EXPORTER` names. Resource, sampler and limits are left to `NodeSDK` and its `OTEL_*` variables.
 */
export function nodeSdkConfigurationFromEnv(
  env: EnvSource,
  warn: ConfigWarning = warnDiagAndStderr
): Partial<NodeSDKConfiguration> {
  return {
    instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()],
    ...e2eActivitySdkOptions({
      propagators: parsePropagatorNames(env.OTEL_PROPAGATORS, warn),
      propagator: propagatorOptionsFromEnv(env, warn),
      env,
      warn,
    }),
  };
}

/**
 * Starts `NodeSDK` with {@link nodeSdkConfigurationFromEnv} and flushes it on SIGTERM, SIGINT and
 * `beforeExit` (see {@link flushOnExit}). This is all that `register` does.
 */
export function startE2EActivitySdk(env: EnvSource, proc: ProcessLike = process): NodeSDK {
  const sdk = new NodeSDK(nodeSdkConfigurationFromEnv(env));
  sdk.start();
  flushOnExit(sdk, proc);
  return sdk;
}
