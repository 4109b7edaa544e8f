import { writeEtl, type EtlWriterOptions } from '../../support/etl-writer/index.js';
import { readEtlEvents } from '../../../src/etw/etl/read-etl.js';
import { chunksOf, readAllEtl } from '../../support/etw/read.js';

const HTTP = 'Microsoft-Windows-HttpService';
const REQUEST = '80000146-0000-fe00-b63f-84710c7967bb';
const base: EtlWriterOptions = {
  startTime: '2026-01-02T03:04:05.0000001Z',
  events: [
    { provider: HTTP, id: 1, time: '2026-01-02T03:04:06.1234567Z', processId: 4, threadId: 9, activityId: '00000100-0000-0003-193d-42fb30bbcb01',
      relatedActivityId: REQUEST, fields: { RequestId: '0xFE00000080000146', ConnectionId: '0xFE00000060000145', RemoteAddr: '10.1.2.3:50000' } },
    { provider: HTTP, id: 2, time: '2026-01-02T03:04:06.1234600Z', processId: 4, threadId: 9, activityId: REQUEST,
      fields: { RequestObj: '0xFFFFFA8004020530', HttpVerb: 4, Url: 'http://h:80/a' } },
  ],
};

describe('synthetic Http.sys traces through the writer and the reader', () => {
  it.each([
    ['qpc at 10 MHz', { clock: 'qpc' as const }],
    ['qpc at 25 MHz', { clock: 'qpc' as const, perfFrequency: 25_000_000 }],
    ['system time', { clock: 'system-time' as const }],
    ['CPU cycles at 3 GHz', { clock: 'cpu-cycles' as const, cpuSpeedMHz: 3000 }],
  ])('turns %s into the same absolute times', async (_name, clock) => {
    const { events, problems, header } = await readAllEtl(writeEtl({ ...base, ...clock }));
    expect(problems).toEqual([]);
    expect(header?.clockType).toBe(clock.clock);
    expect(events.map((e) => e.time)).toEqual(['2026-01-02T03:04:06.123456700Z', '2026-01-02T03:04:06.123460000Z']);
  });

  it('decodes pointers as 4 bytes in a 32-bit trace and counts the socket address length', async () => {
    const { events } = await readAllEtl(writeEtl({ ...base, pointerSize: 4 }));
    expect(events[0].fields).toEqual({ RequestId: '0xFE00000080000146', ConnectionId: '0xFE00000060000145', RemoteAddrLength: 16, RemoteAddr: '10.1.2.3:50000' });
    expect(events[1].fields).toEqual({ RequestObj: '0x4020530', HttpVerb: 4, Url: 'http://h:80/a' });
    expect(events[0].relatedActivityId).toBe(REQUEST);
  });

  it('keeps events without a schema, or whose payload does not fit it, as payloadHex', async () => {
    const unknown = '01234567-89ab-cdef-0123-456789abcdef';
    const bytes = writeEtl({
      ...base,
      events: [
        { provider: unknown, id: 7, version: 3, time: '2026-01-02T03:04:07Z', payload: new Uint8Array([0xde, 0xad]), level: 2, keywords: '0x8000000000000001' },
        { provider: HTTP, id: 12, version: 9, time: '2026-01-02T03:04:07Z', payload: new Uint8Array([1]) },
        { provider: HTTP, id: 12, time: '2026-01-02T03:04:07Z', payload: new Uint8Array([1, 2, 3]) },
      ],
    });
    const { events, problems } = await readAllEtl(bytes);
    expect(problems).toEqual([]);
    expect(events[0]).toMatchObject({ provider: unknown, providerGuid: unknown, name: '', level: 2, keywords: '0x8000000000000001', fields: {}, payloadHex: 'dead' });
    expect(events[1]).toMatchObject({ provider: HTTP, name: '', fields: {}, payloadHex: '01' });
    expect(events[2]).toMatchObject({ name: 'FastSend', fields: {}, payloadHex: '010203' });
  });

  it('spreads events over buffers and reads them back in order', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ...base.events[1], time: `2026-01-02T03:05:${String(i % 60).padStart(2, '0')}.0000000Z`, threadId: i }));
    const bytes = writeEtl({ ...base, bufferSize: 2048, events: many });
    expect(bytes.length % 2048).toBe(0);
    expect(bytes.length / 2048).toBeGreaterThan(30);
    const { events, problems } = await readAllEtl(bytes, 777);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.threadId)).toEqual(many.map((e) => e.threadId));
  });

  it('reads events without a log file header as system time, saying so once with an offset', async () => {
    const bytes = writeEtl({ ...base, clock: 'system-time' });
    const { events, problems } = await readAllEtl(bytes.subarray(8192));
    expect(events.map((e) => e.time)).toEqual(['2026-01-02T03:04:06.123456700Z', '2026-01-02T03:04:06.123460000Z']);
    expect(problems).toEqual([{ format: 'etl', offset: 0, message: 'no log file header before the first event: timestamps are read as system time (FILETIME)' }]);
  });

  it('takes the buffer size from the log file header when the first buffer header is damaged', async () => {
    const bytes = writeEtl({ ...base, bufferSize: 4096 });
    bytes.set([0, 0, 0, 0], 0);
    const { events, problems } = await readAllEtl(bytes);
    expect(events).toHaveLength(2);
    expect(problems).toEqual([{ format: 'etl', offset: 0, message: "buffer header gives size 0, not the file's 4096" }]);
  });

  it('uses the first log file header only, and reads with default options', async () => {
    const bytes = writeEtl({ ...base, bufferSize: 4096 });
    const doubled = new Uint8Array(bytes.length + 4096);
    doubled.set(bytes.subarray(0, 4096));
    doubled.set(bytes, 4096);
    const { events, problems } = await readAllEtl(doubled);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.time)).toEqual(['2026-01-02T03:04:06.123456700Z', '2026-01-02T03:04:06.123460000Z']);
    const plain = [];
    for await (const e of readEtlEvents(chunksOf(doubled))) plain.push(e);
    expect(plain).toEqual(events);
  });

  it('says once that a header-less file is read as system time, even over many buffers', async () => {
    const many = Array.from({ length: 100 }, () => base.events[1]);
    const bytes = writeEtl({ ...base, clock: 'system-time', bufferSize: 1024, events: many });
    const { events, problems } = await readAllEtl(bytes.subarray(1024));
    expect(events).toHaveLength(100);
    expect(problems).toHaveLength(1);
  });

  it('says a file is not ETL, and reads nothing from empty or tiny inputs', async () => {
    expect((await readAllEtl(new TextEncoder().encode('<Events><Event/></Events>'.repeat(10)))).problems).toEqual([
      { format: 'etl', offset: 0, message: 'not an ETL file: no plausible buffer size in the first buffer header or the log file header' },
    ]);
    expect(await readAllEtl(new Uint8Array(0))).toEqual({ events: [], problems: [] });
    expect((await readAllEtl(new Uint8Array([0, 0x20, 0, 0]))).problems).toHaveLength(1);
    expect((await readAllEtl(new Uint8Array([0, 0x20, 0, 0]).slice(0, 4), 1)).events).toEqual([]);
  });

  it('reports a buffer with no valid filled size, and an unreadable log file header', async () => {
    const bytes = writeEtl({ ...base });
    const second = 8192;
    for (const at of [4, 8, 48]) bytes.set([0xff, 0xff, 0, 0], second + at);
    const { events, problems } = await readAllEtl(bytes);
    expect(events).toEqual([]);
    expect(problems).toEqual([{ format: 'etl', offset: second, message: 'buffer header has no valid filled size' }]);
    const headerless = writeEtl({ ...base });
    headerless.set([9, 0, 0, 0], 72 + 32 + 248 + 24); // ReservedFlags: no such clock type
    const read = await readAllEtl(headerless);
    expect(read.problems.map((p) => p.message)).toEqual([
      'the log file header cannot be read',
      'no log file header before the first event: timestamps are read as system time (FILETIME)',
    ]);
  });
});
