import { normalizeFieldText } from '../../../src/etw/payload/normalize.js';
import type { EtwFieldSchema } from '../../../src/etw/schema/types.js';

const f = (inType: EtwFieldSchema['inType'], outType?: EtwFieldSchema['outType']): EtwFieldSchema =>
  outType === undefined ? { name: 'x', inType } : { name: 'x', inType, outType };

describe('normalizeFieldText (event XML text -> the ETL reader value)', () => {
  it.each([
    [f('UInt64', 'HexInt64'), '0xFE00000080000146', '0xFE00000080000146'],
    [f('UInt64', 'HexInt64'), '0x00000000fe', '0xFE'],
    [f('Pointer', 'HexInt64'), '0xfffffa8001bb5320', '0xFFFFFA8001BB5320'],
    [f('UInt32', 'HexInt32'), '31', '0x1F'],
    [f('HexInt32'), 'not hex', 'not hex'],
    [f('UInt32'), ' 304 ', 304],
    [f('UInt64'), '18446744073709551615', '18446744073709551615'],
    [f('Int32'), '-7', -7],
    [f('UInt32'), '0x10', 16],
    [f('UInt32'), 'Verbose', 'Verbose'],
    [f('Double'), '1.5', 1.5],
    [f('Float'), 'abc', 'abc'],
    [f('Boolean'), 'true', true],
    [f('Boolean'), 'False', false],
    [f('Boolean'), '1', true],
    [f('Boolean'), 'maybe', 'maybe'],
    [f('GUID'), '{80000146-0000-FE00-B63F-84710C7967BB}', '80000146-0000-fe00-b63f-84710c7967bb'],
    [f('GUID'), 'nope', 'nope'],
    [f('FILETIME', 'dateTime'), '2011-01-23T08:00:05.1234567Z', '2011-01-23T08:00:05.123456700Z'],
    [f('FILETIME', 'dateTime'), '2011-01-23T09:00:05+01:00', '2011-01-23T08:00:05.000000000Z'],
    [f('SYSTEMTIME'), 'yesterday', 'yesterday'],
    [f('FILETIME'), '2011-13-45T99:00:00Z', '2011-13-45T99:00:00Z'],
    [f('Binary', 'SocketAddress'), '[2001:DB8::1]:443', '[2001:db8::1]:443'],
    [f('Binary', 'hexBinary'), '0a0B', '0x0A0B'],
    [f('Binary'), '', ''],
    [f('Binary'), 'xyz', 'xyz'],
    [f('UnicodeString'), ' keep spaces ', ' keep spaces '],
  ])('%j %j -> %j', (field, text, expected) => {
    expect(normalizeFieldText(field, text)).toEqual(expected);
  });
});
