import { dashDigits, guidDigits } from '../../codec/guid.js';
import type { EtwFieldValue } from '../event.js';
import type { EtwFieldSchema } from '../schema/types.js';
import { hexOfUint64, numberOrDecimal } from './hex.js';
import { isoOfUnixNanos, unixNanosOfIso } from './time.js';

/**
 * Turns a field's text as event XML shows it (tracerpt, wevtutil, PowerShell `ToXml()`) into the value the
 * ETL reader produces for the same bytes, so both sources give equal records. Text that does not parse as
 * the field's type is kept as it is (trimmed), never dropped.
 */
export function normalizeFieldText(field: EtwFieldSchema, text: string): EtwFieldValue {
  const t = text.trim();
  if (isHexRendered(field)) return hexText(t) ?? t;
  switch (field.inType) {
    case 'Int8':
    case 'UInt8':
    case 'Int16':
    case 'UInt16':
    case 'Int32':
    case 'UInt32':
    case 'Int64':
    case 'UInt64':
      return integerText(t) ?? t;
    case 'Float':
    case 'Double':
      return t === '' || Number.isNaN(Number(t)) ? t : Number(t);
    case 'Boolean':
      return booleanText(t) ?? t;
    case 'GUID': {
      const digits = guidDigits(t);
      return digits === undefined ? t : dashDigits(digits);
    }
    case 'FILETIME':
    case 'SYSTEMTIME': {
      const ns = unixNanosOfIso(t);
      return ns === undefined ? t : isoOfUnixNanos(ns);
    }
    case 'Binary':
      return field.outType === 'SocketAddress' ? t.toLowerCase() : binaryText(t);
    default:
      return text;
  }
}

const INTEGER_IN_TYPES: ReadonlySet<string> = new Set(['Int8', 'UInt8', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64']);

/** True when the value renders as `0x` + uppercase hex: pointers, hex in-types, integers with a hex out-type. */
export function isHexRendered(field: EtwFieldSchema): boolean {
  if (field.inType === 'Pointer' || field.inType === 'HexInt32' || field.inType === 'HexInt64') return true;
  return INTEGER_IN_TYPES.has(field.inType) && (field.outType === 'HexInt32' || field.outType === 'HexInt64');
}

function hexText(t: string): string | undefined {
  const digits = /^0[xX]([0-9a-fA-F]{1,16})$/.exec(t)?.[1] ?? (/^\d+$/.test(t) ? BigInt(t).toString(16) : undefined);
  if (digits === undefined || digits.length > 16) return undefined;
  const value = BigInt(`0x${digits}`);
  return hexOfUint64(Number(value >> 32n), Number(value & 0xffffffffn));
}

function integerText(t: string): number | string | undefined {
  if (/^-?\d+$/.test(t)) return numberOrDecimal(BigInt(t));
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return numberOrDecimal(BigInt(t));
  return undefined;
}

function booleanText(t: string): boolean | undefined {
  const lower = t.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return undefined;
}

function binaryText(t: string): string {
  const digits = t.replace(/^0[xX]/, '');
  if (digits === '') return '';
  return /^[0-9a-fA-F]+$/.test(digits) && digits.length % 2 === 0 ? `0x${digits.toUpperCase()}` : t;
}
