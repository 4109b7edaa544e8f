import { isoOfUnixNanos } from '../payload/time.js';
import type { EtlLogfileHeader } from './logfile-header.js';

const TWO_32 = 4294967296;
const TICKS_PER_SECOND = 10_000_000;
const ZERO = 48;
/** `YYYY-MM-DDTHH:MM:SS.` (20), seven tick digits, `00Z`. */
const ISO_LENGTH = 30;
/** Ten digits of seconds since 1970 (2001-09-09 to 2286-11-20), seven tick digits, `00`. */
const UNIX_LENGTH = 19;
/** Date prefixes of recent seconds: per-CPU buffers interleave, so the second goes back and forth. */
const PREFIX_CACHE_LIMIT = 1024;
/** Character codes of `000` to `999` and of `0000` to `9999`, three and four per number. */
const DIGITS3 = digitCodes(3);
const DIGITS4 = digitCodes(4);
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
  private readonly prefixes = new Map<number, SecondCodes>();
  /**
   * Character codes of the two strings, the second's part written when the second changes and the ticks
   * per event: one `String.fromCharCode` makes a flat string, where concatenating pieces makes a rope that
   * every consumer reading the text has to flatten again (this runs for every event).
   */
  private readonly iso = new Uint16Array(ISO_LENGTH);
  private readonly unix = new Uint16Array(UNIX_LENGTH);
  private unixFits = false;

  constructor(header: EtlLogfileHeader | undefined) {
    this.iso.set([ZERO, ZERO, 0x5a], 27); // `00Z`
    this.unix.set([ZERO, ZERO], 17);
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
    if (seconds !== this.cachedSecond) this.enterSecond(seconds);
    const iso = this.iso;
    const unix = this.unix;
    // The seven tick digits from tables of three and four digits' character codes.
    const upper = Math.floor(ticks / 10000) * 3;
    const lower = (ticks % 10000) * 4;
    iso[20] = unix[10] = DIGITS3[upper];
    iso[21] = unix[11] = DIGITS3[upper + 1];
    iso[22] = unix[12] = DIGITS3[upper + 2];
    iso[23] = unix[13] = DIGITS4[lower];
    iso[24] = unix[14] = DIGITS4[lower + 1];
    iso[25] = unix[15] = DIGITS4[lower + 2];
    iso[26] = unix[16] = DIGITS4[lower + 3];
    // prettier-ignore
    this.time = String.fromCharCode(
      iso[0], iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7], iso[8], iso[9], iso[10], iso[11], iso[12], iso[13], iso[14],
      iso[15], iso[16], iso[17], iso[18], iso[19], iso[20], iso[21], iso[22], iso[23], iso[24], iso[25], iso[26], iso[27], iso[28], iso[29]
    );
    if (this.unixFits) {
      // prettier-ignore
      this.timeUnixNano = String.fromCharCode(
        unix[0], unix[1], unix[2], unix[3], unix[4], unix[5], unix[6], unix[7], unix[8], unix[9],
        unix[10], unix[11], unix[12], unix[13], unix[14], unix[15], unix[16], unix[17], unix[18]
      );
    } else {
      this.timeUnixNano = seconds === 0 ? String(ticks * 100) : `${seconds}${String(ticks).padStart(7, '0')}00`;
    }
  }

  private enterSecond(seconds: number): void {
    this.cachedSecond = seconds;
    // Keyed from the start of the trace: a small integer, where seconds since 1970 would be a heap number.
    const key = seconds - this.startSeconds;
    let codes = this.prefixes.get(key);
    if (codes === undefined) {
      if (this.prefixes.size >= PREFIX_CACHE_LIMIT) this.prefixes.clear();
      codes = secondCodes(seconds);
      this.prefixes.set(key, codes);
    }
    this.iso.set(codes.iso);
    this.unixFits = codes.unix !== undefined;
    if (codes.unix !== undefined) this.unix.set(codes.unix);
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

/** Character codes of one second's part of both strings. */
interface SecondCodes {
  /** `YYYY-MM-DDTHH:MM:SS.` */
  readonly iso: Uint16Array;
  /** The seconds since 1970 when they have ten digits, the width the code buffer holds. */
  readonly unix: Uint16Array | undefined;
}

function secondCodes(seconds: number): SecondCodes {
  const prefix = `${new Date(seconds * 1000).toISOString().slice(0, 19)}.`;
  const text = String(seconds);
  return { iso: codesOf(prefix), unix: text.length === 10 ? codesOf(text) : undefined };
}

function codesOf(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

function digitCodes(width: number): Uint16Array {
  const count = 10 ** width;
  const codes = new Uint16Array(count * width);
  for (let n = 0; n < count; n++) codes.set(codesOf(String(n).padStart(width, '0')), n * width);
  return codes;
}
