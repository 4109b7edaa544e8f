import type { NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { PeerLoader } from './peers.js';
import { ConfigWarning } from './warn.js';

/** The package whose instrumentations `register` uses when it is installed. */
export const AUTO_INSTRUMENTATIONS = '@opentelemetry/auto-instrumentations-node';
const HTTP = '@opentelemetry/instrumentation-http';
const UNDICI = '@opentelemetry/instrumentation-undici';

/** One instrumentation, as `NodeSDK` takes it. */
export type Instrumentation = NonNullable<NodeSDKConfiguration['instrumentations']>[number];

/**
 * The instrumentations `register` enables. With `@opentelemetry/auto-instrumentations-node` installed,
 * its `getNodeAutoInstrumentations()`, which honours `OTEL_NODE_ENABLED_INSTRUMENTATIONS` and
 * `OTEL_NODE_DISABLED_INSTRUMENTATIONS`, so switching from its `register` loses no instrumentation.
 * Without it, the HTTP and undici (`fetch`) instrumentations, each only if installed.
 */
export function instrumentationsFromEnv(warn: ConfigWarning, load: PeerLoader): Instrumentation[] {
  const auto = load<{ getNodeAutoInstrumentations(): Instrumentation[] }>(AUTO_INSTRUMENTATIONS);
  if (auto !== undefined) return auto.getNodeAutoInstrumentations();
  const instrumentations: Instrumentation[] = [];
  for (const [name, className, what] of [
    [HTTP, 'HttpInstrumentation', 'node:http'],
    [UNDICI, 'UndiciInstrumentation', 'fetch'],
  ] as const) {
    const module = load<Record<string, new () => Instrumentation>>(name);
    if (module === undefined) warn(`${name} is not installed, so ${what} is not instrumented: npm install ${name}.`);
    else instrumentations.push(new module[className]());
  }
  return instrumentations;
}
