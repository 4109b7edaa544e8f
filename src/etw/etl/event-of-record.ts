import type { EtwEvent } from '../event.js';
import { decoderOf, type PayloadDecoder } from '../payload/compile-decoder.js';
import { guidAt } from '../payload/guid.js';
import { hexOfBytes, upperHex8 } from '../payload/hex.js';
import { findEventSchema, findProviderSchema } from '../schema/lookup.js';
import type { EtwEventSchema } from '../schema/types.js';
import type { EtlBuffer } from './buffers.js';
import type { EtlClock } from './clock.js';
import type { EventRecordView } from './records.js';

/** Provider GUID text and name of the last record, reused while consecutive records share a provider. */
interface ProviderCache {
  bytes: Uint8Array;
  guid: string;
  name: string;
}

/** Keyword masks repeat: their text is cached (bounded, for files with many distinct masks). */
const KEYWORDS_CACHE_LIMIT = 4096;

/**
 * Builds the event record from one EVENT_HEADER record: provider and event names from the bundled schema,
 * fields decoded by it; without a schema (or when the payload does not fit it) `fields` is `{}` and the raw
 * payload is kept as `payloadHex`.
 */
export class EventBuilder {
  private provider: ProviderCache = { bytes: new Uint8Array(16), guid: '', name: '' };
  private schemaKey = -1;
  private schemaGuid = '';
  private schema: EtwEventSchema | undefined;
  private decoder: PayloadDecoder = decoderOf([]);
  private readonly keywordsText = new Map<number, Map<number, string>>();
  /** Consecutive events mostly share an activity: its text is reused while the bytes match. */
  private readonly activityWords = new Int32Array(4);
  private activityText = '';
  /** The computer name, once a SystemConfig record has named it. */
  computer: string | undefined;

  constructor(private readonly clock: () => EtlClock) {}

  build(buffer: EtlBuffer, r: EventRecordView): EtwEvent {
    const { bytes } = buffer;
    const provider = this.providerOf(bytes, r.providerOffset);
    const schema = this.schemaOf(provider.guid, r.id, r.version);
    const fields = schema === undefined ? undefined : this.decoder(bytes, buffer.view, r.payloadStart, r.payloadEnd, r.pointerSize);
    const clock = this.clock();
    clock.convert(r.timestampHigh, r.timestampLow);
    const event: {
      -readonly [K in keyof EtwEvent]: EtwEvent[K];
    } = {
      provider: provider.name,
      providerGuid: provider.guid,
      id: r.id,
      version: r.version,
      name: schema === undefined ? '' : schema.name,
      level: r.level,
      task: r.task,
      opcode: r.opcode,
      keywords: this.keywordsOf(r.keywordsHigh, r.keywordsLow),
      time: clock.time,
      timeUnixNano: clock.timeUnixNano,
      processId: r.processId,
      threadId: r.threadId,
      activityId: this.activityOf(buffer.view, bytes, r.activityOffset),
      fields: fields ?? {},
    };
    if (r.relatedActivityOffset >= 0) event.relatedActivityId = guidAt(bytes, r.relatedActivityOffset);
    if (this.computer !== undefined) event.computer = this.computer;
    if (fields === undefined) event.payloadHex = hexOfBytes(bytes, r.payloadStart, r.payloadEnd, false);
    return event;
  }

  private activityOf(view: DataView, bytes: Uint8Array, offset: number): string {
    const last = this.activityWords;
    const a = view.getInt32(offset, true);
    const b = view.getInt32(offset + 4, true);
    const c = view.getInt32(offset + 8, true);
    const d = view.getInt32(offset + 12, true);
    if (this.activityText === '' || a !== last[0] || b !== last[1] || c !== last[2] || d !== last[3]) {
      last[0] = a;
      last[1] = b;
      last[2] = c;
      last[3] = d;
      this.activityText = guidAt(bytes, offset);
    }
    return this.activityText;
  }

  private keywordsOf(high: number, low: number): string {
    let byLow = this.keywordsText.get(high);
    if (byLow === undefined) {
      if (this.keywordsText.size >= KEYWORDS_CACHE_LIMIT) this.keywordsText.clear();
      byLow = new Map();
      this.keywordsText.set(high, byLow);
    }
    let text = byLow.get(low);
    if (text === undefined) {
      if (byLow.size >= KEYWORDS_CACHE_LIMIT) byLow.clear();
      text = `0x${upperHex8(high)}${upperHex8(low)}`;
      byLow.set(low, text);
    }
    return text;
  }

  private providerOf(bytes: Uint8Array, offset: number): ProviderCache {
    const cached = this.provider;
    let same = cached.guid !== '';
    for (let i = 0; same && i < 16; i++) same = cached.bytes[i] === bytes[offset + i];
    if (!same) {
      const guid = guidAt(bytes, offset);
      this.provider = { bytes: bytes.slice(offset, offset + 16), guid, name: findProviderSchema(guid)?.name ?? guid };
    }
    return this.provider;
  }

  private schemaOf(guid: string, id: number, version: number): EtwEventSchema | undefined {
    const key = id * 256 + version;
    if (key !== this.schemaKey || guid !== this.schemaGuid) {
      this.schemaKey = key;
      this.schemaGuid = guid;
      this.schema = findEventSchema(guid, id, version);
      if (this.schema !== undefined) this.decoder = decoderOf(this.schema.fields);
    }
    return this.schema;
  }
}
