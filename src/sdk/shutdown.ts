/// <reference types="node" />
import { diag } from '@opentelemetry/api';

/** The part of `process` that {@link flushOnExit} uses; tests pass an `EventEmitter`. */
export interface ProcessLike {
  /** The process id, to raise a signal again at itself. */
  readonly pid: number;
  /** Listens to a signal or process event. */
  on(event: string, listener: () => void): unknown;
  /** Listens to the next occurrence of a process event. */
  once(event: string, listener: () => void): unknown;
  /** Stops listening. */
  removeListener(event: string, listener: () => void): unknown;
  /** How many listeners an event has: none left means Node.js's default action applies. */
  listenerCount(event: string): number;
  /** Sends a signal, as `process.kill` does. */
  kill(pid: number, signal: string): unknown;
}

/** What {@link flushOnExit} shuts down: a `NodeSDK` or a `TracerProvider`. */
export interface ShutdownTarget {
  /** Flushes what is buffered and releases resources. */
  shutdown(): Promise<void>;
}

/** The signals after which {@link flushOnExit} flushes spans. */
export const FLUSH_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** How long {@link flushOnExit} waits for the shutdown before letting the process go anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Shuts `target` down (which flushes the batched spans) once, on the first of SIGTERM, SIGINT and
 * `beforeExit`, as `NodeSDK`'s own register does on SIGTERM and `beforeExit`.
 *
 * Listening to a signal takes away Node.js's default of exiting on it, so after the flush this gives it
 * back: it stops listening and raises the signal again, and the process ends with the code the signal
 * gives (143, 130). When the application listens to the signal too, it is shutting down on its own
 * terms (closing its server, say), so ending the process is left to it. The wait is bounded, so a
 * collector that does not answer cannot keep a stopping process alive.
 */
export function flushOnExit(target: ShutdownTarget, proc: ProcessLike = process, timeoutMs = SHUTDOWN_TIMEOUT_MS): void {
  let done: Promise<void> | undefined;
  const shutdownOnce = (): Promise<void> => (done ??= bounded(target.shutdown(), timeoutMs));

  for (const signal of FLUSH_SIGNALS) {
    const onSignal = (): void => {
      void shutdownOnce().then(() => {
        proc.removeListener(signal, onSignal);
        if (proc.listenerCount(signal) === 0) proc.kill(proc.pid, signal);
      });
    };
    proc.on(signal, onSignal);
  }
  proc.once('beforeExit', () => void shutdownOnce());
}

function bounded(shutdown: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      diag.warn(`E2EActivity register: the SDK did not shut down within ${timeoutMs} ms; spans may be lost.`);
      resolve();
    }, timeoutMs);
    timer.unref();
  });
  const finished = shutdown.then(
    () => diag.debug('E2EActivity register: SDK shut down, spans flushed.'),
    (error: unknown) => diag.error('E2EActivity register: SDK shutdown failed', error)
  );
  return Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
}
