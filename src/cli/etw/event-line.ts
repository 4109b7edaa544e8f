import type { EtwEvent, EtwFieldValue } from '../../etw/event.js';

/** Unknown payloads past this many hex digits are cut: the line stays readable, `--json` has it all. */
const PAYLOAD_DIGITS = 64;

/**
 * One readable line for an event: time, provider, name and id, process and thread, activity (and the
 * related activity of a transfer), then the fields as `name=value`.
 *
 * `2011-01-23T08:00:05.123456700Z Microsoft-Windows-HttpService RecvReq (1 v0) pid 4 tid 2252
 * activity 00000100-... related 80000146-... RequestId=0xFE00000080000146 ...`
 */
export function formatEventLine(event: EtwEvent): string {
  const parts = [
    event.time,
    event.provider,
    `${event.name || 'event'} (${event.id} v${event.version})`,
    `pid ${event.processId} tid ${event.threadId}`,
    `activity ${event.activityId}`,
  ];
  if (event.relatedActivityId !== undefined) parts.push(`related ${event.relatedActivityId}`);
  for (const [name, value] of Object.entries(event.fields)) parts.push(`${name}=${show(value)}`);
  if (event.payloadHex !== undefined) {
    const hex = event.payloadHex;
    parts.push(`payload=${hex.length > PAYLOAD_DIGITS ? `${hex.slice(0, PAYLOAD_DIGITS)}... (${hex.length / 2} bytes)` : hex}`);
  }
  return `${parts.join(' ')}\n`;
}

// Strings with spaces, quotes or nothing at all are quoted, so that every field stays one token.
function show(value: EtwFieldValue): string {
  if (typeof value !== 'string') return String(value);
  return value === '' || /[\s"=]/.test(value) ? JSON.stringify(value) : value;
}
