// Issue 8, item 4: with @opentelemetry/auto-instrumentations-node installed (a dev dependency here),
// register uses its instrumentations and honours OTEL_NODE_ENABLED_INSTRUMENTATIONS and
// OTEL_NODE_DISABLED_INSTRUMENTATIONS, as its own register does; and register says so on stderr when it
// cannot do its job: another SDK registered first, or OTEL_PROPAGATORS leaves e2eactivity out.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from '../support/child.js';
import { REGISTER } from '../support/service.js';

const INSTRUMENTED = join(__dirname, 'fixtures', 'cjs', 'report-instrumented.js');
const OTHER_SDK = join(__dirname, 'fixtures', 'cjs', 'other-sdk.js');
const QUIET = { OTEL_TRACES_EXPORTER: 'console', OTEL_METRICS_EXPORTER: 'none', OTEL_LOGS_EXPORTER: 'none' };

const run = (args: string[], env: Record<string, string>) =>
  runToEnd(process.execPath, args, { env: { ...QUIET, ...env }, timeoutMs: 30000 });

beforeAll(() => {
  if (!existsSync(REGISTER)) throw new Error(`${REGISTER} is missing: run npm run build first`);
});

describe('register with @opentelemetry/auto-instrumentations-node installed', () => {
  it.each([
    [{}, { http: true, dns: true, net: true }],
    [{ OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http' }, { http: true, dns: false, net: false }],
    [{ OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'dns,net' }, { http: true, dns: false, net: false }],
    [{ OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'dns,net', OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'net' }, { http: false, dns: true, net: false }],
  ])('with %p patches %p', async (env, expected) => {
    const result = await run(['--require', REGISTER, INSTRUMENTED], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.split('\n')[0])).toEqual(expected);
  });
});

describe('register says what stops it', () => {
  it('when another SDK registered a global tracer provider first', async () => {
    const result = await run(['--require', OTHER_SDK, '--require', REGISTER, '-e', ''], { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http' });
    expect(result.code).toBe(0);
    expect(result.output).toContain(
      'opentelemetry-propagator-e2eactivity: warning: register: another SDK already registered a global tracer provider'
    );
  });

  it('once, when OTEL_PROPAGATORS leaves e2eactivity out', async () => {
    const result = await run(['--require', REGISTER, '-e', ''], { OTEL_PROPAGATORS: 'tracecontext,baggage', OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http' });
    expect(result.code).toBe(0);
    const lines = result.output.split('\n').filter((line) => line.includes('does not name e2eactivity'));
    expect(lines).toEqual([
      'opentelemetry-propagator-e2eactivity: warning: OTEL_PROPAGATORS="tracecontext,baggage" does not name e2eactivity: the E2EActivity header is neither read nor sent. Add e2eactivity to the list.',
    ]);
  });
});
