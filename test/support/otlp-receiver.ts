// A stand-in for Jaeger's OTLP/HTTP endpoint: a real HTTP server on loopback that accepts
// POST /v1/traces as JSON or protobuf (optionally gzip), answers as a collector does, and keeps the spans.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { decodeJsonExport, decodeProtobufExport, ReceivedSpan } from './otlp-decode.js';

export type { FlatValue, ReceivedSpan, SpanKindName } from './otlp-decode.js';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface OtlpReceiver {
  /** For `OTEL_EXPORTER_OTLP_ENDPOINT`: `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** For an exporter's `url` option: `<endpoint>/v1/traces`. */
  readonly tracesUrl: string;
  /** Every span received so far, in arrival order. */
  readonly spans: readonly ReceivedSpan[];
  /** Export requests accepted so far. */
  readonly exports: number;
  /** Requests answered with an error status, with the reason: a test should expect none. */
  readonly errors: readonly string[];
  /** Resolves with the spans once `done(spans)` holds; rejects after `timeoutMs` saying what it saw. */
  waitFor(done: (spans: readonly ReceivedSpan[]) => boolean, timeoutMs: number, what: string): Promise<ReceivedSpan[]>;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 with a free port. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const errors: string[] = [];
  let exports = 0;

  const server = createServer((request, response) => {
    receive(request)
      .then((body) => {
        const decoded = handle(request, body);
        if (typeof decoded === 'string') return fail(response, 400, decoded);
        spans.push(...decoded.spans);
        exports++;
        response.writeHead(200, { 'content-type': decoded.contentType });
        response.end(decoded.contentType === 'application/json' ? '{}' : undefined);
      })
      .catch((error: unknown) => fail(response, 400, String(error)));
  });
  function fail(response: ServerResponse, status: number, reason: string): void {
    errors.push(reason);
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(reason);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;

  return {
    endpoint,
    tracesUrl: `${endpoint}/v1/traces`,
    spans,
    get exports() {
      return exports;
    },
    errors,
    async waitFor(done, timeoutMs, what) {
      const deadline = Date.now() + timeoutMs;
      while (!done(spans)) {
        if (Date.now() > deadline) {
          throw new Error(`OTLP receiver: timed out after ${timeoutMs} ms waiting for ${what}; got ${spans.length} spans`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return [...spans];
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function handle(
  request: IncomingMessage,
  body: Buffer
): { spans: ReceivedSpan[]; contentType: 'application/json' | 'application/x-protobuf' } | string {
  const path = (request.url ?? '').split('?')[0];
  if (request.method !== 'POST' || path !== '/v1/traces') return `unexpected ${request.method} ${request.url}`;
  const encoding = request.headers['content-encoding'];
  const raw = encoding === 'gzip' ? gunzipSync(body) : body;
  if (encoding !== undefined && encoding !== 'gzip' && encoding !== 'identity') return `unsupported encoding ${encoding}`;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
  if (type === 'application/json') return { spans: decodeJsonExport(raw), contentType: type };
  if (type === 'application/x-protobuf') return { spans: decodeProtobufExport(raw), contentType: type };
  return `unsupported content-type ${type}`;
}

function receive(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
