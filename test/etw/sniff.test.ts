import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EtwFormatError, SNIFF_LIMIT, sniffFormat } from '../../src/etw/sniff.js';
import { utf16beWithBom, utf16leWithBom } from '../support/event-xml.js';
import { sharedEtwDir } from '../support/etw/paths.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('sniffFormat', () => {
  it('knows the real capture as ETL from its first buffer, whatever its name', () => {
    const dir = sharedEtwDir();
    const etl = readFileSync(join(dir ?? join(__dirname, '../fixtures/etw'), 'HTTP_Server.etl')).subarray(0, 4096);
    expect(sniffFormat(etl, false)).toEqual({ kind: 'etl' });
  });

  it.each([
    ['tracerpt (declaration, <Events>)', utf8('<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>\r\n<Event xmlns="x">'), 'utf-8', 'Events'],
    ['wevtutil without /e:Events', utf8('<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>'), 'utf-8', 'Event'],
    ['a comment and a DOCTYPE first', utf8('<!-- exported --><!DOCTYPE Events>\n<Events/>'), 'utf-8', 'Events'],
    ['a namespace prefix', utf8('<e:Events xmlns:e="x">'), 'utf-8', 'Events'],
    ['UTF-8 with a BOM', utf8('\uFEFF<Events>'), 'utf-8', 'Events'],
    ['PowerShell Out-File (UTF-16 LE, BOM)', utf16leWithBom('<Event xmlns=\'x\'>'), 'utf-16le', 'Event'],
    ['UTF-16 BE with a BOM', utf16beWithBom('<Events>'), 'utf-16be', 'Events'],
    ['UTF-16 LE without a BOM', utf16leWithBom('<Events>').subarray(2), 'utf-16le', 'Events'],
    ['UTF-16 BE without a BOM', utf16beWithBom('<Events>').subarray(2), 'utf-16be', 'Events'],
  ])('knows %s as event XML', (_, head, encoding, root) => {
    expect(sniffFormat(head, false)).toEqual({ kind: 'xml', encoding, root });
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'a PNG image'],
    ['a gzip archive', bytes(0x1f, 0x8b, 8, 0), 'a gzip archive'],
    ['a ZIP archive', utf8('PK\u0003\u0004rest'), 'a ZIP archive'],
    ['a .evtx log', utf8('ElfFile\u0000').slice(), 'a Windows event log (.evtx): export it with wevtutil qe FILE /lf:true /f:xml'],
    ['JSON', utf8('  {"provider":"x"}\n'), 'JSON'],
    ['JSON Lines from etw events --json', utf8('[1,2]'), 'JSON'],
    ['an HTML page', utf8('<!DOCTYPE html><html>'), 'an HTML page'],
    ['tracerpt CSV', utf8('Event Name, Type, TID, Clock-Time\r\nHttpService, Parse, 0x1, 1\r\n'), 'CSV text (tracerpt -of CSV?): convert the .etl with -of XML, or read the .etl itself'],
    ['other XML', utf8('<?xml version="1.0"?><project>'), 'XML whose root element is <project>, not <Events> or <Event>'],
    ['plain text', utf8('hello world\n'), 'text that is not event XML'],
    ['blank text', utf8(' \n\t'), 'blank text'],
    ['an unfinished comment', utf8('<!-- never ends'), 'XML whose prolog never ends'],
    ['random binary', bytes(1, 2, 3, 0, 0, 0, 9, 200), 'binary data'],
    ['a lone <!', utf8('<!'), 'text that is not event XML'],
    ['a tag that is no name', utf8('<1 a>'), 'text that is not event XML'],
  ])('describes %s', (_, head, looksLike) => {
    expect(sniffFormat(head, true)).toEqual({ kind: 'other', looksLike });
  });

  it('asks for more bytes while the start cannot tell, and decides at the limit', () => {
    expect(sniffFormat(new Uint8Array(0), false)).toEqual({ kind: 'undecided' });
    expect(sniffFormat(utf8('<?xml version="1.0"'), false)).toEqual({ kind: 'undecided' });
    expect(sniffFormat(utf8('<!DOC'), false)).toEqual({ kind: 'undecided' });
    expect(sniffFormat(utf8('<Eve'), false)).toEqual({ kind: 'undecided' });
    expect(sniffFormat(utf8('   '), false)).toEqual({ kind: 'undecided' });
    expect(sniffFormat(bytes(0, 0x20, 0, 0), false)).toEqual({ kind: 'undecided' });
    expect(sniffFormat(utf8(`<!--${'x'.repeat(SNIFF_LIMIT)}`), false)).toEqual({ kind: 'other', looksLike: 'XML whose prolog never ends' });
    expect(sniffFormat(utf8('<Eve'), true)).toEqual({ kind: 'other', looksLike: 'text that is not event XML' });
  });

  it('says what the input looks like in a one-line error', () => {
    const error = new EtwFormatError('a PNG image');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EtwFormatError');
    expect(error.looksLike).toBe('a PNG image');
    expect(error.message).toBe('not an ETL file or event XML: it looks like a PNG image');
  });
});
