// Builds CommonJS (build/cjs) and ES modules (build/esm) with declarations, and marks each folder's
// module format with a package.json so Node.js reads the .js files right whatever the root says. Also
// compiles the test-side ETL writer to build/demo for the demo's synthetic Windows capture (not shipped).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const tsc = (project) => execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });

rmSync('build', { recursive: true, force: true });
tsc('tsconfig.build.json');
tsc('tsconfig.esm.json');
tsc('examples/demo/tsconfig.writer.json');
for (const [folder, type] of [['build/cjs', 'commonjs'], ['build/esm', 'module']]) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}/package.json`, `${JSON.stringify({ type })}\n`);
}
