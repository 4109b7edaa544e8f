import { EtlClock } from '../../../src/etw/etl/clock.js';
import type { EtlLogfileHeader } from '../../../src/etw/etl/logfile-header.js';
import { ByteQueue } from '../../../src/etw/etl/byte-queue.js';
import { isoOfUnixNanos } from '../../../src/etw/payload/time.js';
import fc from 'fast-check';

const split = (v: bigint): [number, number] => [Number(v >> 32n), Number(v & 0xffffffffn)];
const header = (over: Partial<EtlLogfileHeader>): EtlLogfileHeader => {
  const [startTimeHigh, startTimeLow] = split(129403008000000000n); // 2011-01-24T00:00:00Z
  return {
    bufferSize: 8192, osVersion: '6.1.7601', pointerSize: 8, numberOfProcessors: 1, cpuSpeedMHz: 1000, perfFrequency: 3,
    startTimeHigh, startTimeLow, clockType: 'qpc', syncTimestampHigh: 0, syncTimestampLow: 1000, buffersLost: 0,
    eventsLost: 0, buffersWritten: 1, logFileMode: 0, loggerName: '', logFileName: '', ...over,
  };
};

describe('EtlClock', () => {
  it('truncates QPC offsets to 100-ns ticks, before and after the sync point', () => {
    const clock = new EtlClock(header({}));
    clock.convert(0, 1001); // 1/3 s after the start: 3333333.33 ticks -> 3333333
    expect(clock.time).toBe('2011-01-24T00:00:00.333333300Z');
    expect(clock.timeUnixNano).toBe('1295827200333333300');
    clock.convert(0, 999); // 1/3 s before: -3333333.33 ticks -> floor -3333334
    expect(clock.time).toBe('2011-01-23T23:59:59.666666600Z');
  });

  it('counts CPU cycles at the CPU speed and stays exact past 2^53 products', () => {
    const clock = new EtlClock(header({ clockType: 'cpu-cycles', cpuSpeedMHz: 3000, syncTimestampLow: 0 }));
    clock.convert(0, 2999999999); // one cycle short of a second
    expect(clock.time).toBe('2011-01-24T00:00:00.999999900Z');
  });

  it('takes system time readings as FILETIMEs, and shows times outside 1970..9999 without throwing', () => {
    const clock = new EtlClock(undefined);
    clock.convert(...split(116444736000000001n));
    expect([clock.time, clock.timeUnixNano]).toEqual(['1970-01-01T00:00:00.000000100Z', '100']);
    clock.convert(...split(116444735999999999n));
    expect([clock.time, clock.timeUnixNano]).toEqual(['1969-12-31T23:59:59.999999900Z', '-100']);
    clock.convert(0xffffffff, 0xffffffff);
    expect(clock.time).toMatch(/^\+?\d+-\d\d-\d\dT/);
    const broken = new EtlClock(header({ perfFrequency: 1e-300 }));
    expect(() => broken.convert(0xffffffff, 0)).not.toThrow();
  });

  // The per-event path builds both strings from cached digits of the second: it must agree with the exact
  // BigInt rendering for every second from 1970 to 9999 (Unix seconds of 1 to 12 digits), also after more
  // distinct seconds than the prefix cache holds, and when readings go back and forth between seconds.
  it('renders any system-time reading in 1970..9999 exactly as the BigInt path does', () => {
    const EPOCH = 116444736000000000n;
    const clock = new EtlClock(undefined);
    const reading = fc.bigInt({ min: EPOCH, max: EPOCH + 253402300799n * 10_000_000n + 9_999_999n });
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 1500 }), (filetimes) => {
        for (const filetime of filetimes) {
          clock.convert(...split(filetime));
          const ns = (filetime - EPOCH) * 100n;
          expect([clock.time, clock.timeUnixNano]).toEqual([isoOfUnixNanos(ns), ns.toString()]);
        }
      }),
      { numRuns: 20 }
    );
  });
});

describe('ByteQueue', () => {
  it('returns pieces across chunk boundaries and peeks ahead', () => {
    const q = new ByteQueue();
    q.push(new Uint8Array([1, 2, 3]));
    q.push(new Uint8Array(0));
    q.push(new Uint8Array([4, 5, 6, 7, 8]));
    expect(q.peekUint32(1)).toBe(0x05040302);
    expect(q.peekUint32(5)).toBeUndefined();
    expect([...q.take(2)]).toEqual([1, 2]);
    expect([...q.take(4)]).toEqual([3, 4, 5, 6]);
    expect([q.offset, q.available]).toEqual([6, 2]);
    expect([...q.take(2)]).toEqual([7, 8]);
  });
});
