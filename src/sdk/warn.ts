/// <reference types="node" />
import { diag } from '@opentelemetry/api';

/** Environment variables as `process.env` holds them; functions take one so tests need not touch the real one. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Receives one configuration warning, a complete sentence. */
export type ConfigWarning = (message: string) => void;

/**
 * The default {@link ConfigWarning}: `diag.warn` and a line on stderr. Both, because without
 * `OTEL_LOG_LEVEL` the diag logger is silent, and a misspelt variable must not go unnoticed.
 */
export function warnDiagAndStderr(message: string): void {
  diag.warn(message);
  process.stderr.write(`opentelemetry-propagator-e2eactivity: warning: ${message}\n`);
}

/**
 * Comma-separated entries, trimmed, empty ones dropped, case kept: what `getStringListFromEnv` of
 * `@opentelemetry/core` gives `NodeSDK`, read from `env` rather than `process.env`.
 */
export function listFromEnv(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
