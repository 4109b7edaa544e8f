/// <reference types="node" />
import { ProxyTracer, trace } from '@opentelemetry/api';
import type { NodeSDK, NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import { E2EActivitySpanProcessor } from '../span-processor/E2EActivitySpanProcessor.js';
import { DrainFlushSpanProcessor } from './drain-flush.js';
import { propagatorOptionsFromEnv } from './env-options.js';
import { spanProcessorsFromEnv } from './exporters.js';
import { instrumentationsFromEnv } from './instrumentations.js';
import { loadPeer, PeerLoader } from './peers.js';
import { parsePropagatorNames, propagatorFromNames } from './propagators.js';
import { ExitFlush, flushOnExit, ProcessLike } from './shutdown.js';
import { ConfigWarning, EnvSource, warnDiagAndStderr } from './warn.js';

/** What {@link nodeSdkConfigurationFromEnv} builds: the `NodeSDK` configuration and the exporting processors. */
export interface RegisterConfiguration {
  /** For `new NodeSDK(...)`. */
  readonly configuration: Partial<NodeSDKConfiguration>;
  /** The processors that export, which {@link startE2EActivitySdk} flushes on a signal. */
  readonly exporting: readonly SpanProcessor[];
  /** The last processor: flushes `exporting` as each span ends while the application drains. */
  readonly drainFlush: DrainFlushSpanProcessor;
}

/**
 * The `NodeSDK` configuration that the `register` entry uses: the instrumentations (see
 * {@link instrumentationsFromEnv}), the propagators `OTEL_PROPAGATORS` names (see
 * {@link parsePropagatorNames}) with the `OTEL_E2EACTIVITY_*` options, and the E2EActivity span processor
 * before the exporters that `OTEL_TRACES_EXPORTER` names. When those give no exporter (`none`), no span
 * processor at all, so that, as under `NodeSDK`, no tracer provider is registered and nothing is recorded.
 * Resource, sampler and limits are left to `NodeSDK` and its `OTEL_*` variables.
 */
export function nodeSdkConfigurationFromEnv(
  env: EnvSource,
  warn: ConfigWarning,
  load: PeerLoader,
  draining: () => boolean
): RegisterConfiguration {
  const propagator = propagatorOptionsFromEnv(env, warn);
  const exporting = spanProcessorsFromEnv(env, warn, load);
  const drainFlush = new DrainFlushSpanProcessor(exporting, draining);
  const spanProcessors =
    exporting.length === 0 ? [] : [new E2EActivitySpanProcessor({ baggageKey: propagator.baggageKey }), ...exporting, drainFlush];
  return {
    configuration: {
      instrumentations: instrumentationsFromEnv(warn, load),
      textMapPropagator: propagatorFromNames(parsePropagatorNames(env.OTEL_PROPAGATORS, warn), propagator, warn, load),
      spanProcessors,
    },
    exporting,
    drainFlush,
  };
}

/**
 * Starts `NodeSDK` with {@link nodeSdkConfigurationFromEnv} and flushes it on SIGTERM, SIGINT and
 * `beforeExit` (see {@link flushOnExit}). Says so (stderr and diag) when another SDK registered a global
 * tracer provider first: then `NodeSDK` cannot register its own, and spans go wherever that one sends them.
 */
export function startE2EActivitySdk(
  env: EnvSource,
  proc: ProcessLike = process,
  warn: ConfigWarning = warnDiagAndStderr,
  load: PeerLoader = loadPeer
): NodeSDK | undefined {
  const sdkNode = load<{ NodeSDK: typeof NodeSDK }>('@opentelemetry/sdk-node');
  if (sdkNode === undefined) {
    warn('register needs @opentelemetry/sdk-node, which is not installed: npm install @opentelemetry/sdk-node. Nothing is traced.');
    return undefined;
  }
  // The drain state comes from flushOnExit, which needs the started SDK, which needs the processors.
  const exit: { flush?: ExitFlush } = {};
  const { configuration, exporting, drainFlush } = nodeSdkConfigurationFromEnv(env, warn, load, () => exit.flush?.draining === true);
  if (exporting.length > 0 && !(trace.getTracer('e2eactivity-register') instanceof ProxyTracer)) {
    warn('register: another SDK already registered a global tracer provider, so spans go to it, without the E2EActivity span processor and the exporters configured here. Start only one SDK.');
  }
  const sdk = new sdkNode.NodeSDK(configuration);
  sdk.start();
  exit.flush = flushOnExit({ forceFlush: () => drainFlush.forceFlush(), shutdown: () => sdk.shutdown() }, proc);
  return sdk;
}
