/**
 * A field value as the reader renders it, following tracerpt: hex-typed integers and pointers as `0x` and
 * uppercase hex digits; other integers as numbers up to 2^53 and decimal strings beyond; socket addresses
 * as `a.b.c.d:port` or `[v6]:port`; GUIDs lowercase without braces; strings as text; Booleans as booleans;
 * FILETIMEs as ISO 8601 UTC strings; binary as `0x` and uppercase hex.
 */
export type EtwFieldValue = string | number | boolean;

/**
 * One ETW event, the same whether it was read from a binary `.etl` file or from event XML (tracerpt,
 * wevtutil, PowerShell `ToXml()`).
 */
export interface EtwEvent {
  /** Provider name from the bundled schema or the XML; the GUID when neither names it. */
  readonly provider: string;
  /** Provider GUID, lowercase, no braces. */
  readonly providerGuid: string;
  /** Event id (the descriptor's Id; `EventID` in XML). */
  readonly id: number;
  /** Event version (the descriptor's Version). */
  readonly version: number;
  /** The opcode name tracerpt shows (`RecvReq`, `Parse`), else the event symbol; `''` when unknown. */
  readonly name: string;
  /** Level: 0 LogAlways, 1 Critical, 2 Error, 3 Warning, 4 Informational, 5 Verbose. */
  readonly level: number;
  /** Task value. */
  readonly task: number;
  /** Opcode value. */
  readonly opcode: number;
  /** `0x` and 16 uppercase hex digits. */
  readonly keywords: string;
  /** UTC, ISO 8601 with nine fractional digits: `2011-01-23T08:00:05.123456700Z`. */
  readonly time: string;
  /** The same instant in nanoseconds since the Unix epoch, as a decimal string (it exceeds 2^53). */
  readonly timeUnixNano: string;
  /** Process that logged the event. */
  readonly processId: number;
  /** Thread that logged the event. */
  readonly threadId: number;
  /** Correlation ActivityID, lowercase, no braces; all zeros when the event has none. */
  readonly activityId: string;
  /** Present only when the event has one (the extended data item, or `Correlation RelatedActivityID`). */
  readonly relatedActivityId?: string;
  /** The machine the trace was taken on, when the source names it. */
  readonly computer?: string;
  /** Payload fields by name, in template order; `{}` for an event with no bundled schema. */
  readonly fields: Readonly<Record<string, EtwFieldValue>>;
  /** The raw payload, lowercase hex, present only for an event with no bundled schema. */
  readonly payloadHex?: string;
}

/** A damaged region or a malformed document, reported once while the intact events still come through. */
export interface EtwProblem {
  /** `etl`: a buffer or record that cannot be read; `xml`: a document that is not well formed. */
  readonly format: 'etl' | 'xml';
  /** What is wrong, as one sentence. */
  readonly message: string;
  /** Byte offset of the damaged region in the file (ETL). */
  readonly offset?: number;
  /** 1-based line and column of the error (XML). */
  readonly line?: number;
  /** 1-based column of the error (XML). */
  readonly column?: number;
}
