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

/** What {@link flushOnExit} flushes and shuts down: the span processors, or a `TracerProvider`. */
export interface FlushTarget {
  /** Exports what is buffered now. */
  forceFlush(): Promise<void>;
  /** Flushes and releases resources. */
  shutdown(): Promise<void>;
}

/** The signals after which {@link flushOnExit} flushes spans. */
export const FLUSH_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** How long {@link flushOnExit} waits for a flush or the shutdown before letting the process go anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/** What {@link flushOnExit} gives back: whether the application is draining after a signal. */
export interface ExitFlush {
  /** True once a signal came that the application handles itself; until the process ends. */
  readonly draining: boolean;
}

/**
 * Gets spans out before the process ends, and leaves the ending itself to whoever owns it.
 *
 * - A signal (SIGTERM, SIGINT) that the application does not handle: shut down (which flushes), then stop
 *   listening and raise the signal again, so the process ends as it would have, 143 or 130.
 * - A signal that the application handles too (`process.on` or `process.once`, counted when the signal
 *   comes, so a `once` listener that is about to run still counts): the application drains and decides
 *   when and how to exit, so nothing is shut down and nothing is raised. What is buffered is flushed now,
 *   and {@link ExitFlush.draining} tells the span processor of `register` to flush every span that ends
 *   from then on, so that the spans of requests served during the drain are on their way before an
 *   `process.exit()` that `exit` listeners could not wait for.
 * - `beforeExit` (the event loop ran dry): shut down once; the exports keep the loop alive until done.
 *
 * Every wait is bounded, so a collector that does not answer cannot keep a stopping process alive.
 */
export function flushOnExit(target: FlushTarget, proc: ProcessLike = process, timeoutMs = SHUTDOWN_TIMEOUT_MS): ExitFlush {
  let done: Promise<void> | undefined;
  const shutdownOnce = (): Promise<void> => (done ??= bounded(target.shutdown(), timeoutMs, 'shut down'));
  const state = { draining: false };

  for (const signal of FLUSH_SIGNALS) {
    const onSignal = (): void => {
      if (proc.listenerCount(signal) > 1) {
        state.draining = true;
        void bounded(target.forceFlush(), timeoutMs, 'flush');
        return;
      }
      void shutdownOnce().then(() => {
        proc.removeListener(signal, onSignal);
        if (proc.listenerCount(signal) === 0) proc.kill(proc.pid, signal);
      });
    };
    proc.on(signal, onSignal);
  }
  proc.on('beforeExit', () => void shutdownOnce());
  return state;
}

function bounded(work: Promise<void>, timeoutMs: number, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      diag.warn(`E2EActivity register: the SDK did not ${what} within ${timeoutMs} ms; spans may be lost.`);
      resolve();
    }, timeoutMs);
    timer.unref();
  });
  const finished = work.then(
    () => diag.debug(`E2EActivity register: SDK ${what} done, spans flushed.`),
    (error: unknown) => diag.error(`E2EActivity register: SDK ${what} failed`, error)
  );
  return Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
}
