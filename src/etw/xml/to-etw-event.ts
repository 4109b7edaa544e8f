import { dashDigits, guidDigits } from '../../codec/guid.js';
import type { EtwEvent, EtwFieldValue } from '../event.js';
import { normalizeFieldText } from '../payload/normalize.js';
import { isoOfUnixNanos, unixNanosOfIso } from '../payload/time.js';
import { findEventSchema, findProviderSchema, findProviderSchemaByName } from '../schema/lookup.js';
import type { EtwEventSchema, EtwFieldSchema } from '../schema/types.js';
import type { XmlEventParts } from './xml-event-parts.js';

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * One `<Event>` as the record the ETL reader gives for the same event: values normalized through the
 * bundled schema (hex as `0x` + uppercase, integers as numbers, socket addresses as tracerpt shows them),
 * GUIDs lowercase without braces, nine fractional digits of time. An event without a bundled schema keeps
 * its `Data` as text, and its name from `RenderingInfo`. Never throws: what does not parse is kept as text
 * or set to zero, so one odd event cannot stop a file.
 */
export function toEtwEvent(parts: XmlEventParts): EtwEvent {
  const system = parts.system;
  const guid = guidOf(system.get('Guid'));
  const named = guid === undefined ? findProviderSchemaByName(system.get('Name') ?? '') : undefined;
  const providerGuid = guid ?? named?.guid ?? EMPTY_GUID;
  const provider = findProviderSchema(providerGuid) ?? named;
  const id = integerOf(system.get('EventID'));
  const version = integerOf(system.get('Version'));
  const schema = findEventSchema(providerGuid, id, version);
  const ns = unixNanosOfIso(system.get('SystemTime') ?? '') ?? 0n;
  const related = guidOf(system.get('RelatedActivityID'));
  const host = system.get('Computer');
  return {
    provider: provider?.name ?? (system.get('Name') || providerGuid),
    providerGuid,
    id,
    version,
    name: schema?.name ?? parts.renderedOpcode ?? '',
    level: integerOf(system.get('Level')),
    task: integerOf(system.get('Task')),
    opcode: integerOf(system.get('Opcode')),
    keywords: keywordsOf(system.get('Keywords')),
    time: isoOfUnixNanos(ns),
    timeUnixNano: ns.toString(),
    processId: integerOf(system.get('ProcessID')),
    threadId: integerOf(system.get('ThreadID')),
    activityId: guidOf(system.get('ActivityID')) ?? EMPTY_GUID,
    // The ETL reader's key order, so that --json prints the same line for the same event.
    fields: fieldsOf(parts.data, schema),
    ...(related === undefined ? {} : { relatedActivityId: related }),
    ...(host ? { computer: host } : {}),
    ...(parts.binary === undefined || parts.binary === '' ? {} : { payloadHex: parts.binary.replace(/^0[xX]/, '').toLowerCase() }),
  };
}

function fieldsOf(data: readonly (readonly [string, string])[], schema: EtwEventSchema | undefined): Record<string, EtwFieldValue> {
  const fields: Record<string, EtwFieldValue> = {};
  for (const [name, text] of data) {
    const field = schema === undefined ? undefined : fieldNamed(schema.fields, name);
    if (field === undefined) setField(fields, name, text);
    else setField(fields, field.name, normalizeFieldText(field, text));
  }
  return fields;
}

// A field named `__proto__` (hand-written XML) would set the object's prototype, or vanish: define it.
function setField(fields: Record<string, EtwFieldValue>, name: string, value: EtwFieldValue): void {
  if (name === '__proto__') Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
  else fields[name] = value;
}

// Writers agree on field names with the manifest, but a hand-edited file may not on their case.
function fieldNamed(fields: readonly EtwFieldSchema[], name: string): EtwFieldSchema | undefined {
  const lower = name.toLowerCase();
  return fields.find((f) => f.name === name) ?? fields.find((f) => f.name.toLowerCase() === lower);
}

function guidOf(text: string | undefined): string | undefined {
  const digits = text === undefined ? undefined : guidDigits(text.trim());
  return digits === undefined ? undefined : dashDigits(digits);
}

function integerOf(text: string | undefined): number {
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function keywordsOf(text: string | undefined): string {
  const t = (text ?? '').trim();
  const value = /^0[xX][0-9a-fA-F]{1,16}$/.test(t) || /^\d{1,20}$/.test(t) ? BigInt(t) : 0n;
  return `0x${BigInt.asUintN(64, value).toString(16).toUpperCase().padStart(16, '0')}`;
}
