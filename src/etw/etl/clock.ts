import { isoOfUnixNanos } from '../payload/time.js';
import type { EtlLogfileHeader } from './logfile-header.js';

const TWO_32 = 4294967296;
const TICKS_PER_SECOND = 10_000_000;
const DIGITS3: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** Four digits and the two zeros that make 100-ns ticks nanoseconds, with and without the closing `Z`. */
const DIGITS4_00: readonly string[] = Array.from({ length: 10000 }, (_, i) => `${String(i).padStart(4, '0')}00`);
const DIGITS4_00Z: readonly string[] = DIGITS4_00.map((d) => `${d}Z`);
/** FILETIME of 1970-01-01, in whole seconds since 1601. */
const UNIX_EPOCH_FILETIME_SECONDS = 11644473600;

/**
 * Turns raw event timestamps into absolute UTC times, the way Windows does for tracerpt: the log file
 * header's StartTime matches its own record's clock reading, and every other reading is offset from it in
 * 100-ns ticks, truncated. QPC counts at the header's performance frequency, the CPU cycle counter at its
 * CPU speed; system time readings are FILETIMEs already. Without a header, readings are taken as system time.
 */
export class EtlClock {
  /** The last converted time, ISO 8601 with nine fractional digits (set by `convert`). */
  time = '';
  /** The last converted time in nanoseconds since the Unix epoch, decimal (set by `convert`). */
  timeUnixNano = '';

  private readonly frequency: number;
  private readonly sync: number;
  private readonly startSeconds: number;
  private readonly startTicks: number;
  private cachedSecond = Number.NaN;
  private cachedPrefix = '';
  private cachedSeconds = '';

  constructor(header: EtlLogfileHeader | undefined) {
    const systemTime = header === undefined || header.clockType === 'system-time';
    this.frequency = systemTime ? 0 : header.clockType === 'qpc' ? header.perfFrequency : header.cpuSpeedMHz * 1e6;
    this.sync = systemTime ? 0 : header.syncTimestampHigh * TWO_32 + header.syncTimestampLow;
    const start = systemTime ? 0n : BigInt(header.startTimeHigh) * BigInt(TWO_32) + BigInt(header.startTimeLow);
    this.startSeconds = Number(start / BigInt(TICKS_PER_SECOND)) - UNIX_EPOCH_FILETIME_SECONDS;
    this.startTicks = Number(start % BigInt(TICKS_PER_SECOND));
  }

  /** Converts one reading (high and low 32 bits), setting `time` and `timeUnixNano`. */
  convert(high: number, low: number): void {
    let seconds: number;
    let ticks: number;
    if (this.frequency <= 0) {
      // A FILETIME passes 2^53: split it exactly (system-time traces are rare, BigInt is fine here).
      const filetime = (BigInt(high) << 32n) | BigInt(low);
      seconds = Number(filetime / BigInt(TICKS_PER_SECOND)) - UNIX_EPOCH_FILETIME_SECONDS;
      ticks = Number(filetime % BigInt(TICKS_PER_SECOND));
    } else {
      const delta = high * TWO_32 + low - this.sync;
      const whole = Math.floor(delta / this.frequency);
      const part = ticksOf(delta - whole * this.frequency, this.frequency);
      ticks = this.startTicks + part;
      seconds = this.startSeconds + whole + Math.floor(ticks / TICKS_PER_SECOND);
      ticks %= TICKS_PER_SECOND;
    }
    if (!(seconds >= 0 && seconds < 253402300800)) return this.outOfRange(seconds, ticks);
    if (seconds !== this.cachedSecond) {
      this.cachedSecond = seconds;
      this.cachedPrefix = `${new Date(seconds * 1000).toISOString().slice(0, 19)}.`;
      this.cachedSeconds = seconds === 0 ? '' : String(seconds);
    }
    // Seven digits from two tables instead of a number-to-string conversion (this runs for every event).
    const thousands = Math.floor(ticks / 10000);
    const rest = ticks - thousands * 10000;
    this.time = this.cachedPrefix + DIGITS3[thousands] + DIGITS4_00Z[rest];
    this.timeUnixNano = seconds === 0 ? String(ticks * 100) : this.cachedSeconds + DIGITS3[thousands] + DIGITS4_00[rest];
  }

  /** Before 1970 or after 9999 (a damaged reading): exact but slow. */
  private outOfRange(seconds: number, ticks: number): void {
    const whole = Number.isFinite(seconds) ? Math.trunc(seconds) : 0;
    const ns = BigInt(whole) * 1_000_000_000n + BigInt(Number.isFinite(ticks) ? Math.trunc(ticks) : 0) * 100n;
    this.time = isoOfUnixNanos(ns);
    this.timeUnixNano = ns.toString();
  }
}

/** floor(count * 10^7 / frequency) for 0 <= count < frequency, exact. */
function ticksOf(count: number, frequency: number): number {
  const product = count * TICKS_PER_SECOND;
  if (product <= Number.MAX_SAFE_INTEGER) {
    let q = Math.floor(product / frequency);
    if (q * frequency > product) q--;
    else if ((q + 1) * frequency <= product) q++;
    return q;
  }
  return Number((BigInt(count) * BigInt(TICKS_PER_SECOND)) / BigInt(frequency));
}
