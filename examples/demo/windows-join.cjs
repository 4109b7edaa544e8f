// The join, end to end: imports the synthetic Windows capture with the Node.js spans as known parents
// (importEtwSpans of opentelemetry-propagator-e2eactivity/etw/spans) and prints each activity as one tree.
'use strict';
const { SpanKind } = require('@opentelemetry/api');
const { readEtwEvents } = require('opentelemetry-propagator-e2eactivity/etw');
const { importEtwSpans, mergeByTime } = require('opentelemetry-propagator-e2eactivity/etw/spans');

const KIND = { [SpanKind.SERVER]: 'SERVER', [SpanKind.CLIENT]: 'CLIENT', [SpanKind.INTERNAL]: 'INTERNAL' };

/** The Windows spans of the capture files, joined to the Node.js spans, and the import's summary. */
async function importWindowsSpans(files, nodeSpans) {
  const imported = importEtwSpans(mergeByTime(files.map((file) => readEtwEvents(file))), { knownSpans: nodeSpans });
  const spans = [];
  for await (const span of imported) spans.push(span);
  return { spans, summary: imported.summary };
}

function label(span, windows) {
  const a = span.attributes;
  const service = span.resource.attributes['service.name'];
  const where = windows ? `${service} (${span.resource.attributes['host.name']}, synthetic ETW)` : `${service} (Node.js)`;
  const detail = a['windows.httpsys.match'] === 'heuristic' ? '  [Http.sys matched by process, time and URL]' : '';
  const path = windows ? '' : ` ${String(a['url.path'] ?? a['http.target'] ?? a['url.full'] ?? a['http.url'] ?? '').replace(/^https?:\/\/[^/]+/, '')}`;
  return `${KIND[span.kind] ?? span.kind} ${span.name}${path}  ${where}  span ${span.spanContext().spanId}${detail}`;
}

/** Lines showing one activity's trace as a tree; `missing` counts spans whose parent is not in it. */
function activityTree(guid, nodeSpans, windowsSpans) {
  const traceId = guid.replace(/-/g, '');
  const windows = new Set(windowsSpans);
  const all = [...nodeSpans, ...windowsSpans].filter((s) => s.spanContext().traceId === traceId);
  all.sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
  const ids = new Set(all.map((s) => s.spanContext().spanId));
  const children = new Map();
  const roots = [];
  let missing = 0;
  for (const span of all) {
    const parent = span.parentSpanContext?.spanId;
    if (parent === undefined) roots.push(span);
    else if (!ids.has(parent)) {
      missing++;
      roots.push(span);
    } else children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const lines = [`activity ${guid} = trace ${traceId}: ${all.length} spans, ${missing} with a missing parent`];
  const walk = (span, depth) => {
    lines.push(`  ${'  '.repeat(depth)}${label(span, windows.has(span))}`);
    for (const child of children.get(span.spanContext().spanId) ?? []) walk(child, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  return { lines, missing, spans: all.length };
}

module.exports = { activityTree, importWindowsSpans };
