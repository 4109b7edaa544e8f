#!/usr/bin/env bash
# Runs the test suite on Node.js 24 against the OpenTelemetry JS 3.x line (api 1.10, core/sdk-trace 3.1,
# sdk-node 0.301), which needs Node.js >= 22.15, while `npm test` covers Node.js 20 with the 2.x line.
# Works on a copy of the repository, so the checkout's node_modules and lockfile stay on 2.x. Node.js 24
# comes from the npm registry (the `node` package), so CI needs nothing but npm.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n== test-otel3: %s\n' "$*"; }

step "Node.js 24 from the npm registry"
node24=$(npx --yes node@24 -p process.execPath)
"$node24" --version
# npm itself, run by Node.js 24, so that engines checks and install scripts see the Node.js under test.
npm_cli=$(npm prefix -g)/lib/node_modules/npm/bin/npm-cli.js
npm24() { "$node24" "$npm_cli" "$@"; }

step "copy of the repository in $work"
tar --exclude=./node_modules --exclude=./build --exclude=./coverage --exclude=./.git --exclude=./docs/api \
  --exclude='./*.tgz' -cf - . | tar -xf - -C "$work"
cd "$work"

# Each OpenTelemetry package in package.json moves to its 3.x-line version. A package this table does not
# know stops the run, so that a new dependency cannot stay on 2.x unnoticed.
specs=$(node - <<'EOF'
const pkg = require('./package.json');
const line3 = (name, range) => {
  if (name === '@opentelemetry/api') return '1.10.0';
  if (name === '@opentelemetry/semantic-conventions') return undefined; // one line for both
  if (name === '@opentelemetry/instrumentation-undici') return '^0.34.0';
  // Its own line: 0.81 goes with sdk-node 0.223; 0.82 (sdk-node ^0.300) is the newest, none pins 0.301.
  if (name === '@opentelemetry/auto-instrumentations-node') return '^0.82.0';
  if (/^[~^]?2\./.test(range)) return '~3.1.0'; // stable packages: 2.x -> 3.1
  if (/^[~^]?0\.2\d\d\./.test(range)) return '^0.301.0'; // experimental packages: 0.2xx -> 0.301
  throw new Error(`test-otel3.sh: no 3.x-line version known for ${name}@${range}`);
};
const specs = new Map();
for (const deps of [pkg.dependencies, pkg.devDependencies]) {
  for (const [name, range] of Object.entries(deps ?? {})) {
    const version = name.startsWith('@opentelemetry/') ? line3(name, range) : undefined;
    if (version !== undefined) specs.set(name, `${name}@${version}`);
  }
}
console.log([...specs.values()].join(' '));
EOF
)

step "install with npm on Node.js 24: $specs"
# One `npm install` (not `npm ci` first): the copy's lockfile pins the 2.x line, which this run replaces.
# shellcheck disable=SC2086 # one word per package spec
npm24 install --no-audit --no-fund --loglevel=error $specs
npm24 ls --all 2>/dev/null | grep -oE '@opentelemetry/[a-z0-9-]+@[0-9.]+' | sort -u | tr '\n' ' '
echo

step "typecheck against the 3.x declarations, build, Jest with coverage (Node.js $("$node24" --version))"
"$node24" node_modules/typescript/bin/tsc -p tsconfig.json --noEmit
"$node24" scripts/build.mjs
"$node24" node_modules/jest/bin/jest.js --coverage "$@"
