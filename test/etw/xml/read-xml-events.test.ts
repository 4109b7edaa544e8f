import type { EtwEvent, EtwProblem } from '../../../src/etw/event.js';
import type { EtwXmlEncoding } from '../../../src/etw/sniff.js';
import { readXmlEvents } from '../../../src/etw/xml/read-xml-events.js';
import { utf16beWithBom, utf16leWithBom } from '../../support/event-xml.js';
import { TRACERPT_PARSE_EVENT, TYPICAL_REQUEST, typicalRequestWevtutil } from './seed-events.js';

async function read(
  bytes: Uint8Array,
  root: 'Events' | 'Event',
  encoding: EtwXmlEncoding = 'utf-8',
  chunkSize = 7,
): Promise<{ events: EtwEvent[]; problems: EtwProblem[] }> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
  }
  const events: EtwEvent[] = [];
  const problems: EtwProblem[] = [];
  for await (const event of readXmlEvents(chunks(), { encoding, root }, (p) => problems.push(p))) events.push(event);
  return { events, problems };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readXmlEvents', () => {
  it("reads the blog's tracerpt Parse event into the record the ETL reader gives", async () => {
    const { events, problems } = await read(utf8(TRACERPT_PARSE_EVENT), 'Events');
    expect(problems).toEqual([]);
    expect(events).toEqual([
      {
        provider: 'Microsoft-Windows-HttpService',
        providerGuid: 'dd5ef90a-6398-47a4-ad34-4dcecdef795f',
        id: 2,
        version: 0,
        name: 'Parse',
        level: 4,
        task: 1,
        opcode: 12,
        keywords: '0x8000000000000002',
        time: '2007-01-25T19:00:00.123456789Z',
        timeUnixNano: '1169751600123456789',
        processId: 4,
        threadId: 2252,
        activityId: '80000004-0000-fb00-b63f-84710c7967bb',
        fields: { RequestObj: '0xFFFFFA8001BB5320', HttpVerb: 4, Url: 'http://localhost:80/RequestQueueTests/' },
      },
    ]);
  });

  it("reads the blog's typical request as wevtutil writes it (no root), normalizing case and types", async () => {
    const { events, problems } = await read(utf8(typicalRequestWevtutil()), 'Event');
    expect(problems).toEqual([]);
    expect(events.map((e) => e.name)).toEqual(TYPICAL_REQUEST.map((e) => e.name));
    expect(events[0]).toMatchObject({
      computer: 'WEB01',
      activityId: '00000000-0000-0000-0000-000000000000',
      time: '2007-02-01T19:00:00.000000000Z',
      fields: { ConnectionObj: '0x840C9008', LocalAddrLength: 28, LocalAddr: '[::1]:80', RemoteAddrLength: 28, RemoteAddr: '[::1]:50438' },
    });
    expect(events[0]).not.toHaveProperty('relatedActivityId');
    expect(events[2].fields).toEqual({ RequestId: '0xFB00000080000004', ConnectionId: '0xFB00000060000003', RemoteAddrLength: 28, RemoteAddr: '[::1]:50438' });
    expect(events[5].fields).toMatchObject({ StatusCode: 200, Verb: 'get' });
    expect(events[7].time).toBe('2007-02-01T19:00:00.000000700Z');
  });

  it.each<[string, (text: string) => Uint8Array, EtwXmlEncoding]>([
    ['UTF-16 LE with a BOM', utf16leWithBom, 'utf-16le'],
    ['UTF-16 BE with a BOM', utf16beWithBom, 'utf-16be'],
    ['UTF-8 with a BOM', (text) => utf8(`\uFEFF${text}`), 'utf-8'],
  ])('reads %s, split anywhere, to the same records', async (_, encode, encoding) => {
    const expected = (await read(utf8(TRACERPT_PARSE_EVENT), 'Events')).events;
    for (const chunkSize of [1, 3, 64, 1 << 20]) {
      expect(await read(encode(TRACERPT_PARSE_EVENT), 'Events', encoding, chunkSize)).toEqual({ events: expected, problems: [] });
    }
  });

  it('keeps a hand-written field named __proto__ as an own field', async () => {
    const xml = `<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>
      <Provider Name="Custom" Guid="{11111111-2222-3333-4444-555555555555}"/><EventID>1</EventID><Version>0</Version>
      <TimeCreated SystemTime="2011-01-23T08:00:05.1234567Z"/></System>
      <EventData><Data Name="__proto__">{"polluted":true}</Data><Data Name="Other">x</Data></EventData></Event></Events>`;
    const { events, problems } = await read(utf8(xml), 'Events');
    expect(problems).toEqual([]);
    const fields = events[0]?.fields;
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toBe('{"polluted":true}');
    expect(Object.keys(fields ?? {})).toEqual(['__proto__', 'Other']);
  });

  it('keeps the line and column of a declaration it blanks out in a document without a root', async () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?>\n${typicalRequestWevtutil()}\n<Event><System></Event>`;
    const { events, problems } = await read(utf8(text), 'Event');
    expect(events).toHaveLength(TYPICAL_REQUEST.length);
    expect(problems).toEqual([expect.objectContaining({ format: 'xml', line: 10, column: 23 })]);
  });

  it('yields the events before a malformed one, then one problem with line and column', async () => {
    const text = TRACERPT_PARSE_EVENT.replace('</Events>', '<Event><System><EventID>1</EventID></Sys></Event></Events>');
    const { events, problems } = await read(utf8(text), 'Events');
    expect(events).toHaveLength(1);
    expect(problems).toEqual([
      { format: 'xml', message: 'malformed XML at line 35, column 41: unexpected close tag', line: 35, column: 41 },
    ]);
  });

  it('reports a document cut short', async () => {
    const text = TRACERPT_PARSE_EVENT.slice(0, TRACERPT_PARSE_EVENT.indexOf('</Events>'));
    const { events, problems } = await read(utf8(text), 'Events');
    expect(events).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^malformed XML at line 35, column 0: unclosed tag: Events/);
  });

  it('keeps the Data of an event without a bundled schema as text, named as RenderingInfo names it', async () => {
    const text = `<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Contoso-App" Guid="{11111111-2222-3333-4444-555555555555}"/><EventID>7</EventID><Version>1</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x0</Keywords><TimeCreated SystemTime="2024-05-01T10:00:00+02:00"/><Correlation ActivityID="{AAAAAAAA-0000-0000-0000-000000000001}" RelatedActivityID="{BBBBBBBB-0000-0000-0000-000000000002}"/><Execution ProcessID="12" ThreadID="34"/></System><EventData><Data Name="Count">0x10</Data><Data>free text</Data></EventData><RenderingInfo Culture="en-US"><Opcode>Info </Opcode></RenderingInfo></Event></Events>`;
    const { events } = await read(utf8(text), 'Events');
    expect(events).toEqual([
      expect.objectContaining({
        provider: 'Contoso-App',
        providerGuid: '11111111-2222-3333-4444-555555555555',
        name: 'Info',
        keywords: '0x0000000000000000',
        time: '2024-05-01T08:00:00.000000000Z',
        activityId: 'aaaaaaaa-0000-0000-0000-000000000001',
        relatedActivityId: 'bbbbbbbb-0000-0000-0000-000000000002',
        fields: { Count: '0x10', Data2: 'free text' },
      }),
    ]);
  });

  it('takes UserData children as fields and BinaryEventData as the raw payload', async () => {
    const system = '<System><Provider Guid="{11111111-2222-3333-4444-555555555555}"/><EventID>1</EventID></System>';
    const text = `<Events><Event>${system}<UserData><Template xmlns="x"><Name>a &amp; b</Name><Size><![CDATA[12]]></Size></Template></UserData></Event><Event>${system}<BinaryEventData>0A0B</BinaryEventData></Event></Events>`;
    const { events } = await read(utf8(text), 'Events');
    expect(events.map((e) => [e.provider, e.fields, e.payloadHex])).toEqual([
      ['11111111-2222-3333-4444-555555555555', { Name: 'a & b', Size: '12' }, undefined],
      ['11111111-2222-3333-4444-555555555555', {}, '0a0b'],
    ]);
  });

  it('keeps an event that names no provider at all, with the empty GUID', async () => {
    const { events } = await read(utf8('<Event><System><EventID>5</EventID></System></Event>'), 'Event');
    expect(events[0]).toMatchObject({ provider: '00000000-0000-0000-0000-000000000000', providerGuid: '00000000-0000-0000-0000-000000000000', id: 5, name: '' });
  });

  it('names the provider from the bundled schema when the XML gives only its name', async () => {
    const text = '<Event><System><Provider Name="Microsoft-Windows-HttpService"/><EventID>12</EventID><Version>0</Version><Keywords>junk</Keywords></System><EventData><Data Name="RequestId">0xfe00000080000146</Data><Data Name="HttpStatus">304</Data></EventData></Event>';
    const { events } = await read(utf8(text), 'Event');
    expect(events[0]).toMatchObject({
      providerGuid: 'dd5ef90a-6398-47a4-ad34-4dcecdef795f',
      name: 'FastSend',
      keywords: '0x0000000000000000',
      time: '1970-01-01T00:00:00.000000000Z',
      fields: { RequestId: '0xFE00000080000146', HttpStatus: 304 },
    });
  });
});
