// Test vectors from shared/e2eactivity-facts.md: GUID, what WCF sends, and what an RFC 4122 (big-endian)
// encoder would wrongly send instead.
export interface Vector {
  readonly guid: string;
  readonly header: string;
  readonly bigEndianHeader: string;
  readonly source: string;
}

export const VECTORS: readonly Vector[] = [
  {
    guid: '100f44d4-c7ac-45dc-98f7-974c064d61dd',
    header: '1EQPEKzH3EWY95dMBk1h3Q==',
    bigEndianHeader: 'EA9E1MesRdyY95dMBk1h3Q==',
    source: 'MS-THCH section 4',
  },
  {
    guid: 'b5016019-02f6-4b0c-b887-139947bb1619',
    header: 'GWABtfYCDEu4hxOZR7sWGQ==',
    bigEndianHeader: 'tQFgGQL2Swy4hxOZR7sWGQ==',
    source: 'MS-THCH section 2.2',
  },
  {
    guid: '00112233-4455-6677-8899-aabbccddeeff',
    header: 'MyIRAFVEd2aImaq7zN3u/w==',
    bigEndianHeader: 'ABEiM0RVZneImaq7zN3u/w==',
    source: 'byte ramp',
  },
  {
    guid: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
    header: '/////////////////////w==',
    bigEndianHeader: '/////////////////////w==',
    source: 'all ones',
  },
];

/** The spec's example GUID and header. */
export const SPEC = VECTORS[0];

/** Guid.Empty as WCF would send it: "no activity". */
export const EMPTY_HEADER = 'AAAAAAAAAAAAAAAAAAAAAA==';

/** Invalid header values, each with why WCF ignores it. */
export const INVALID_HEADERS: readonly (readonly [string, unknown])[] = [
  ['empty string', ''],
  ['unpadded', '1EQPEKzH3EWY95dMBk1h3Q'],
  ['one pad only', '1EQPEKzH3EWY95dMBk1h3Q='],
  ['URL-safe alphabet', 'GWABtfYCDEu4hxOZR7sWGQ=='.replace('/', '_').replace('R7', 'R-')],
  ['URL-safe minus', '-EQPEKzH3EWY95dMBk1h3Q=='],
  ['URL-safe underscore', '_EQPEKzH3EWY95dMBk1h3Q=='],
  ['non-canonical trailing bits', '1EQPEKzH3EWY95dMBk1h3R=='],
  ['12 bytes', 'AAECAwQFBgcICQoL'],
  ['17 bytes', 'AAECAwQFBgcICQoLDA0ODxA='],
  ['32 bytes', '1EQPEKzH3EWY95dMBk1h3dREDxCsx9xFmPeXTAZNYd0='],
  ['padding in the middle', '1EQPEKzH3EWY95dM==1h3Q=='],
  ['inner space', '1EQPEKzH3EW Y95dMBk1h3Q=='],
  ['non-ASCII', '1EQPEKzH3EWY95dMBk1h3é=='],
  ['Guid.Empty', EMPTY_HEADER],
  ['the GUID itself', SPEC.guid],
  ['CRLF injection', '1EQPEKzH3EWY95dMBk1h3Q==\r\nX-Evil: 1'],
  ['8 KB', 'A'.repeat(8192)],
  ['number', 42],
  ['null', null],
  ['object', { value: SPEC.header }],
];
