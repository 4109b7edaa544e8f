import type { SaxesParser, SaxesTagPlain } from 'saxes';
import { SYSTEM_ATTRIBUTES, SYSTEM_TEXT, type XmlEventParts } from './xml-event-parts.js';

/** The parser the collector listens to: no namespace processing, with line and column numbers. */
export type EventXmlParser = SaxesParser<{ xmlns: false; position: true; fragment: boolean }>;

/** Where a text value goes once its element closes. */
type TextTarget = (text: string) => void;

/**
 * Listens to a saxes parser and collects each `<Event>` element into `XmlEventParts`, wherever the event
 * sits (under `<Events>`, or one after another at the top level). Only the values the record needs are
 * kept, so memory is one event's worth whatever the document's size.
 */
export class EventCollector {
  /** Events completed since the last `take()`, in document order. */
  private done: XmlEventParts[] = [];
  private current: XmlEventParts | undefined;
  /** Element names from the `<Event>` element down (local names, prefixes dropped). */
  private readonly path: string[] = [];
  private text: string[] | undefined;
  private target: TextTarget | undefined;
  private stopped = false;

  constructor(parser: EventXmlParser) {
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('closetag', () => this.close());
    parser.on('text', (text) => this.text?.push(text));
    parser.on('cdata', (text) => this.text?.push(text));
  }

  /** Ignores everything from now on: after a well-formedness error nothing more is trusted. */
  stop(): void {
    this.stopped = true;
  }

  /** The events completed so far, handed over once. */
  take(): XmlEventParts[] {
    const done = this.done;
    this.done = [];
    return done;
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    if (this.current === undefined) {
      if (name === 'Event') {
        this.current = { system: new Map(), data: [] };
        this.path.push(name);
      }
      return;
    }
    this.path.push(name);
    this.target = this.targetOf(this.current, name, tag.attributes);
    this.text = this.target === undefined ? undefined : [];
  }

  private close(): void {
    if (this.current === undefined) return;
    if (this.target !== undefined && this.text !== undefined) this.target(this.text.join(''));
    this.target = undefined;
    this.text = undefined;
    this.path.pop();
    if (this.path.length === 0) {
      if (!this.stopped) this.done.push(this.current);
      this.current = undefined;
    }
  }

  // Decides, when an element opens, what to keep of it: attributes now, its text when it closes.
  private targetOf(event: XmlEventParts, name: string, attributes: Record<string, string>): TextTarget | undefined {
    const parent = this.path[this.path.length - 2];
    const depth = this.path.length;
    if (depth === 3 && parent === 'System') {
      for (const attribute of SYSTEM_ATTRIBUTES[name] ?? []) {
        const value = attributes[attribute];
        if (value !== undefined) event.system.set(attribute, value);
      }
      return SYSTEM_TEXT.has(name) ? (text) => event.system.set(name, text.trim()) : undefined;
    }
    if (depth === 3 && parent === 'EventData' && name === 'Data') {
      const field = attributes.Name ?? `Data${event.data.length + 1}`;
      return (text) => event.data.push([field, text]);
    }
    if ((depth === 3 && parent === 'EventData' && name === 'Binary') || (depth === 2 && name === 'BinaryEventData')) {
      return (text) => (event.binary = text.trim());
    }
    // UserData holds one element named after the template, whose children are the fields.
    if (depth === 4 && this.path[1] === 'UserData') return (text) => event.data.push([name, text]);
    if (depth === 3 && parent === 'RenderingInfo' && name === 'Opcode') return (text) => (event.renderedOpcode = text.trim());
    if (depth === 3 && parent === 'RenderingInfo' && name === 'Task') return (text) => (event.renderedTask = text.trim());
    return undefined;
  }
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
