// Prints, for one request, what the demo's person should see: the GUID the WCF client meant, the spans
// of the trace with their e2eactivity.id, and the headers that went to the downstream service.
'use strict';
const { SpanKind } = require('@opentelemetry/api');

const ATTRIBUTE = 'e2eactivity.id';
const KIND = { [SpanKind.SERVER]: 'SERVER', [SpanKind.CLIENT]: 'CLIENT', [SpanKind.INTERNAL]: 'INTERNAL' };

function pathOf(span) {
  const a = span.attributes;
  const target = a['url.path'] ?? a['http.target'] ?? a['url.full'] ?? a['http.url'] ?? '';
  return String(target).replace(/^https?:\/\/[^/]+/, '');
}

function spanLine(label, span) {
  const id = span.attributes[ATTRIBUTE];
  const activity = id === undefined ? 'no e2eactivity.id' : `${ATTRIBUTE}=${id}`;
  const kind = KIND[span.kind] ?? String(span.kind);
  return `  ${label.padEnd(16)} ${kind.padEnd(6)} ${span.name} ${pathOf(span)}`.padEnd(52) + `  span ${span.spanContext().spanId}  ${activity}`;
}

/** Lines describing one request; `spans` are all ended spans, `answer` is what `orders` replied. */
function describeRequest(index, request, answer, spans) {
  const sent = answer.inventoryReceived ?? {};
  const traceId = (sent.traceparent ?? '').split('-')[1];
  const trace = spans.filter((s) => s.spanContext().traceId === traceId);
  const server = (path) => trace.find((s) => s.kind === SpanKind.SERVER && pathOf(s).startsWith(path));
  const client = trace.find((s) => s.kind === SpanKind.CLIENT && pathOf(s).startsWith('/inventory'));
  const lines = [
    `${index}. WCF client sent  E2EActivity: ${request.header}`,
    request.guid === undefined
      ? `   (${request.note})`
      : `   = .NET GUID ${request.guid}  (${request.note})`,
    `   trace ${traceId ?? '?'}`,
  ];
  for (const [label, span] of [['orders', server('/orders')], ['orders -> call', client], ['inventory', server('/inventory')]]) {
    lines.push(span === undefined ? `  ${label.padEnd(16)} (no span)` : spanLine(label, span));
  }
  lines.push(`  ${'headers sent'.padEnd(16)} e2eactivity: ${sent.e2eactivity ?? '(none)'}`);
  lines.push(`  ${''.padEnd(16)} traceparent: ${sent.traceparent ?? '(none)'}`);
  if (sent.baggage !== undefined) lines.push(`  ${''.padEnd(16)} baggage:     ${sent.baggage}`);
  lines.push(verdict(request, trace, server('/orders')));
  return lines;
}

function verdict(request, trace, ordersSpan) {
  const all = `all ${trace.length} spans in one trace`;
  if (request.guid === undefined) {
    const own = ordersSpan?.attributes[ATTRIBUTE] === undefined ? 'ignored: no e2eactivity.id on the server span' : 'NOT IGNORED';
    return `  => header ${own}; ${all}. Downstream gets an activity made from the trace id.`;
  }
  const carried = trace.filter((s) => s.attributes[ATTRIBUTE] === request.guid).length;
  return `  => ${all}; ${carried} of them carry ${ATTRIBUTE}=${request.guid}.`;
}

module.exports = { describeRequest };
