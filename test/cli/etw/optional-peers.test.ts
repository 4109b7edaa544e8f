// The bin with the optional peers that `etw spans` needs unresolvable, as after `npm install` of the
// package alone: decode, encode and `etw events` must not load them, and `etw spans` says what to install.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from '../../support/child.js';
import { capturePath } from '../../etw/capture-path.js';

const MAIN = join(__dirname, '../../../build/cjs/cli/main.js');
const PRELOAD = join(__dirname, '../../sdk/fixtures/cjs/block-peers.js');
const BLOCKED = ['@opentelemetry/resources', '@opentelemetry/otlp-transformer', '@opentelemetry/sdk-trace'];

const cli = (args: string[]) =>
  runToEnd(process.execPath, ['--require', PRELOAD, MAIN, ...args], {
    env: { E2E_BLOCKED_PEERS: JSON.stringify(BLOCKED) },
    timeoutMs: 20000,
  });

describe('the e2eactivity bin without the optional peers of etw spans', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  });

  it('decodes and reads events without loading them', async () => {
    const decoded = await cli(['decode', '1EQPEKzH3EWY95dMBk1h3Q==']);
    expect(decoded).toMatchObject({ code: 0 });
    expect(decoded.stdout).toContain('GUID      100f44d4-c7ac-45dc-98f7-974c064d61dd');
    const events = await cli(['etw', 'events', capturePath(), '--json']);
    expect(events.code).toBe(0);
    expect(events.stdout.trimEnd().split('\n')).toHaveLength(2041);
  });

  it('etw spans names the package to install and exits 1', async () => {
    const result = await cli(['etw', 'spans', capturePath()]);
    expect(result.code).toBe(1);
    expect(result.output).toBe(
      "e2eactivity etw spans: needs @opentelemetry/resources, which is not installed: npm install @opentelemetry/resources\n"
    );
  });
});
