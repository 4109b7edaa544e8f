// Issue 8, item 2: under `register`, an application that handles SIGTERM itself keeps control of when and
// how it exits, and the spans of the requests it serves while draining reach the collector, also when it
// ends with process.exit(0). One without a handler still ends as the signal would, after a flush.
// Real processes, the built register, a real OTLP receiver; only flushes deliver spans (60 s batch delay).
import { join } from 'node:path';
import { Child, startChild } from '../support/child.js';
import { distinctGuids, wcfHeaderOf } from '../support/dotnet-guid.js';
import { REGISTER, useRegisterReceiver } from '../support/service.js';

jest.setTimeout(60000);

const SERVICE = join(__dirname, 'fixtures', 'cjs', 'drain-service.js');

const receiver = useRegisterReceiver();

async function start(name: string, env: Record<string, string>): Promise<{ child: Child; url: string }> {
  const child = await startChild(name, process.execPath, ['--require', REGISTER, SERVICE], {
    env: {
      OTEL_SERVICE_NAME: name,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.current.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '60000',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
      ...env,
    },
  });
  return { child, url: `http://127.0.0.1:${(child.ready as { port: number }).port}/` };
}

async function call(url: string, guid: string): Promise<void> {
  const response = await fetch(url, { headers: { E2EActivity: wcfHeaderOf(guid) }, signal: AbortSignal.timeout(5000) });
  expect(await response.text()).toBe(wcfHeaderOf(guid));
}

async function waitForOutput(child: Child, text: string): Promise<void> {
  const deadline = Date.now() + 10000;
  while (!child.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`${child.name}: no "${text}" after 10 s\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const serverSpanGuids = (name: string): unknown[] =>
  receiver.current.spans.filter((s) => s.serviceName === name && s.kind === 'server').map((s) => s.attributes['e2eactivity.id']);

describe.each([
  ['once', 'exit', 'SIGTERM'],
  ['on', 'exit', 'SIGTERM'],
  ['once', 'natural', 'SIGTERM'],
  ['on', 'exit', 'SIGINT'],
] as const)('an app that handles signals with process.%s and ends by %s', (handling, exit, signal) => {
  it(`keeps control on ${signal}: exits 0 after its drain, with the spans served before and during it`, async () => {
    const name = `drain-${handling}-${exit}-${signal}`;
    const { child, url } = await start(name, { E2E_SIGNALS: handling, E2E_EXIT: exit, E2E_DRAIN_MS: '1500' });
    const [before, during] = distinctGuids(2);
    await call(url, before);

    child.stop(signal).catch(() => {});
    await waitForOutput(child, `DRAINING ${signal}`);
    await call(url, during);

    const ended = await child.exited;
    expect({ ...ended, drained: child.output().includes('DRAINED') }).toEqual({ code: 0, signal: null, drained: true });
    expect(serverSpanGuids(name).sort()).toEqual([before, during].sort());
  });
});

describe.each(['SIGTERM', 'SIGINT'] as const)('an app without a handler', (signal) => {
  it(`ends as ${signal} would, after the spans are flushed`, async () => {
    const name = `no-handler-${signal}`;
    const { child, url } = await start(name, { E2E_SIGNALS: 'none' });
    const [guid] = distinctGuids(1);
    await call(url, guid);
    const ended = await child.stop(signal);
    expect(ended).toEqual({ code: null, signal });
    expect(serverSpanGuids(name)).toEqual([guid]);
  });
});
