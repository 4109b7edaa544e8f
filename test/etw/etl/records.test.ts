import type { EtlBuffer } from '../../../src/etw/etl/buffers.js';
import { walkRecords, type RecordVisitor } from '../../../src/etw/etl/records.js';
import { ByteWriter } from '../../support/etl-writer/byte-writer.js';
import { eventRecord } from '../../support/etl-writer/records.js';

const GUID = 'dd5ef90a-6398-47a4-ad34-4dcecdef795f';

function bufferOf(records: Uint8Array[], size = 4096): EtlBuffer {
  const w = new ByteWriter().zeros(72);
  for (const r of records) w.raw(r).align(8);
  const bytes = new Uint8Array(size).fill(0xff);
  bytes.set(w.toBytes());
  return { kind: 'buffer', bytes, view: new DataView(bytes.buffer), fileOffset: 0, bufferSize: size, end: w.length };
}

function event(id: number, extra: Partial<Parameters<typeof eventRecord>[0]> = {}): Uint8Array {
  return eventRecord({
    pointerSize: 8, processId: 4, threadId: 8, timestamp: 1000n, providerGuid: GUID, id, version: 0, channel: 16, level: 4,
    opcode: 11, task: 1, keywords: 2n, activityId: GUID, payload: new Uint8Array([1, 2, 3]), ...extra,
  });
}

function walk(buffer: EtlBuffer) {
  const seen: string[] = [];
  const visitor: RecordVisitor = {
    event: (_b, r) => seen.push(`event ${r.id} ptr${r.pointerSize} payload ${r.payloadStart}-${r.payloadEnd} related ${r.relatedActivityOffset}`),
    logfileHeader: (_b, r) => seen.push(`header ${r.dataStart}-${r.dataEnd} ptr${r.pointerSize}`),
    computerName: (name) => seen.push(`computer ${name}`),
    damage: (_b, offset, end, message) => seen.push(`damage ${offset}-${end}: ${message}`),
  };
  walkRecords(buffer, visitor);
  return seen;
}

/** A traced header record whose size sits in its second word (system, compact, perf-info). */
function packetRecord(type: number, group: number, eventType: number, size: number): Uint8Array {
  const w = new ByteWriter().u16(2).u8(type).u8(0xc0).u16(size).u8(eventType).u8(group);
  return w.zeros(size - 8).toBytes();
}

describe('walkRecords', () => {
  it('steps over system, compact, perf-info and message records by their sizes', () => {
    const message = new ByteWriter().u16(24).u16(0x9000).zeros(20).toBytes();
    const records = [packetRecord(2, 0x05, 1, 40), packetRecord(4, 0x03, 2, 24), packetRecord(17, 0x0f, 46, 20), message, event(1)];
    expect(walk(bufferOf(records))).toEqual(['event 1 ptr8 payload 264-267 related -1']);
  });

  it('finds RelatedActivityId among other extended data items, and 32-bit events', () => {
    const w = new ByteWriter();
    const plain = event(2, { pointerSize: 4 });
    // Rebuild an extended record by hand: a SID item (type 2, linked), then RelatedActivityId (type 1, last).
    w.raw(plain.subarray(0, 80)).u16(0).u16(2).u16(1).u16(12).zeros(16).u16(0).u16(1).u16(0).u16(16).guid(GUID).u8(9);
    const bytes = w.toBytes();
    bytes[4] |= 1;
    bytes[0] = bytes.length & 0xff;
    bytes[1] = bytes.length >> 8;
    expect(walk(bufferOf([bytes]))).toEqual([`event 2 ptr4 payload ${72 + 80 + 24 + 24}-${72 + bytes.length} related ${72 + 80 + 24 + 8}`]);
  });

  it('takes the pointer size from the header type when the flags do not say', () => {
    const r = event(6, { pointerSize: 4 });
    r[4] &= ~0x20;
    expect(walk(bufferOf([r]))).toEqual(['event 6 ptr4 payload 152-155 related -1']);
  });

  it('reports the log file header and a SystemConfig computer name', () => {
    const cpu = new ByteWriter().u16(2).u8(2).u8(0xc0).u16(32 + 20 + 12).u8(10).u8(0x0b).zeros(24).zeros(20).utf16('HOST', true).zeros(2).toBytes();
    const header = packetRecord(1, 0, 0, 64);
    expect(walk(bufferOf([header, cpu]))).toEqual(['header 104-136 ptr4', 'computer HOST']);
  });

  it('reports damage once and resumes at the next plausible event record', () => {
    const bad = new ByteWriter().u16(16).u8(0x13).u8(0x00).zeros(12).toBytes();
    expect(walk(bufferOf([event(1), bad, event(3)]))).toEqual([
      'event 1 ptr8 payload 152-155 related -1',
      'damage 160-176: no record header at buffer offset 160',
      'event 3 ptr8 payload 256-259 related -1',
    ]);
  });

  it('reports sizes out of range, cut packet headers and extended data past the record', () => {
    const tooSmall = new ByteWriter().u16(40).u8(0x13).u8(0xc0).zeros(36).toBytes();
    expect(walk(bufferOf([tooSmall]))).toEqual(['damage 72-112: record at buffer offset 72 has size 40, outside 80..40']);
    const buffer = bufferOf([packetRecord(2, 0, 0, 40)]);
    expect(walk({ ...buffer, end: 76 })).toEqual(['damage 72-76: record header at buffer offset 72 is cut off']);
    const ext = event(4);
    ext[4] |= 1;
    expect(walk(bufferOf([ext]))[0]).toMatch(/^damage 72-.*extended data of the event at buffer offset 72 runs past the record/);
    const longItem = event(5, { relatedActivityId: GUID });
    longItem[80 + 6] = 200;
    expect(walk(bufferOf([longItem]))[0]).toMatch(/runs past the record/);
  });

  it('stops at the 0xFF fill', () => {
    const buffer = bufferOf([event(1)]);
    expect(walk({ ...buffer, end: 4096 })).toEqual(['event 1 ptr8 payload 152-155 related -1']);
  });
});
