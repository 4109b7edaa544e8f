// The fixture service (test/e2e/fixtures/service.js) as the tests start it: a real Node.js process under
// `--require build/cjs/register.js`, exporting over OTLP/HTTP to the test's receiver.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Child, startChild, stopAllChildren } from './child.js';
import { OtlpReceiver, ReceivedSpan, startOtlpReceiver } from './otlp-receiver.js';

export const REPO = join(__dirname, '..', '..');
export const REGISTER = join(REPO, 'build', 'cjs', 'register.js');
export const SERVICE_FIXTURE = join(REPO, 'test', 'e2e', 'fixtures', 'service.js');
/** The same service as an ES module app. */
export const ESM_SERVICE_FIXTURE = join(REPO, 'test', 'e2e', 'fixtures', 'esm', 'service.js');

/**
 * For a test file whose children run the built `register`: starts an OTLP receiver before its tests (after
 * checking the build is there) and, after them, stops every child and the receiver. `current` is the
 * receiver once the tests run.
 */
export function useRegisterReceiver(): { readonly current: OtlpReceiver } {
  const holder: { current?: OtlpReceiver } = {};
  beforeAll(async () => {
    if (!existsSync(REGISTER)) throw new Error(`${REGISTER} is missing: run npm run build first`);
    holder.current = await startOtlpReceiver();
  });
  afterAll(async () => {
    await stopAllChildren();
    await holder.current?.close();
  });
  return {
    get current(): OtlpReceiver {
      if (holder.current === undefined) throw new Error('the receiver starts in beforeAll');
      return holder.current;
    },
  };
}

/** How register gets loaded: `node --require`, `node --import`, or `NODE_OPTIONS=--require`. */
export type Preload = '--require' | '--import' | 'NODE_OPTIONS';

/** What a fixture service answers: the headers it received and, with `to`, the next hop's answer. */
export interface HopAnswer {
  readonly service: string;
  readonly received: Readonly<Record<string, string | undefined>>;
  readonly next?: HopAnswer;
}

export interface Service {
  readonly name: string;
  readonly child: Child;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
}

/** Fails with what to do when the register entry has not been built: the e2e tests run the build. */
export function requireRegisterBuild(): void {
  if (!existsSync(REGISTER)) {
    throw new Error(`${REGISTER} is missing: run \`npm run build\` before the end-to-end tests (npm test does).`);
  }
}

/**
 * Starts the fixture service named `name` (its OTEL_SERVICE_NAME). Defaults: all three propagators, OTLP
 * over http/json to `receiver`, batches sent every 100 ms, no metrics or logs. `env` overrides them;
 * `how` picks another fixture and another way to load register.
 */
export async function startService(
  name: string,
  receiver: OtlpReceiver,
  env: Record<string, string> = {},
  how: { fixture?: string; preload?: Preload } = {}
): Promise<Service> {
  requireRegisterBuild();
  const preload = how.preload ?? '--require';
  const flags = preload === 'NODE_OPTIONS' ? [] : [preload, REGISTER];
  const child = await startChild(name, process.execPath, [...flags, how.fixture ?? SERVICE_FIXTURE], {
    cwd: REPO,
    env: {
      ...(preload === 'NODE_OPTIONS' ? { NODE_OPTIONS: `--require ${REGISTER}` } : {}),
      OTEL_SERVICE_NAME: name,
      OTEL_PROPAGATORS: 'tracecontext,baggage,e2eactivity',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
      ...env,
    },
  });
  const { port } = child.ready as { port: number };
  return { name, child, url: `http://127.0.0.1:${port}` };
}

/** The URL that makes `service` call `to` with node:http or fetch. */
export function hopUrl(service: Service | string, via: 'http' | 'fetch', to: string): string {
  const base = typeof service === 'string' ? service : service.url;
  return `${base}/?${new URLSearchParams({ via, to }).toString()}`;
}

/** The query string of the request a server span recorded (stable `url.query` or old `http.target`). */
export function requestQuery(span: ReceivedSpan): URLSearchParams {
  const query = span.attributes['url.query'];
  if (typeof query === 'string') return new URLSearchParams(query);
  const target = String(span.attributes['http.target'] ?? '');
  return new URLSearchParams(target.includes('?') ? target.slice(target.indexOf('?')) : '');
}
