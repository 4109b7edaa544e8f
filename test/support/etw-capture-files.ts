// Synthetic captures as files: EtwEvent records written as a binary .etl with the test-side ETL writer,
// or as event XML the way tracerpt writes it, so the span import is tested through the real readers.
import type { EtwEvent } from '../../src/etw/event.js';
import { writeEtl } from './etl-writer/index.js';
import { renderEventXmlDocument } from './event-xml.js';

/** The events as a 64-bit (or 32-bit) .etl of one machine. */
export function etlOf(events: readonly EtwEvent[], computerName: string, pointerSize: 4 | 8 = 8, bufferSize = 8192): Uint8Array {
  return writeEtl({
    bufferSize,
    startTime: events[0].time,
    computerName,
    pointerSize,
    events: events.map((e) => ({
      provider: e.providerGuid,
      id: e.id,
      version: e.version,
      time: e.time,
      processId: e.processId,
      threadId: e.threadId,
      activityId: e.activityId,
      ...(e.relatedActivityId === undefined ? {} : { relatedActivityId: e.relatedActivityId }),
      fields: e.fields,
      level: e.level,
    })),
  });
}

/** The events as tracerpt's event XML. */
export function eventXmlOf(events: readonly EtwEvent[]): string {
  return renderEventXmlDocument(events, 'tracerpt', true);
}
