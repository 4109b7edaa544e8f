import type { SpanProcessor } from '@opentelemetry/sdk-trace';

/**
 * The last span processor of `register`: while the application drains after a signal it handles itself,
 * it flushes the exporting processors as soon as a span ends, instead of on their batch schedule, so a
 * span of a request served during the drain does not wait in a buffer for an exit that cannot wait for it.
 * Otherwise it does nothing.
 */
export class DrainFlushSpanProcessor implements SpanProcessor {
  /**
   * @param exporting - The processors to flush (those before this one, which already queued the span).
   * @param draining - Whether the application is draining now.
   */
  constructor(
    private readonly exporting: readonly SpanProcessor[],
    private readonly draining: () => boolean
  ) {}

  /** Nothing to do at the start of a span. */
  onStart(): void {}

  /** Flushes the exporting processors while draining. */
  onEnd(): void {
    if (this.draining()) void this.forceFlush();
  }

  /** Flushes the exporting processors. */
  async forceFlush(): Promise<void> {
    await Promise.all(this.exporting.map((processor) => processor.forceFlush()));
  }

  /** Nothing of its own to release; the exporting processors are shut down by the provider. */
  async shutdown(): Promise<void> {}
}
