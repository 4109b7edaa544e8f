// Renders event records as Windows tools write them, to build XML fixtures from records whose values are
// known (the ETL reader's, or hand-written ones): tracerpt (`-of XML`), wevtutil (`qe /f:xml`, with or
// without `/e:Events`) and PowerShell (`$event.ToXml()`, written with Out-File as UTF-16 LE with a BOM).
import type { EtwEvent, EtwFieldValue } from '../../src/etw/event.js';
import { isHexRendered } from '../../src/etw/payload/normalize.js';
import { findEventSchema } from '../../src/etw/schema/lookup.js';
import type { EtwFieldSchema } from '../../src/etw/schema/types.js';

/** Which tool's shape to write. */
export type EventXmlStyle = 'tracerpt' | 'wevtutil' | 'powershell';

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** XML text escaping for element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A braced GUID as Windows writes it: tracerpt and wevtutil lowercase, PowerShell uppercase. */
function braced(guid: string, style: EventXmlStyle): string {
  return `{${style === 'powershell' ? guid.toUpperCase() : guid}}`;
}

// Field text as each tool shows it. PowerShell's ToXml() writes hex in lowercase and GUIDs in uppercase,
// so the reader must normalize them to what the ETL reader gives.
function fieldText(value: EtwFieldValue, field: EtwFieldSchema | undefined, style: EventXmlStyle): string {
  if (typeof value !== 'string' || field === undefined) return String(value);
  if (style === 'powershell' && isHexRendered(field)) return `0x${value.slice(2).toLowerCase()}`;
  if (field.inType === 'GUID') return braced(value, style);
  return value;
}

// .NET (PowerShell) keeps 100-ns ticks: seven fractional digits where the time has no finer part.
function systemTime(time: string, style: EventXmlStyle): string {
  return style === 'powershell' && time.endsWith('00Z') ? `${time.slice(0, -3)}Z` : time;
}

/** One `<Event>` element in the style of `style`, on one line as the tools write it. */
export function renderEventXml(event: EtwEvent, style: EventXmlStyle): string {
  const q = style === 'powershell' ? "'" : '"';
  const attr = (name: string, value: string): string => ` ${name}=${q}${escapeXml(value)}${q}`;
  const related = event.relatedActivityId === undefined ? '' : attr('RelatedActivityID', braced(event.relatedActivityId, style));
  const system = [
    `<Provider${attr('Name', event.provider)}${attr('Guid', braced(event.providerGuid, style))}/>`,
    `<EventID>${event.id}</EventID>`,
    `<Version>${event.version}</Version>`,
    `<Level>${event.level}</Level>`,
    `<Task>${event.task}</Task>`,
    `<Opcode>${event.opcode}</Opcode>`,
    `<Keywords>${event.keywords}</Keywords>`,
    `<TimeCreated${attr('SystemTime', systemTime(event.time, style))}/>`,
    style === 'tracerpt' ? '' : '<EventRecordID>1</EventRecordID>',
    `<Correlation${attr('ActivityID', braced(event.activityId, style))}${related}/>`,
    `<Execution${attr('ProcessID', String(event.processId))}${attr('ThreadID', String(event.threadId))}${style === 'tracerpt' ? attr('ProcessorID', '0') + attr('KernelTime', '15') + attr('UserTime', '0') : ''}/>`,
    `<Channel>${escapeXml(event.provider)}/Trace</Channel>`,
    event.computer === undefined ? '<Computer/>' : `<Computer>${escapeXml(event.computer)}</Computer>`,
    style === 'powershell' ? '<Security/>' : '',
  ].join('');
  const schema = findEventSchema(event.providerGuid, event.id, event.version);
  const fieldSchema = (name: string): EtwFieldSchema | undefined => schema?.fields.find((f) => f.name === name);
  const body =
    event.payloadHex !== undefined
      ? `<BinaryEventData>${event.payloadHex.toUpperCase()}</BinaryEventData>`
      : `<EventData>${Object.entries(event.fields)
          .map(([name, value]) => `<Data${attr('Name', name)}>${escapeXml(fieldText(value, fieldSchema(name), style))}</Data>`)
          .join('')}</EventData>`;
  return `<Event xmlns=${q}${NS}${q}><System>${system}</System>${body}${style === 'tracerpt' ? renderingInfo(event) : ''}</Event>`;
}

// tracerpt adds the names it rendered, each with a trailing space.
function renderingInfo(event: EtwEvent): string {
  const schema = findEventSchema(event.providerGuid, event.id, event.version);
  const opcode = schema?.opcodeName ?? event.name;
  const task = schema?.taskName ?? '';
  return `<RenderingInfo Culture="en-US"><Level>Information </Level><Opcode>${escapeXml(opcode)} </Opcode><Task>${escapeXml(task)} </Task><Provider>${escapeXml(event.provider)} </Provider></RenderingInfo>`;
}

/** A whole document: tracerpt and `wevtutil /e:Events` wrap events in `<Events>`; the others do not. */
export function renderEventXmlDocument(events: readonly EtwEvent[], style: EventXmlStyle, root: boolean): string {
  const lines = events.map((event) => renderEventXml(event, style));
  if (!root) return lines.map((line) => `${line}\r\n`).join('');
  const declaration = style === 'tracerpt' ? '<?xml version="1.0" encoding="UTF-8"?>\r\n' : '';
  return `${declaration}<Events>\r\n${lines.map((line) => `${line}\r\n`).join('')}</Events>\r\n`;
}

/** Text as UTF-16 LE with a byte order mark: what Windows PowerShell's Out-File writes. */
export function utf16leWithBom(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i] = code & 0xff;
    bytes[3 + 2 * i] = code >> 8;
  }
  return bytes;
}

/** Text as UTF-16 BE with a byte order mark. */
export function utf16beWithBom(text: string): Uint8Array {
  const le = utf16leWithBom(text);
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}
