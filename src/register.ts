/// <reference types="node" />
// The zero-code entry: `node --require opentelemetry-propagator-e2eactivity/register app.js` (or in
// NODE_OPTIONS), or `node --import ...` for ES module apps; both load this CommonJS file. Kept to a few
// calls so that everything it does is in src/sdk, where in-process tests measure it.
import { getBooleanFromEnv } from '@opentelemetry/core';
import { isMainThread } from 'node:worker_threads';
import { registerEsmHook } from './sdk/esm-hook.js';
import { startE2EActivitySdk } from './sdk/start.js';

// OTEL_SDK_DISABLED, read as NodeSDK reads it, is the kill switch: no hook, no patching, no exporter, no
// listener. Node.js also runs `--require` modules in the thread of the ES module loader hooks, where a
// second hook and a second SDK would only do harm; the application runs on the main thread.
if (isMainThread && !getBooleanFromEnv('OTEL_SDK_DISABLED')) {
  // First: the hook only sees ES modules imported after it.
  registerEsmHook();
  startE2EActivitySdk(process.env);
}
