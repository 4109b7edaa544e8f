/// <reference types="node" />
/** The text encodings event XML comes in: UTF-8 (tracerpt, wevtutil) or UTF-16 (PowerShell's `Out-File`). */
export type EtwXmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** What the first bytes of an input say it is. */
export type SniffedFormat =
  | { readonly kind: 'etl' }
  | { readonly kind: 'xml'; readonly encoding: EtwXmlEncoding; readonly root: 'Events' | 'Event' }
  | { readonly kind: 'other'; readonly looksLike: string }
  /** More bytes are needed to tell. */
  | { readonly kind: 'undecided' };

/**
 * Thrown by `readEtwEvents` when the input is neither an ETL file nor event XML. The message is one line
 * that says what the input looks like instead.
 */
export class EtwFormatError extends Error {
  /** What the input looks like: `a PNG image`, `JSON`, `empty`, `text that is not event XML`, ... */
  readonly looksLike: string;

  constructor(looksLike: string) {
    super(`not an ETL file or event XML: it looks like ${looksLike}`);
    this.name = 'EtwFormatError';
    this.looksLike = looksLike;
  }
}

/** How many bytes the sniffer may ask for before it must decide; a root element comes long before. */
export const SNIFF_LIMIT = 64 * 1024;

/** The size of the WMI_BUFFER_HEADER that starts every ETL buffer, followed by the first record. */
const ETL_BUFFER_HEADER = 72;

const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a Windows event log (.evtx): export it with wevtutil qe FILE /lf:true /f:xml', [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]],
  ['a Windows executable', [0x4d, 0x5a]],
];

/**
 * Tells ETL from event XML by content, not by file name. `complete` says that `head` is the whole input,
 * so the answer cannot be `undecided`.
 */
export function sniffFormat(head: Uint8Array, complete: boolean): SniffedFormat {
  if (head.length === 0) return complete ? { kind: 'other', looksLike: 'empty' } : { kind: 'undecided' };
  const bom = byteOrderMark(head);
  const encoding = bom?.encoding ?? bomlessEncoding(head);
  if (encoding !== undefined) {
    const text = decodeHead(head.subarray(bom?.length ?? 0), encoding);
    const xml = sniffXml(text, encoding, complete || head.length >= SNIFF_LIMIT);
    if (xml !== undefined) return xml;
  }
  if (looksLikeEtl(head)) return { kind: 'etl' };
  for (const [looksLike, magic] of MAGIC) {
    if (magic.every((byte, i) => head[i] === byte)) return { kind: 'other', looksLike };
  }
  if (head.length < ETL_BUFFER_HEADER + 4 && !complete) return { kind: 'undecided' };
  return { kind: 'other', looksLike: encoding === undefined ? 'binary data' : describeText(decodeHead(head.subarray(bom?.length ?? 0), encoding)) };
}

// An ETL file starts with a buffer: its size (a multiple of 1 KiB, logman's unit) and, after the 72-byte
// buffer header, the log file header record, whose marker byte has the TRACE_HEADER_FLAG and
// EVENT_TRACE bits (0xC0) set, in 32- and 64-bit traces alike.
function looksLikeEtl(head: Uint8Array): boolean {
  if (head.length < ETL_BUFFER_HEADER + 4) return false;
  const bufferSize = (head[0] | (head[1] << 8) | (head[2] << 16) | (head[3] << 24)) >>> 0;
  const marker = head[ETL_BUFFER_HEADER + 3];
  return bufferSize >= 1024 && bufferSize % 1024 === 0 && bufferSize <= 1 << 30 && (marker & 0xc0) === 0xc0;
}

function byteOrderMark(head: Uint8Array): { encoding: EtwXmlEncoding; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

// Without a BOM: UTF-16 shows as a zero byte next to each ASCII one; text is UTF-8 if it has no NUL
// and no control byte other than whitespace in its first bytes.
function bomlessEncoding(head: Uint8Array): EtwXmlEncoding | undefined {
  if (head.length >= 2 && head[0] !== 0 && head[1] === 0) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0 && head[1] !== 0) return 'utf-16be';
  const sample = head.subarray(0, 512);
  const isControl = (byte: number): boolean => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d;
  return sample.some(isControl) ? undefined : 'utf-8';
}

function decodeHead(bytes: Uint8Array, encoding: EtwXmlEncoding): string {
  return new TextDecoder(encoding).decode(bytes.subarray(0, SNIFF_LIMIT));
}

// Skips what may come before the root element (declaration, comments, processing instructions, DOCTYPE)
// and names the root. undefined: not XML at all, so the caller describes the text.
function sniffXml(text: string, encoding: EtwXmlEncoding, final: boolean): SniffedFormat | undefined {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (at === text.length) return final ? undefined : { kind: 'undecided' };
    if (text[at] !== '<') return undefined;
    const prolog = ([['<?', '?>'], ['<!--', '-->'], ['<!DOCTYPE', '>']] as const).find(([open]) => text.startsWith(open, at));
    const partial = text.length - at < 9 && '<!DOCTYPE'.startsWith(text.slice(at));
    if (prolog === undefined && !partial) break;
    if (prolog === undefined) return final ? undefined : { kind: 'undecided' };
    const end = text.indexOf(prolog[1], at);
    if (end < 0) return final ? { kind: 'other', looksLike: 'XML whose prolog never ends' } : { kind: 'undecided' };
    at = end + prolog[1].length;
  }
  const name = /^<([A-Za-z_][\w.:-]*)([\s/>])?/.exec(text.slice(at, at + 256));
  if (name === null) return undefined;
  if (name[2] === undefined) return final ? undefined : { kind: 'undecided' };
  const local = name[1].slice(name[1].indexOf(':') + 1);
  if (local === 'Events' || local === 'Event') return { kind: 'xml', encoding, root: local };
  if (local.toLowerCase() === 'html') return { kind: 'other', looksLike: 'an HTML page' };
  return { kind: 'other', looksLike: `XML whose root element is <${name[1]}>, not <Events> or <Event>` };
}

function describeText(text: string): string {
  const start = text.trimStart();
  if (start === '') return 'blank text';
  if (/^[[{]/.test(start)) return 'JSON';
  const firstLine = start.slice(0, start.search(/\r?\n|$/));
  if (firstLine.split(',').length >= 3) return 'CSV text (tracerpt -of CSV?): convert the .etl with -of XML, or read the .etl itself';
  return 'text that is not event XML';
}
