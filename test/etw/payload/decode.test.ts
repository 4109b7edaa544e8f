import fc from 'fast-check';
import { decodePayload } from '../../../src/etw/payload/decode.js';
import { normalizeFieldText } from '../../../src/etw/payload/normalize.js';
import type { EtwFieldSchema, EtwInType } from '../../../src/etw/schema/types.js';
import { propertyRuns } from '../../support/runs.js';

/** Little-endian byte builder for hand-written payloads. */
function bytes(...parts: (number[] | Uint8Array | string)[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'string') for (const c of p) out.push(c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8);
    else out.push(...p);
  }
  return Uint8Array.from(out);
}
const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
const u64 = (v: bigint) => Array.from({ length: 8 }, (_, i) => Number((v >> BigInt(8 * i)) & 0xffn));
const f = (name: string, inType: EtwInType, more: Partial<EtwFieldSchema> = {}): EtwFieldSchema => ({ name, inType, ...more });

describe('decodePayload', () => {
  it('decodes RecvReq with an IPv4 socket address as tracerpt renders it', () => {
    const fields = [
      f('RequestId', 'UInt64', { outType: 'HexInt64' }),
      f('ConnectionId', 'UInt64', { outType: 'HexInt64' }),
      f('RemoteAddrLength', 'UInt32'),
      f('RemoteAddr', 'Binary', { outType: 'SocketAddress', length: 'RemoteAddrLength' }),
    ];
    const sockaddr = [2, 0, 0x1f, 0x90, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    const payload = bytes(u64(0xfe00000080000146n), u64(0xfe00000060000145n), u32(16), sockaddr);
    expect(decodePayload(fields, payload, 8)).toEqual({
      RequestId: '0xFE00000080000146',
      ConnectionId: '0xFE00000060000145',
      RemoteAddrLength: 16,
      RemoteAddr: '10.0.0.1:8080',
    });
  });

  it('renders IPv6 socket addresses by RFC 5952, with scope ids and IPv4-mapped forms', () => {
    const field = [f('Len', 'UInt32'), f('A', 'Binary', { outType: 'SocketAddress', length: 'Len' })];
    const v6 = (groups: number[], port: number, scope = 0) =>
      bytes(u32(28), [23, 0, port >> 8, port & 0xff, 0, 0, 0, 0], groups.flatMap((g) => [g >> 8, g & 0xff]), u32(scope));
    expect(decodePayload(field, v6([0, 0, 0, 0, 0, 0, 0, 1], 50438), 8)?.A).toBe('[::1]:50438');
    expect(decodePayload(field, v6([0x2001, 0x4898, 0, 0xfff, 0, 0x5efe, 0xa50, 0xe410], 37837), 8)?.A).toBe(
      '[2001:4898:0:fff:0:5efe:a50:e410]:37837'
    );
    expect(decodePayload(field, v6([0xfe80, 0, 0, 0, 0x1, 0, 0, 0x2], 80, 11), 8)?.A).toBe('[fe80::1:0:0:2%11]:80');
    expect(decodePayload(field, v6([0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001], 80), 8)?.A).toBe('[::ffff:10.0.0.1]:80');
    expect(decodePayload(field, v6([1, 0, 0, 2, 0, 0, 0, 3], 1), 8)?.A).toBe('[1:0:0:2::3]:1');
    expect(decodePayload(field, bytes(u32(2), [2, 0]), 8)?.A).toBe('0x0200');
    // An unknown address family stays visible as hex.
    expect(decodePayload(field, bytes(u32(4), [9, 0, 1, 2]), 8)?.A).toBe('0x09000102');
  });

  it('reads pointers as 4 or 8 bytes by the header flag, and hex integers without padding', () => {
    const fields = [f('Obj', 'Pointer', { outType: 'HexInt64' }), f('Flags', 'UInt32', { outType: 'HexInt32' }), f('N', 'UInt8')];
    expect(decodePayload(fields, bytes(u32(0x840c9008), u32(0x1f), [7]), 4)).toEqual({ Obj: '0x840C9008', Flags: '0x1F', N: 7 });
    expect(decodePayload(fields, bytes(u64(0xfffffa8001bb5320n), u32(0), [7]), 8)).toEqual({ Obj: '0xFFFFFA8001BB5320', Flags: '0x0', N: 7 });
  });

  it('reads strings to their NUL or to the payload end, Unicode and ANSI', () => {
    const fields = [f('Pool', 'AnsiString'), f('Url', 'UnicodeString'), f('Last', 'UnicodeString')];
    const payload = bytes([0x41, 0x42, 0], 'http://h/\u00e9\u4e2d\0', 'tail');
    expect(decodePayload(fields, payload, 8)).toEqual({ Pool: 'AB', Url: 'http://h/\u00e9\u4e2d', Last: 'tail' });
    expect(decodePayload([f('A', 'AnsiString'), f('B', 'AnsiString')], bytes([0x78, 0x79]), 8)).toEqual({ A: 'xy', B: '' });
    expect(decodePayload([f('S', 'UnicodeString', { length: 2 }), f('T', 'AnsiString', { length: 1 })], bytes('ab', [0x7a]), 8)).toEqual({ S: 'ab', T: 'z' });
  });

  it('reads long strings, and repeated strings alike each time', () => {
    const long = 'x/'.repeat(150);
    const ansiLong = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x20 + (i % 90))).join('');
    const fields = [f('U', 'UnicodeString'), f('A', 'AnsiString')];
    const payload = bytes(`${long}\0`, Uint8Array.from(ansiLong, (c) => c.charCodeAt(0)));
    expect(decodePayload(fields, payload, 8)).toEqual({ U: long, A: ansiLong });
    for (const text of ['GET', 'PUT', 'GET', 'GEU', 'GET']) {
      expect(decodePayload([f('V', 'AnsiString')], Uint8Array.from(`${text}\0`, (c) => c.charCodeAt(0)), 8)).toEqual({ V: text });
    }
  });

  it('renders 64-bit integers as numbers up to 2^53 and decimal strings beyond', () => {
    const fields = [f('A', 'UInt64'), f('B', 'UInt64'), f('C', 'Int64'), f('D', 'Int64'), f('E', 'Int64', { outType: 'HexInt64' })];
    const payload = bytes(u64(2n ** 53n - 1n), u64(2n ** 64n - 1n), u64(2n ** 64n - 5n), u64(2n ** 63n), u64(2n ** 64n - 1n));
    expect(decodePayload(fields, payload, 8)).toEqual({
      A: 9007199254740991,
      B: '18446744073709551615',
      C: -5,
      D: '-9223372036854775808',
      E: '0xFFFFFFFFFFFFFFFF',
    });
  });

  it('decodes signed, floating, Boolean, GUID, FILETIME, SYSTEMTIME and SID fields', () => {
    const fields = [
      f('i8', 'Int8'), f('i16', 'Int16'), f('u16', 'UInt16'), f('i32', 'Int32'), f('fl', 'Float'), f('db', 'Double'),
      f('b', 'Boolean'), f('g', 'GUID'), f('ft', 'FILETIME'), f('st', 'SYSTEMTIME'), f('sid', 'SID'), f('h32', 'HexInt32'), f('h64', 'HexInt64'),
    ];
    const float = new Uint8Array(new Float32Array([1.5]).buffer);
    const double = new Uint8Array(new Float64Array([-2.25]).buffer);
    const guid = [0x46, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0xfe, 0xb6, 0x3f, 0x84, 0x71, 0x0c, 0x79, 0x67, 0xbb];
    const st = [2011, 1, 0, 23, 8, 0, 5, 123].flatMap((v) => [v & 0xff, v >> 8]);
    const sid = [1, 2, 0, 0, 0, 0, 0, 5, ...u32(32), ...u32(544)];
    const payload = bytes([0xff], [0xfe, 0xff], [0xfe, 0xff], u32(0xfffffffd), float, double, u32(1), guid,
      u64(129402432051234567n), st, sid, u32(0xabc), u64(0x10n));
    expect(decodePayload(fields, payload, 8)).toEqual({
      i8: -1, i16: -2, u16: 65534, i32: -3, fl: 1.5, db: -2.25, b: true,
      g: '80000146-0000-fe00-b63f-84710c7967bb',
      ft: '2011-01-23T08:00:05.123456700Z',
      st: '2011-01-23T08:00:05.123000000Z',
      sid: 'S-1-5-32-544', h32: '0xABC', h64: '0x10',
    });
  });

  it('keeps a field named __proto__ as an own field, the prototype untouched', () => {
    const decoded = decodePayload([f('__proto__', 'UInt32'), f('toString', 'UInt8')], bytes(u32(7), [1]), 8);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded ?? {})).toEqual(['__proto__', 'toString']);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toBe(7);
    expect(JSON.stringify(decoded)).toBe('{"__proto__":7,"toString":1}');
  });

  it('returns undefined when the payload does not fit its template', () => {
    expect(decodePayload([f('A', 'UInt32')], bytes([1, 2]), 8)).toBeUndefined();
    expect(decodePayload([f('L', 'UInt32'), f('B', 'Binary', { length: 'L' })], bytes(u32(9), [1]), 8)).toBeUndefined();
    expect(decodePayload([f('B', 'Binary', { length: 'Missing' })], bytes([1]), 8)).toBeUndefined();
    expect(decodePayload([f('B', 'Binary')], bytes([1]), 8)).toBeUndefined();
    expect(decodePayload([f('S', 'SID')], bytes([1]), 8)).toBeUndefined();
    expect(decodePayload([], bytes([1]), 8)).toEqual({});
    expect(decodePayload([f('L', 'UInt32'), f('B', 'Binary', { length: 'L' })], bytes(u32(0)), 8)).toEqual({ L: 0, B: '' });
  });

  it('never throws on random payloads, and XML text of every decoded value normalizes back to it', () => {
    const types: EtwInType[] = ['Int8', 'UInt8', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64', 'HexInt32', 'HexInt64',
      'Boolean', 'Pointer', 'GUID', 'FILETIME', 'UnicodeString', 'AnsiString', 'Double'];
    const field = fc.record({
      name: fc.constantFrom('a', 'b', 'c', 'd'),
      inType: fc.constantFrom(...types),
      outType: fc.constantFrom(undefined, 'HexInt64' as const),
    }).map(({ name, inType, outType }) => (outType === undefined ? f(name, inType) : f(name, inType, { outType })));
    fc.assert(
      fc.property(fc.array(field, { maxLength: 6 }), fc.uint8Array({ maxLength: 80 }), fc.constantFrom(4 as const, 8 as const), (schema, payload, ptr) => {
        const unique = schema.filter((s, i) => schema.findIndex((t) => t.name === s.name) === i);
        const decoded = decodePayload(unique, payload, ptr);
        if (decoded === undefined) return;
        for (const s of unique) {
          const value = decoded[s.name];
          if (s.inType === 'Double' && Number.isNaN(value)) continue;
          expect(normalizeFieldText(s, String(value))).toEqual(s.inType === 'UnicodeString' || s.inType === 'AnsiString' ? String(value) : value);
        }
      }),
      { numRuns: propertyRuns(2000) }
    );
  });
});
