import type { EtwEvent } from '../event.js';
import { decodePayload } from '../payload/decode.js';
import { guidAt } from '../payload/guid.js';
import { hexOfBytes } from '../payload/hex.js';
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

const UPPER_HEX_8 = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');

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
  /** The computer name, once a SystemConfig record has named it. */
  computer: string | undefined;

  constructor(private readonly clock: () => EtlClock) {}

  build(buffer: EtlBuffer, r: EventRecordView): EtwEvent {
    const { bytes } = buffer;
    const provider = this.providerOf(bytes, r.providerOffset);
    const schema = this.schemaOf(provider.guid, r.id, r.version);
    const payload = bytes.subarray(r.payloadStart, r.payloadEnd);
    const fields = schema === undefined ? undefined : decodePayload(schema.fields, payload, r.pointerSize);
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
      keywords: `0x${UPPER_HEX_8(r.keywordsHigh)}${UPPER_HEX_8(r.keywordsLow)}`,
      time: clock.time,
      timeUnixNano: clock.timeUnixNano,
      processId: r.processId,
      threadId: r.threadId,
      activityId: guidAt(bytes, r.activityOffset),
      fields: fields ?? {},
    };
    if (r.relatedActivityOffset >= 0) event.relatedActivityId = guidAt(bytes, r.relatedActivityOffset);
    if (this.computer !== undefined) event.computer = this.computer;
    if (fields === undefined) event.payloadHex = hexOfBytes(payload, 0, payload.length, false);
    return event;
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
    }
    return this.schema;
  }
}
