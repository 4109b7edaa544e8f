/// <reference types="node" />
import { diag } from '@opentelemetry/api';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Registers an ES module loader hook, as `module.register` does. */
export type RegisterLoader = (specifier: string) => void;
/** Resolves a module specifier to a file path, as `require.resolve` does. */
export type Resolve = (specifier: string) => string;

const INSTRUMENTATION_HTTP = '@opentelemetry/instrumentation-http';
const HOOK = '@opentelemetry/instrumentation/hook.mjs';

/**
 * Installs the import-in-the-middle loader hook of `@opentelemetry/instrumentation`, so that ES modules
 * get instrumented too. Without it `import http from 'node:http'` never passes through `require`, the
 * HTTP instrumentation never patches it, and an ES module service has no server span (only `fetch`, which
 * is traced through diagnostics channels, would be). Returns whether the hook was registered.
 *
 * The hook is resolved from `@opentelemetry/instrumentation-http`, whose dependency it is: with a strict
 * node_modules layout (pnpm) this package cannot see it directly.
 */
export function registerEsmHook(
  resolve: Resolve | null = typeof require === 'function' ? require.resolve : null,
  registerLoader: RegisterLoader = register
): boolean {
  // Only the CommonJS build has `require` (null here); `register` is published as CommonJS only.
  if (resolve === null) return false;
  try {
    const hook = createRequire(resolve(INSTRUMENTATION_HTTP)).resolve(HOOK);
    registerLoader(pathToFileURL(hook).href);
    return true;
  } catch (error) {
    diag.warn('E2EActivity register: could not install the ES module hook; ES modules stay uninstrumented', error);
    return false;
  }
}
