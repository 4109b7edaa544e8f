import type { EtwFieldValue } from '../event.js';
import type { EtwFieldSchema } from '../schema/types.js';
import { ansiSize, binaryText, filetimeText, sidSize, sidText, systemTimeText, uint64, utf16Size } from './field-values.js';
import { guidAt } from './guid.js';
import { hexOfUint64, numberOrDecimal } from './hex.js';
import { socketAddressText } from './socket-address.js';
import { textAt } from './text.js';

/**
 * Decodes the payload at `[at, end)` of `b` (`view` over the same bytes) into fields by name, in template
 * order; `undefined` when the payload does not fit the template.
 */
export type PayloadDecoder = (b: Uint8Array, view: DataView, at: number, end: number, pointerSize: 4 | 8) => Record<string, EtwFieldValue> | undefined;

/** What the generated code calls, passed in once when a template is compiled. */
const HELPERS = { ansiSize, binaryText, filetimeText, guidAt, hexOfUint64, numberOrDecimal, sidSize, sidText, socketAddressText, systemTimeText, textAt, uint64, utf16Size };

const decoders = new WeakMap<readonly EtwFieldSchema[], PayloadDecoder>();

/**
 * The decoder of a template, compiled on first use into straight-line code: one size check and one read per
 * field, the fields object as one object literal. Interpreting the template per event (a switch per field,
 * values through an array, keys stored one by one) cost several times more, and this runs for every event.
 * Field names come from the bundled manifests, quoted by JSON.stringify; the ETW code runs in Node.js only,
 * where compiling code is allowed.
 */
export function decoderOf(fields: readonly EtwFieldSchema[]): PayloadDecoder {
  let decoder = decoders.get(fields);
  if (decoder === undefined) {
    decoder = compile(fields);
    decoders.set(fields, decoder);
  }
  return decoder;
}

function compile(fields: readonly EtwFieldSchema[]): PayloadDecoder {
  const lines = fields.map((field, i) => {
    const size = sizeCode(field, fields.slice(0, i));
    return `s = ${size}; if (s < 0 || at + s > end) return undefined; const v${i} = ${valueCode(field)}; at += s;`;
  });
  const literal = fields.map((f, i) => `${keyCode(f.name)}: v${i}`).join(', ');
  const names = Object.keys(HELPERS).join(', ');
  const body = `const { ${names} } = h;\nreturn function decode(b, view, at, end, pointerSize) {\n  let s = 0;\n  ${lines.join('\n  ')}\n  return { ${literal} };\n};`;
  return new Function('h', body)(HELPERS) as PayloadDecoder;
}

/**
 * The field's name as a key of the object literal. A plain `__proto__:` key would set the prototype; a
 * computed one defines the property. Other keys stay plain: a literal with only plain keys is built from
 * one boilerplate, where each computed key is a store of its own.
 */
function keyCode(name: string): string {
  return name === '__proto__' ? `[${JSON.stringify(name)}]` : JSON.stringify(name);
}

/** Bytes the field occupies at `at` (strings with their NUL), or -1 when it cannot be known. */
function sizeCode(field: EtwFieldSchema, earlier: readonly EtwFieldSchema[]): string {
  const fixed = lengthCode(field, earlier);
  switch (field.inType) {
    case 'Int8':
    case 'UInt8':
      return '1';
    case 'Int16':
    case 'UInt16':
      return '2';
    case 'Int32':
    case 'UInt32':
    case 'HexInt32':
    case 'Float':
    case 'Boolean':
      return '4';
    case 'Int64':
    case 'UInt64':
    case 'HexInt64':
    case 'Double':
    case 'FILETIME':
      return '8';
    case 'Pointer':
      return 'pointerSize';
    case 'GUID':
    case 'SYSTEMTIME':
      return '16';
    case 'SID':
      return 'sidSize(b, at, end)';
    case 'UnicodeString':
      return fixed === undefined ? 'utf16Size(b, at, end)' : `(${fixed} < 0 ? -1 : ${fixed} * 2)`;
    case 'AnsiString':
      return fixed ?? 'ansiSize(b, at, end)';
    case 'Binary':
      return fixed ?? '-1';
  }
}

/**
 * The field's length as code: a constant from the schema, or the value of the earlier field it names when
 * that is a non-negative number (-1 otherwise, and for a name no earlier field has); undefined for none.
 */
function lengthCode(field: EtwFieldSchema, earlier: readonly EtwFieldSchema[]): string | undefined {
  if (typeof field.length === 'number') return String(field.length);
  if (field.length === undefined) return undefined;
  const name = field.length;
  const index = earlier.findIndex((f) => f.name === name);
  return index < 0 ? '-1' : `(typeof v${index} === 'number' && v${index} >= 0 ? v${index} : -1)`;
}

const U32 = 'view.getUint32(at, true)';
const HIGH32 = 'view.getUint32(at + 4, true)';

/** The value as tracerpt renders it (see `EtwFieldValue`), read at `at`, `s` bytes. */
function valueCode(field: EtwFieldSchema): string {
  const hex = field.outType === 'HexInt32' || field.outType === 'HexInt64';
  switch (field.inType) {
    case 'Int8':
      return hex ? 'hexOfUint64(0, b[at])' : 'view.getInt8(at)';
    case 'UInt8':
      return hex ? 'hexOfUint64(0, b[at])' : 'b[at]';
    case 'Int16':
      return hex ? 'hexOfUint64(0, view.getUint16(at, true))' : 'view.getInt16(at, true)';
    case 'UInt16':
      return hex ? 'hexOfUint64(0, view.getUint16(at, true))' : 'view.getUint16(at, true)';
    case 'Int32':
      return hex ? `hexOfUint64(0, ${U32})` : 'view.getInt32(at, true)';
    case 'UInt32':
      return hex ? `hexOfUint64(0, ${U32})` : U32;
    case 'HexInt32':
      return `hexOfUint64(0, ${U32})`;
    case 'Float':
      return 'view.getFloat32(at, true)';
    case 'Double':
      return 'view.getFloat64(at, true)';
    case 'Boolean':
      return `${U32} !== 0`;
    case 'Pointer':
      return `hexOfUint64(s === 8 ? ${HIGH32} : 0, ${U32})`;
    case 'HexInt64':
      return `hexOfUint64(${HIGH32}, ${U32})`;
    case 'UInt64':
      return hex ? `hexOfUint64(${HIGH32}, ${U32})` : 'uint64(view, at)';
    case 'Int64':
      return hex ? `hexOfUint64(${HIGH32}, ${U32})` : 'numberOrDecimal(view.getBigInt64(at, true))';
    case 'FILETIME':
      return 'filetimeText(view, at)';
    case 'SYSTEMTIME':
      return 'systemTimeText(view, at)';
    case 'GUID':
      return 'guidAt(b, at)';
    case 'SID':
      return 'sidText(b, view, at)';
    case 'UnicodeString':
      return 'textAt(b, at, at + (s & ~1), 2)';
    case 'AnsiString':
      return 'textAt(b, at, at + s, 1)';
    case 'Binary':
      return field.outType === 'SocketAddress' ? '(socketAddressText(b, at, s) ?? binaryText(b, at, s))' : 'binaryText(b, at, s)';
  }
}
