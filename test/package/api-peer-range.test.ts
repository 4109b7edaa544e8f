// The @opentelemetry/api peer range as npm reads it. A range that ends before the next API minor release
// (`<1.11.0`) makes every such release an ERESOLVE for our users until we ship; API-only libraries in
// opentelemetry-js-contrib take every later 1.x (`^1.x`), and so do we. check-package installs the
// oldest and the newest published release in the range and runs the package against each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies, validRange } from 'semver';

const ROOT = join(__dirname, '../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const manifest = readJson('package.json') as { peerDependencies: Record<string, string> };
const range = manifest.peerDependencies['@opentelemetry/api'] ?? '';
// The API's `exports` leave out its package.json: read the installed file.
const installedApi = (readJson('node_modules/@opentelemetry/api/package.json') as { version: string }).version;

describe('the @opentelemetry/api peer range', () => {
  it('is a valid npm range', () => {
    expect(validRange(range)).not.toBeNull();
  });

  it('starts at 1.9.0, the oldest API the tests run against', () => {
    expect(minVersion(range)?.version).toBe('1.9.0');
    expect(satisfies('1.8.0', range)).toBe(false);
  });

  it.each(['1.9.0', '1.9.1', '1.10.0', '1.11.0', '1.12.3', '1.99.0'])('takes %s: no new 1.x release breaks installs', (version) => {
    expect(satisfies(version, range)).toBe(true);
  });

  it('stops before 2.0.0, where the API may break', () => {
    expect(satisfies('2.0.0', range)).toBe(false);
  });

  it('takes the API the suite is installed with', () => {
    expect(satisfies(installedApi, range)).toBe(true);
  });
});
