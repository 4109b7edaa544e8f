/**
 * One `<Event>` element as the XML has it: every value still the text the writer (tracerpt, wevtutil,
 * PowerShell `ToXml()`) put there. `toEtwEvent` turns it into the record the ETL reader produces.
 */
export interface XmlEventParts {
  /** `System` element values, by the element or attribute name they come from (`EventID`, `Guid`, ...). */
  readonly system: Map<string, string>;
  /** `EventData/Data` (by `Name`) or `UserData` children (by element name), in document order. */
  readonly data: [string, string][];
  /** `EventData/Binary` or `BinaryEventData`: the payload of an event the writer could not decode. */
  binary?: string;
  /** `RenderingInfo/Opcode`, the opcode name the writer rendered. */
  renderedOpcode?: string;
  /** `RenderingInfo/Task`. */
  renderedTask?: string;
}

/** The `System` values kept, each under the name `XmlEventParts.system` uses. */
export const SYSTEM_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  Provider: ['Name', 'Guid'],
  TimeCreated: ['SystemTime'],
  Correlation: ['ActivityID', 'RelatedActivityID'],
  Execution: ['ProcessID', 'ThreadID'],
};

/** `System` children whose text is kept. */
export const SYSTEM_TEXT: ReadonlySet<string> = new Set(['EventID', 'Version', 'Level', 'Task', 'Opcode', 'Keywords', 'Computer']);
