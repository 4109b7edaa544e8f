// Regression: an E2EActivity header the application set on an outgoing request was replaced (node:http)
// or sent next to the propagator's own (fetch: "A, B" on arrival, which WCF rejects). A real server on
// 127.0.0.1 counts the E2EActivity lines each request brings, from a real client process under NodeSDK
// with the HTTP and undici instrumentations.
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd, stopAllChildren } from '../support/child.js';
import { REPO } from '../support/service.js';
import { VECTORS } from '../support/vectors.js';

const CLIENT = join(__dirname, 'fixtures', 'own-header-client.js');
const BUILT = join(REPO, 'build', 'cjs', 'index.js');
const APP = VECTORS[1];
const CONTEXT = VECTORS[0];

let server: Server;
/** Per client run and path, every E2EActivity value that arrived, one per header line, under any casing. */
const arrived = new Map<string, string[]>();

beforeAll(async () => {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run npm run build first (npm test does)`);
  server = createServer((request, response) => {
    const values: string[] = [];
    for (let i = 0; i < request.rawHeaders.length; i += 2) {
      if (request.rawHeaders[i].toLowerCase() === 'e2eactivity') values.push(request.rawHeaders[i + 1]);
    }
    arrived.set(request.url ?? '', values);
    response.end('ok');
  });
  // Idle keep-alive connections would keep each client process alive for the default 5 s.
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  for (const instrumentationsFirst of [false, true]) {
    const options = JSON.stringify({ app: APP.header, context: CONTEXT.guid, instrumentationsFirst });
    const url = `http://127.0.0.1:${port}/${String(instrumentationsFirst)}`;
    const run = await runToEnd(process.execPath, [CLIENT, url, options], { cwd: REPO, timeoutMs: 30000 });
    if (run.code !== 0) throw new Error(`client failed (${run.code}):\n${run.output}`);
  }
}, 70000);

afterAll(async () => {
  await stopAllChildren();
  await new Promise((resolve) => server.close(resolve));
});

describe.each([false, true])('an outgoing request under NodeSDK (instrumentations created first: %s)', (first) => {
  it.each(['http-wcf-case', 'http-lower-case', 'http-upper-case', 'fetch-object', 'fetch-headers', 'fetch-pairs'])(
    "%s: the application's own E2EActivity arrives, exactly once",
    (path) => {
      expect(arrived.get(`/${String(first)}/${path}`)).toEqual([APP.header]);
    }
  );

  it.each(['http-none', 'fetch-none'])('%s: without one, the activity in the context arrives, exactly once', (path) => {
    expect(arrived.get(`/${String(first)}/${path}`)).toEqual([CONTEXT.header]);
  });
});
