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
  /** How the value is stored in the payload. */
  readonly inType: EtwInType;
  /** How tracerpt renders it; absent for the in-type's default rendering. */
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
  /** Event version (the descriptor's Version): a new version may change the template. */
  readonly version: number;
  /** The opcode name tracerpt shows (`RecvReq`) for a provider-defined opcode, else the event symbol. */
  readonly name: string;
  /** The event symbol from the manifest, `''` when it has none. */
  readonly symbol: string;
  /** Level: 0 LogAlways, 1 Critical, 2 Error, 3 Warning, 4 Informational, 5 Verbose. */
  readonly level: number;
  /** Task value. */
  readonly task: number;
  /** The task name tracerpt shows, `''` for none. */
  readonly taskName: string;
  /** Opcode value. */
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
  /** Provider name, as the manifest spells it (`Microsoft-Windows-HttpService`). */
  readonly name: string;
  /** Lowercase, no braces. */
  readonly guid: string;
  /** Every event id and version, sorted by id then version. */
  readonly events: readonly EtwEventSchema[];
}
