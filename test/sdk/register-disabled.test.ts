// Issue 8, item 3: OTEL_SDK_DISABLED=true (read as NodeSDK reads it) makes register do nothing at all: no
// ES module hook, no patching, no SDK module loaded, no exporter, no propagator, no process listener.
// The enabled rows show that each of these checks sees what register does when it runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from '../support/child.js';
import { REGISTER } from '../support/service.js';

const SPY = join(__dirname, 'fixtures', 'cjs', 'spy-module-register.js');
const APP = join(__dirname, 'fixtures', 'cjs', 'report-state.js');

const NOTHING = {
  loaderHooks: 0,
  listeners: [0, 0, 0],
  httpPatched: false,
  propagatorFields: [],
  tracerProvider: false,
  sdkModulesLoaded: false,
};
const EVERYTHING = {
  loaderHooks: 1,
  listeners: [1, 1, 1],
  httpPatched: true,
  propagatorFields: ['traceparent', 'tracestate', 'baggage', 'e2eactivity'],
  tracerProvider: true,
  sdkModulesLoaded: true,
};

describe('OTEL_SDK_DISABLED under register', () => {
  beforeAll(() => {
    if (!existsSync(REGISTER)) throw new Error(`${REGISTER} is missing: run npm run build first`);
  });

  it.each([
    ['true', NOTHING],
    [' TRUE ', NOTHING],
    ['false', EVERYTHING],
    ['', EVERYTHING],
  ])('OTEL_SDK_DISABLED=%p', async (value, expected) => {
    const result = await runToEnd(process.execPath, ['--require', SPY, '--require', REGISTER, APP], {
      // Console: an exporter that needs no collector, so that nothing waits on the network.
      env: { OTEL_SDK_DISABLED: value, OTEL_TRACES_EXPORTER: 'console', OTEL_METRICS_EXPORTER: 'none', OTEL_LOGS_EXPORTER: 'none' },
      timeoutMs: 20000,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.split('\n')[0])).toEqual(expected);
  });
});
