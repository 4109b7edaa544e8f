/**
 * How a payload field is stored in the event's bytes (the manifest's `inType` without its `win:` prefix).
 * `Pointer` is 4 or 8 bytes, as the event header's 32-/64-bit flag says.
 */
export type EtwInType =
  | 'Int8'
  | 'UInt8'
  | 'Int16'
  | 'UInt16'
  | 'Int32'
  | 'UInt32'
  | 'Int64'
  | 'UInt64'
  | 'HexInt32'
  | 'HexInt64'
  | 'Float'
  | 'Double'
  | 'Boolean'
  | 'Pointer'
  | 'GUID'
  | 'FILETIME'
  | 'SYSTEMTIME'
  | 'UnicodeString'
  | 'AnsiString'
  | 'Binary'
  | 'SID';

/**
 * How tracerpt renders a field (the manifest's `outType` without its `xs:`/`win:` prefix), when the manifest
 * says; absent means the default rendering of the in-type.
 */
export type EtwOutType =
  | 'HexInt32'
  | 'HexInt64'
  | 'SocketAddress'
  | 'hexBinary'
  | 'string'
  | 'GUID'
  | 'dateTime'
  | 'boolean'
  | 'byte'
  | 'unsignedByte'
  | 'short'
  | 'unsignedShort'
  | 'int'
  | 'unsignedInt'
  | 'long'
  | 'unsignedLong'
  | 'float'
  | 'double';

/** One payload field of an event template, in template order. */
export interface EtwFieldSchema {
  /** Field name, exactly as the manifest spells it (`RequestId`, `RemoteAddr`). */
  readonly name: string;
  readonly inType: EtwInType;
  readonly outType?: EtwOutType;
  /**
   * For `Binary` and fixed-length strings: a constant byte (or character) count, or the name of an earlier
   * field holding it (counted binary: `RemoteAddr` with `length="RemoteAddrLength"`).
   */
  readonly length?: number | string;
}

/** One event (id and version) of a provider, as the bundled manifests describe it. */
export interface EtwEventSchema {
  /** Event id (the descriptor's Id). */
  readonly id: number;
  readonly version: number;
  /** The opcode name tracerpt shows (`RecvReq`) for a provider-defined opcode, else the event symbol. */
  readonly name: string;
  /** The event symbol from the manifest, `''` when it has none. */
  readonly symbol: string;
  readonly level: number;
  readonly task: number;
  /** The task name tracerpt shows, `''` for none. */
  readonly taskName: string;
  readonly opcode: number;
  /** The opcode name tracerpt shows (`RecvReq`, `Start`, `Info`). */
  readonly opcodeName: string;
  /** The manifest's keyword mask, `0x` and 16 uppercase hex digits (without channel bits). */
  readonly keywords: string;
  /** Payload fields in template order; empty for an event without a template. */
  readonly fields: readonly EtwFieldSchema[];
}

/** A provider's bundled schema: its identity and every event id and version the manifests define. */
export interface EtwProviderSchema {
  readonly name: string;
  /** Lowercase, no braces. */
  readonly guid: string;
  readonly events: readonly EtwEventSchema[];
}
