import type { EtwEvent, EtwProblem } from '../../etw/event.js';
import { findEventSchema } from '../../etw/schema/lookup.js';

/** What `etw events` tells on standard error when it is done. */
export class EventSummary {
  private readonly perProvider = new Map<string, number>();
  private events = 0;
  private unknown = 0;
  private skipped = 0;
  private problems = 0;
  private first: bigint | undefined;
  private last: bigint | undefined;
  private firstTime = '';
  private lastTime = '';

  /** Counts an event that was printed. */
  add(event: EtwEvent): void {
    this.events++;
    this.perProvider.set(event.provider, (this.perProvider.get(event.provider) ?? 0) + 1);
    if (findEventSchema(event.providerGuid, event.id, event.version) === undefined) this.unknown++;
    const ns = BigInt(event.timeUnixNano);
    if (this.first === undefined || ns < this.first) [this.first, this.firstTime] = [ns, event.time];
    if (this.last === undefined || ns > this.last) [this.last, this.lastTime] = [ns, event.time];
  }

  /** Counts an event that `--provider` left out. */
  skip(): void {
    this.skipped++;
  }

  /** Counts a damaged region, a malformed document or an unreadable file. */
  problem(): void {
    this.problems++;
  }

  /** True once any problem was counted: the exit status is then 2. */
  get hasProblems(): boolean {
    return this.problems > 0;
  }

  /** The summary, a few lines. */
  format(): string {
    const lines = [`${count(this.events, 'event')}${this.skipped > 0 ? ` (${count(this.skipped, 'other event')} left out by --provider)` : ''}`];
    const providers = [...this.perProvider].sort((a, b) => b[1] - a[1]);
    for (const [provider, n] of providers) lines.push(`  ${String(n).padStart(9)}  ${provider}`);
    lines.push(`unknown events (no bundled schema): ${this.unknown}`);
    if (this.first !== undefined && this.last !== undefined) {
      lines.push(`time span: ${this.firstTime} to ${this.lastTime} (${seconds(this.last - this.first)} s)`);
    }
    lines.push(`problems: ${this.problems}`);
    return lines.map((line) => `e2eactivity: ${line}\n`).join('');
  }
}

/** A problem as one line, with what finds it in the file: the byte offset, or the line and column. */
export function formatProblem(file: string, problem: EtwProblem): string {
  const { message, offset } = problem;
  const where = offset !== undefined && !message.includes(String(offset)) ? ` (byte offset ${offset})` : '';
  return `e2eactivity: ${file}: ${message}${where}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function seconds(ns: bigint): string {
  return (Number(ns / 1000n) / 1e6).toFixed(6);
}
