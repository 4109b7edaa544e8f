/// <reference types="node" />
// The zero-code entry: `node --require opentelemetry-propagator-e2eactivity/register app.js` (or in
// NODE_OPTIONS), or `node --import ...` for ES module apps; both load this CommonJS file. Kept to two calls
// so that everything it does is in src/sdk, where in-process tests measure it.
import { isMainThread } from 'node:worker_threads';
import { registerEsmHook } from './sdk/esm-hook.js';
import { startE2EActivitySdk } from './sdk/start.js';

// Node.js also runs `--require` modules in the thread of the ES module loader hooks, where a second hook
// and a second SDK would only do harm; the application runs on the main thread.
if (isMainThread) {
  // First: the hook only sees ES modules imported after it.
  registerEsmHook();
  startE2EActivitySdk(process.env);
}
