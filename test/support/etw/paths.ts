import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest `shared/etw` reference directory above the repository, `undefined` in a clone on its own. */
export function sharedEtwDir(): string | undefined {
  for (let dir = join(__dirname, '../../..', '..'); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'shared', 'etw'))) return join(dir, 'shared', 'etw');
  }
  return undefined;
}
