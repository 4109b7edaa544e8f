// Absolute times as the event record shows them: ISO 8601 UTC with nine fractional digits.

/** 100-ns intervals between 1601-01-01 (FILETIME epoch) and 1970-01-01 (Unix epoch). */
export const FILETIME_UNIX_EPOCH_DIFFERENCE = 116444736000000000n;

const MAX_DATE_MS = 8.64e15;

/** A FILETIME (100-ns intervals since 1601) as nanoseconds since the Unix epoch (negative before 1970). */
export function filetimeToUnixNanos(filetime: bigint): bigint {
  return (filetime - FILETIME_UNIX_EPOCH_DIFFERENCE) * 100n;
}

/** Nanoseconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ` (years 0..9999 as Date renders them). */
export function isoOfUnixNanos(ns: bigint): string {
  let seconds = ns / 1_000_000_000n;
  let fraction = ns % 1_000_000_000n;
  if (fraction < 0n) {
    fraction += 1_000_000_000n;
    seconds -= 1n;
  }
  // Garbage timestamps from a damaged file must not throw: clamp to the range Date can show.
  const ms = Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, Number(seconds) * 1000));
  const whole = new Date(ms).toISOString();
  return `${whole.slice(0, 19)}.${fraction.toString().padStart(9, '0')}Z`;
}

/**
 * An ISO 8601 date-time with any number of fractional digits and `Z` or an offset, as nanoseconds since the
 * Unix epoch; `undefined` when it is not one. Event XML writes up to nine digits, more than Date keeps.
 */
export function unixNanosOfIso(text: string): bigint | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (m === null) return undefined;
  const ms = Date.parse(`${m[1]}${m[3] ?? 'Z'}`);
  if (Number.isNaN(ms)) return undefined;
  const digits = (m[2] ?? '').slice(0, 9).padEnd(9, '0');
  return BigInt(ms) * 1_000_000n + BigInt(digits);
}
