import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedEtwDir } from '../support/etw/paths.js';

/** The real capture (microsoft/Tx, Apache-2.0): the repo's fixture, or the shared reference copy. */
export function capturePath(): string {
  const fixture = join(__dirname, '../fixtures/etw/HTTP_Server.etl');
  if (existsSync(fixture)) return fixture;
  const shared = sharedEtwDir();
  if (shared === undefined) throw new Error(`${fixture} is missing`);
  return join(shared, 'HTTP_Server.etl');
}
