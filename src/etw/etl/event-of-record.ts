import type { EtwEvent } from '../event.js';
import { decoderOf, type PayloadDecoder } from '../payload/compile-decoder.js';
import { guidAt } from '../payload/guid.js';
import { hexOfBytes, upperHex8 } from '../payload/hex.js';
import { findEventSchema, findProviderSchema } from '../schema/lookup.js';
import type { EtwEventSchema } from '../schema/types.js';
import type { EtlBuffer } from './buffers.js';
import type { EtlClock } from './clock.js';
import type { EventRecordView } from './records.js';

/** A provider met in the file: its GUID text, name, and its events' schemas and decoders as looked up. */
interface ProviderEntry {
  /** The GUID's bytes as four little-endian 32-bit words: four compares tell whether a record shares it. */
  readonly words: Int32Array;
  readonly guid: string;
  readonly name: string;
  /** By `id * 256 + version`; `null` for an event without a bundled schema. */
  readonly events: Map<number, EventEntry | null>;
}

interface EventEntry {
  readonly schema: EtwEventSchema;
  readonly decode: PayloadDecoder;
}

/** Distinct providers kept (a file names a handful; damage can invent more). */
const PROVIDER_CACHE_LIMIT = 256;
/** Distinct (id, version) pairs kept per provider. */
const EVENT_CACHE_LIMIT = 4096;

/** Keyword masks repeat: their text is cached (bounded, for files with many distinct masks). */
const KEYWORDS_CACHE_LIMIT = 4096;

/**
 * Builds the event record from one EVENT_HEADER record: provider and event names from the bundled schema,
 * fields decoded by it; without a schema (or when the payload does not fit it) `fields` is `{}` and the raw
 * payload is kept as `payloadHex`.
 */
export class EventBuilder {
  private provider: ProviderEntry = { words: new Int32Array(4), guid: '', name: '', events: new Map() };
  private readonly providers = new Map<string, ProviderEntry>();
  private keywordsHigh = 0;
  private keywordsLow = 0;
  private keywordsLast = '';
  private readonly keywordsText = new Map<number, Map<number, string>>();
  /** Consecutive events mostly share an activity: its text is reused while the bytes match. */
  private readonly activityWords = new Int32Array(4);
  private activityText = '';
  /** The computer name, once a SystemConfig record has named it. */
  computer: string | undefined;

  constructor(private readonly clock: () => EtlClock) {}

  build(buffer: EtlBuffer, r: EventRecordView): EtwEvent {
    const { bytes } = buffer;
    const provider = this.providerOf(buffer.view, bytes, r.providerOffset);
    const entry = this.eventOf(provider, r.id, r.version);
    const schema = entry === null ? undefined : entry.schema;
    const fields = entry === null ? undefined : entry.decode(bytes, buffer.view, r.payloadStart, r.payloadEnd, r.pointerSize);
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
    if (this.activityText === '' || !sameWords(view, offset, this.activityWords)) {
      copyWords(view, offset, this.activityWords);
      this.activityText = guidAt(bytes, offset);
    }
    return this.activityText;
  }

  private keywordsOf(high: number, low: number): string {
    if (high === this.keywordsHigh && low === this.keywordsLow && this.keywordsLast !== '') return this.keywordsLast;
    this.keywordsHigh = high;
    this.keywordsLow = low;
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
    this.keywordsLast = text;
    return text;
  }

  private providerOf(view: DataView, bytes: Uint8Array, offset: number): ProviderEntry {
    const cached = this.provider;
    if (cached.guid !== '' && sameWords(view, offset, cached.words)) return cached;
    const guid = guidAt(bytes, offset);
    let entry = this.providers.get(guid);
    if (entry === undefined) {
      if (this.providers.size >= PROVIDER_CACHE_LIMIT) this.providers.clear();
      entry = { words: copyWords(view, offset, new Int32Array(4)), guid, name: findProviderSchema(guid)?.name ?? guid, events: new Map() };
      this.providers.set(guid, entry);
    }
    this.provider = entry;
    return entry;
  }

  private eventOf(provider: ProviderEntry, id: number, version: number): EventEntry | null {
    const key = id * 256 + version;
    let entry = provider.events.get(key);
    if (entry === undefined) {
      const schema = findEventSchema(provider.guid, id, version);
      entry = schema === undefined ? null : { schema, decode: decoderOf(schema.fields) };
      if (provider.events.size >= EVENT_CACHE_LIMIT) provider.events.clear();
      provider.events.set(key, entry);
    }
    return entry;
  }
}

/** True when the 16 bytes at `offset` are the four little-endian words in `words`. */
function sameWords(view: DataView, offset: number, words: Int32Array): boolean {
  return (
    view.getInt32(offset, true) === words[0] &&
    view.getInt32(offset + 4, true) === words[1] &&
    view.getInt32(offset + 8, true) === words[2] &&
    view.getInt32(offset + 12, true) === words[3]
  );
}

/** The 16 bytes at `offset` as four little-endian words, into `words`. */
function copyWords(view: DataView, offset: number, words: Int32Array): Int32Array {
  for (let i = 0; i < 4; i++) words[i] = view.getInt32(offset + 4 * i, true);
  return words;
}
