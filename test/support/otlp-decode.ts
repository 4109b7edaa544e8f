// Decodes an OTLP/HTTP trace export (JSON or protobuf) into spans as Jaeger would store them: hex ids,
// the span kind by name, attributes flattened to plain values, the service name from the resource.
import { join } from 'node:path';
import { loadSync, Type } from 'protobufjs';

export type SpanKindName = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type FlatValue = string | number | boolean | FlatValue[] | undefined;
export type OtlpEncoding = 'json' | 'protobuf';

/** One span as a trace store keeps it. */
export interface ReceivedSpan {
  readonly serviceName: string | undefined;
  readonly scope: string | undefined;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly kind: SpanKindName;
  readonly attributes: Readonly<Record<string, FlatValue>>;
  readonly encoding: OtlpEncoding;
}

// The OTLP/JSON shape (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding), which is also
// what protobufjs's toObject gives for the protobuf messages, except that ids come as base64 there.
interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
  bytesValue?: string;
}
interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}
interface OtlpSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  kind?: number;
  attributes?: OtlpKeyValue[];
}
interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[];
  }[];
}

const KINDS: readonly SpanKindName[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const TRACE_ID = /^(?!0{32})[0-9a-f]{32}$/;
const SPAN_ID = /^(?!0{16})[0-9a-f]{16}$/;

let requestType: Type | undefined;

function exportRequestType(): Type {
  requestType ??= loadSync(join(__dirname, 'otlp-trace.proto')).lookupType(
    'opentelemetry.proto.ExportTraceServiceRequest'
  );
  return requestType;
}

/** Spans of an OTLP/JSON body; throws on anything a collector would answer 400 to. */
export function decodeJsonExport(body: Buffer): ReceivedSpan[] {
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new TypeError('OTLP/JSON body is not an object');
  return flatten(parsed as OtlpRequest, 'json', (id) => id);
}

/** Spans of an OTLP protobuf body (ExportTraceServiceRequest); throws on malformed input. */
export function decodeProtobufExport(body: Buffer): ReceivedSpan[] {
  const type = exportRequestType();
  const message = type.decode(body);
  const object = type.toObject(message, { longs: String, enums: Number, bytes: String, defaults: false });
  return flatten(object as OtlpRequest, 'protobuf', (id) => Buffer.from(id, 'base64').toString('hex'));
}

function flatten(request: OtlpRequest, encoding: OtlpEncoding, idToHex: (id: string) => string): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = flattenAttributes(resourceSpans.resource?.attributes);
    const serviceName = resource['service.name'];
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        const traceId = idToHex(span.traceId ?? '');
        const spanId = idToHex(span.spanId ?? '');
        const parent = idToHex(span.parentSpanId ?? '');
        if (!TRACE_ID.test(traceId)) throw new TypeError(`invalid traceId ${JSON.stringify(span.traceId)}`);
        if (!SPAN_ID.test(spanId)) throw new TypeError(`invalid spanId ${JSON.stringify(span.spanId)}`);
        if (parent !== '' && !SPAN_ID.test(parent)) {
          throw new TypeError(`invalid parentSpanId ${JSON.stringify(span.parentSpanId)}`);
        }
        spans.push({
          serviceName: typeof serviceName === 'string' ? serviceName : undefined,
          scope: scopeSpans.scope?.name,
          traceId,
          spanId,
          parentSpanId: parent === '' ? undefined : parent,
          name: span.name ?? '',
          kind: KINDS[span.kind ?? 0] ?? 'unspecified',
          attributes: flattenAttributes(span.attributes),
          encoding,
        });
      }
    }
  }
  return spans;
}

function flattenAttributes(attributes: OtlpKeyValue[] | undefined): Record<string, FlatValue> {
  const flat: Record<string, FlatValue> = {};
  for (const { key, value } of attributes ?? []) flat[key] = flattenValue(value);
  return flat;
}

function flattenValue(value: OtlpAnyValue | undefined): FlatValue {
  if (value === undefined) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(flattenValue);
  return value.bytesValue;
}
