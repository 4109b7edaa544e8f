/// <reference types="node" />
import { SaxesParser } from 'saxes';
import type { EtwEvent, EtwProblem } from '../event.js';
import type { EtwXmlEncoding } from '../sniff.js';
import { FlatAsyncGenerator } from '../flat-async-generator.js';
import { EventCollector, type EventXmlParser } from './event-collector.js';
import { toEtwEvent } from './to-etw-event.js';

/** How the sniffer found the document: its encoding and its root (`Events`, or `Event` elements in a row). */
export interface XmlDocumentShape {
  readonly encoding: EtwXmlEncoding;
  readonly root: 'Events' | 'Event';
}

/**
 * Reads event XML (tracerpt, wevtutil `/f:xml` with or without `/e:Events`, PowerShell `ToXml()`) from
 * byte chunks, decoding them with a streaming TextDecoder and parsing with saxes, so that memory stays at
 * one chunk and one event. A document that is not well formed ends with one problem carrying the line and
 * column saxes reports; the events before it have been yielded by then.
 */
export function readXmlEvents(
  chunks: AsyncIterable<Uint8Array>,
  shape: XmlDocumentShape,
  onProblem: (problem: EtwProblem) => void,
): AsyncGenerator<EtwEvent, void, undefined> {
  return new FlatAsyncGenerator(readXmlEventBatches(chunks, shape, onProblem));
}

/** {@link readXmlEvents} a chunk at a time: the events each chunk completed, in one array. */
export async function* readXmlEventBatches(
  chunks: AsyncIterable<Uint8Array>,
  shape: XmlDocumentShape,
  onProblem: (problem: EtwProblem) => void,
): AsyncGenerator<readonly EtwEvent[], void, undefined> {
  const decoder = new TextDecoder(shape.encoding);
  // Events written one after another have no single root: parse them as a fragment.
  const fragment = shape.root === 'Event';
  const parser: EventXmlParser = new SaxesParser({ xmlns: false, position: true, fragment });
  const collector = new EventCollector(parser);
  let problem: EtwProblem | undefined;
  parser.on('error', (error) => {
    if (problem !== undefined) return;
    problem = problemOf(error.message, parser.line, parser.column);
    collector.stop();
  });

  // In a fragment, the start is held back until it is known whether it holds an XML declaration.
  let start: string | undefined = fragment ? '' : undefined;
  for await (const chunk of chunks) {
    let text = decoder.decode(chunk, { stream: true });
    if (start !== undefined) {
      start += text;
      text = '';
      if (!declarationMayFollow(start)) [text, start] = [blankDeclaration(start), undefined];
    }
    parser.write(text);
    const batch = collector.take().map(toEtwEvent);
    if (batch.length > 0) yield batch;
    if (problem !== undefined) break;
  }
  if (problem === undefined) {
    parser.write(blankDeclaration((start ?? '') + decoder.decode()));
    parser.close();
    const batch = collector.take().map(toEtwEvent);
    if (batch.length > 0) yield batch;
  }
  if (problem !== undefined) onProblem(problem);
}

/** True while `start` is blank, a beginning of `<?xml`, or an XML declaration that has not ended yet. */
function declarationMayFollow(start: string): boolean {
  const text = start.trimStart();
  if (text.length < 5) return '<?xml'.startsWith(text);
  return text.startsWith('<?xml') && !text.includes('?>') && start.length < 4096;
}

// saxes refuses an XML declaration in a fragment; spaces in its place keep every line and column.
function blankDeclaration(text: string): string {
  const match = /^\s*<\?xml[\s\S]*?\?>/.exec(text);
  return match === null ? text : match[0].replace(/[^\r\n]/g, ' ') + text.slice(match[0].length);
}

// saxes prefixes its messages with "line:column: "; the problem carries them as numbers instead.
function problemOf(message: string, line: number, column: number): EtwProblem {
  const text = message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
  return { format: 'xml', message: `malformed XML at line ${line}, column ${column}: ${text}`, line, column };
}
