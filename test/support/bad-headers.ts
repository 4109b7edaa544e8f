// E2EActivity values that are not what a WCF client sends, as they go over the wire, with what each side
// makes of them: the Node.js service (the propagator) and WCF's server (Convert.FromBase64String, 16 bytes).
// A string[] is sent as that many header lines; Node.js joins them with ", ", HttpListener with ",".

const SPEC_GUID = '100f44d4-c7ac-45dc-98f7-974c064d61dd';
const SPEC_HEADER = '1EQPEKzH3EWY95dMBk1h3Q==';
const SECOND_HEADER = 'GWABtfYCDEu4hxOZR7sWGQ==';

export interface BadHeader {
  readonly name: string;
  readonly value: string | readonly string[];
  /** The GUID the Node.js service records; undefined: none. */
  readonly node: string | undefined;
  /** The GUID WCF's server reads; undefined: none (it swallows the FormatException or the wrong length). */
  readonly wcf: string | undefined;
  /**
   * What the Mono peer reads where Mono differs from WCF on Windows: Mono's HttpListener keeps only the
   * last of repeated header lines, where http.sys joins them with "," (which WCF then fails to decode).
   */
  readonly onMono?: string;
}

export const BAD_HEADERS: readonly BadHeader[] = [
  { name: 'malformed', value: 'not base64 at all!!', node: undefined, wcf: undefined },
  { name: 'unpadded', value: SPEC_HEADER.slice(0, 22), node: undefined, wcf: undefined },
  { name: 'one pad only', value: SPEC_HEADER.slice(0, 23), node: undefined, wcf: undefined },
  { name: 'URL-safe alphabet (_ for /)', value: 'MyIRAFVEd2aImaq7zN3u_w==', node: undefined, wcf: undefined },
  { name: 'URL-safe alphabet (- for +)', value: 'qRzBDmM-Rk-wWaG8dVmVbg==', node: undefined, wcf: undefined },
  { name: '20 bytes', value: Buffer.alloc(20, 7).toString('base64'), node: undefined, wcf: undefined },
  { name: '12 bytes', value: Buffer.alloc(12, 7).toString('base64'), node: undefined, wcf: undefined },
  { name: '8 KB of base64', value: Buffer.alloc(6144, 0x5a).toString('base64'), node: undefined, wcf: undefined },
  { name: '8 KB of garbage', value: '!'.repeat(8192), node: undefined, wcf: undefined },
  { name: 'first of two lines invalid', value: ['not base64', SPEC_HEADER], node: undefined, wcf: undefined, onMono: SPEC_GUID },
  // Documented: the propagator reads the first item of a comma-joined value; WCF fails on the whole.
  {
    name: 'two valid lines (duplicate header)',
    value: [SPEC_HEADER, SECOND_HEADER],
    node: SPEC_GUID,
    wcf: undefined,
    onMono: 'b5016019-02f6-4b0c-b887-139947bb1619',
  },
  { name: 'two values in one line', value: `${SPEC_HEADER}, ${SECOND_HEADER}`, node: SPEC_GUID, wcf: undefined },
  // Documented: Guid.Empty is "no activity"; WCF decodes it and then has an empty ActivityId.
  { name: 'Guid.Empty', value: 'AAAAAAAAAAAAAAAAAAAAAA==', node: undefined, wcf: '00000000-0000-0000-0000-000000000000' },
  // Documented: the propagator accepts only what Convert.ToBase64String writes; .NET's decoder is laxer.
  { name: 'non-zero unused bits', value: `${SPEC_HEADER.slice(0, 21)}R==`, node: undefined, wcf: SPEC_GUID },
  { name: 'a space inside', value: `${SPEC_HEADER.slice(0, 4)} ${SPEC_HEADER.slice(4)}`, node: undefined, wcf: SPEC_GUID },
];

/** The valid header sent around the bad ones, to show the same service does record a good one. */
export const CONTROL = { value: SPEC_HEADER, guid: SPEC_GUID } as const;
