// The real capture read from ETL, rendered as each Windows tool writes event XML, and read back: every
// one of its 2,041 events must give the record the ETL reader gave.
import { Readable } from 'node:stream';
import type { EtwEvent } from '../../../src/etw/event.js';
import { readEtwEvents } from '../../../src/etw/read-etw-events.js';
import { renderEventXmlDocument, utf16leWithBom, type EventXmlStyle } from '../../support/event-xml.js';
import { capturePath } from '../capture-path.js';

async function collect(events: AsyncIterable<EtwEvent>): Promise<EtwEvent[]> {
  const all: EtwEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

let fromEtl: EtwEvent[];

beforeAll(async () => {
  fromEtl = await collect(readEtwEvents(capturePath()));
});

describe('the real capture as event XML', () => {
  it('is 2,041 Http.sys events from ETL, 291 of them RecvReq', () => {
    expect(fromEtl).toHaveLength(2041);
    expect(fromEtl.filter((e) => e.name === 'RecvReq')).toHaveLength(291);
  });

  it.each<[string, EventXmlStyle, boolean, (text: string) => Uint8Array]>([
    ['tracerpt -of XML (UTF-8, <Events>, RenderingInfo)', 'tracerpt', true, (text) => new TextEncoder().encode(text)],
    ['wevtutil qe /f:xml /e:Events', 'wevtutil', true, (text) => new TextEncoder().encode(text)],
    ['wevtutil qe /f:xml without a root', 'wevtutil', false, (text) => new TextEncoder().encode(text)],
    ['PowerShell ToXml() | Out-File (UTF-16 LE, BOM, no root)', 'powershell', false, utf16leWithBom],
  ])('gives the ETL records back from %s', async (_, style, root, encode) => {
    const bytes = encode(renderEventXmlDocument(fromEtl, style, root));
    const problems: string[] = [];
    const fromXml = await collect(readEtwEvents(bytes, { onProblem: (p) => problems.push(p.message) }));
    expect(problems).toEqual([]);
    expect(fromXml).toHaveLength(fromEtl.length);
    for (let i = 0; i < fromEtl.length; i++) expect([i, fromXml[i]]).toEqual([i, fromEtl[i]]);
    // Same keys in the same order too: `etw events --json` prints the very same line either way.
    expect(fromXml.map((e) => JSON.stringify(e))).toEqual(fromEtl.map((e) => JSON.stringify(e)));
  });

  it('reads the same from a Node.js stream of small chunks', async () => {
    const bytes = new TextEncoder().encode(renderEventXmlDocument(fromEtl.slice(0, 200), 'tracerpt', true));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) => bytes.subarray(i * 1000, (i + 1) * 1000));
    expect(await collect(readEtwEvents(Readable.from(chunks)))).toEqual(fromEtl.slice(0, 200));
  });
});
