#!/usr/bin/env bash
# Checks the package as users get it: packs it, asserts what the tarball holds, installs it in a fresh
# project next to @opentelemetry/api (the peer), then require()s it from CommonJS, imports it from ES
# modules, compiles TypeScript against its types (node10, node16, nodenext, bundler), runs
# @arethetypeswrong/cli on the tarball, repeats the checks with the oldest and the newest
# @opentelemetry/api the peer range allows, and runs the e2eactivity bin.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n== check-package: %s\n' "$*"; }

step build
node scripts/build.mjs

step "tarball contents (npm pack --dry-run --json)"
npm pack --dry-run --json --silent >"$work/pack.json"
node - "$work/pack.json" <<'EOF'
const files = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'))[0].files.map((f) => f.path);
// The build (code and declarations, no maps: src/ is not shipped), the docs npm shows, package.json.
const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|build\/(cjs|esm)\/(.+\.(js|d\.ts)|package\.json))$/;
const stray = files.filter((f) => !allowed.test(f));
const required = ['README.md', 'LICENSE', 'CHANGELOG.md', 'build/cjs/index.js', 'build/cjs/index.d.ts',
  'build/esm/index.js', 'build/esm/index.d.ts', 'build/cjs/package.json', 'build/esm/package.json', 'build/cjs/cli/main.js'];
const missing = required.filter((f) => !files.includes(f));
if (stray.length || missing.length) {
  console.error(`unexpected files: ${stray.join(', ') || 'none'}; missing files: ${missing.join(', ') || 'none'}`);
  process.exit(1);
}
console.log(`${files.length} files, all build output or docs`);
EOF

step "install the tarball in a fresh project"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
api_version=$(node -p "require('./node_modules/@opentelemetry/api/package.json').version")
mkdir "$work/app"
cd "$work/app"
echo '{ "name": "check-package-app", "version": "1.0.0", "private": true }' >package.json
npm install --no-audit --no-fund --silent "$work/$tarball" "@opentelemetry/api@$api_version"
pkg=node_modules/opentelemetry-propagator-e2eactivity
npm ls --all @opentelemetry/api @opentelemetry/core

step "types of every entry point under every TypeScript resolution (@arethetypeswrong/cli, offline)"
# No DefinitelyTyped lookup: the package ships its own types, so nothing is fetched.
node "$repo/node_modules/@arethetypeswrong/cli/dist/index.js" --profile strict --no-definitely-typed --no-color "$work/$tarball"

step "no source maps or map comments pointing at files that are not shipped"
if grep -rl --include='*.js' --include='*.d.ts' 'sourceMappingURL' "$pkg/build"; then
  echo 'shipped files refer to source maps' >&2
  exit 1
fi

step "require() from CommonJS"
cat >check.cjs <<'EOF'
const assert = require('node:assert/strict');
const { propagation, ROOT_CONTEXT, defaultTextMapGetter, defaultTextMapSetter } = require('@opentelemetry/api');
const e2e = require('opentelemetry-propagator-e2eactivity');
assert.equal(e2e.decodeE2EActivity('1EQPEKzH3EWY95dMBk1h3Q=='), '100f44d4-c7ac-45dc-98f7-974c064d61dd');
const propagator = new e2e.E2EActivityPropagator();
const context = propagator.extract(ROOT_CONTEXT, { e2eactivity: '1EQPEKzH3EWY95dMBk1h3Q==' }, defaultTextMapGetter);
assert.equal(e2e.getE2EActivityId(context), '100f44d4-c7ac-45dc-98f7-974c064d61dd');
assert.equal(propagation.getBaggage(context).getEntry(e2e.E2E_ACTIVITY_BAGGAGE_KEY).value, '100f44d4-c7ac-45dc-98f7-974c064d61dd');
const carrier = {};
propagator.inject(context, carrier, defaultTextMapSetter);
assert.deepEqual(carrier, { e2eactivity: '1EQPEKzH3EWY95dMBk1h3Q==' });
assert.equal(typeof new e2e.E2EActivitySpanProcessor().onStart, 'function');
assert.equal(require('opentelemetry-propagator-e2eactivity/package.json').name, 'opentelemetry-propagator-e2eactivity');
console.log(`CommonJS: ${Object.keys(e2e).length} exports work`);
EOF
node check.cjs

step "import from ES modules (and one context key shared with the CommonJS build)"
cat >check.mjs <<'EOF'
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import * as e2e from 'opentelemetry-propagator-e2eactivity';
const cjs = createRequire(import.meta.url)('opentelemetry-propagator-e2eactivity');
assert.notEqual(e2e.E2EActivityPropagator, cjs.E2EActivityPropagator, 'ESM must load build/esm');
assert.equal(e2e.encodeE2EActivity('100f44d4-c7ac-45dc-98f7-974c064d61dd'), '1EQPEKzH3EWY95dMBk1h3Q==');
const context = e2e.setE2EActivityId(ROOT_CONTEXT, 'b5016019-02f6-4b0c-b887-139947bb1619');
assert.equal(cjs.getE2EActivityId(context), 'b5016019-02f6-4b0c-b887-139947bb1619');
assert.deepEqual(Object.keys(e2e).sort(), Object.keys(cjs).sort());
console.log(`ES modules: ${Object.keys(e2e).length} exports, same names as CommonJS`);
EOF
node check.mjs

step "TypeScript against the shipped declarations"
cat >check-types.ts <<'EOF'
import { ROOT_CONTEXT, SpanKind, TextMapPropagator } from '@opentelemetry/api';
import {
  decodeE2EActivity, E2E_ACTIVITY_ATTRIBUTE, E2EActivityPropagator, E2EActivityPropagatorOptions,
  E2EActivitySpanProcessor, E2EActivitySpanProcessorOptions, getE2EActivityId, guidToTraceId, setE2EActivityId,
} from 'opentelemetry-propagator-e2eactivity';
const options: E2EActivityPropagatorOptions = { baggageKey: false, generate: 'random', adoptTraceId: true };
const propagator: TextMapPropagator = new E2EActivityPropagator(options);
const processorOptions: E2EActivitySpanProcessorOptions = { attributeKey: E2E_ACTIVITY_ATTRIBUTE, spanKinds: [SpanKind.SERVER] };
const processor = new E2EActivitySpanProcessor(processorOptions);
const guid: string | undefined = decodeE2EActivity('1EQPEKzH3EWY95dMBk1h3Q==');
const traceId: string | undefined = guidToTraceId(guid ?? '');
const id: string | undefined = getE2EActivityId(setE2EActivityId(ROOT_CONTEXT, traceId ?? ''));
export { id, processor, propagator };
EOF
cp check-types.ts check-types.cts
cp check-types.ts check-types.mts
tsc() { node "$repo/node_modules/typescript/bin/tsc" --noEmit --strict --skipLibCheck false "$@"; }
for module in node16 nodenext; do
  tsc --module "$module" --moduleResolution "$module" check-types.cts check-types.mts
  echo "module $module: CommonJS (.cts) and ES module (.mts) compile"
done
tsc --module esnext --moduleResolution bundler check-types.ts
echo 'moduleResolution bundler: compiles'
# The resolution of TypeScript before 4.7, still the default of `module: commonjs` projects: no `exports`,
# so the subpaths resolve through `typesVersions`.
tsc --module commonjs --moduleResolution node10 check-types.ts
echo 'moduleResolution node10: compiles'

step "the oldest and the newest @opentelemetry/api the peer range allows"
bash "$repo/scripts/check-api-range.sh" "$work/$tarball" "$PWD"

step "the installed e2eactivity bin"
test -x node_modules/.bin/e2eactivity
test -x "$pkg/build/cjs/cli/main.js"
out=$(node_modules/.bin/e2eactivity decode 1EQPEKzH3EWY95dMBk1h3Q==)
echo "$out"
grep -qx 'GUID      100f44d4-c7ac-45dc-98f7-974c064d61dd' <<<"$out"
test "$(printf '100f44d4c7ac45dc98f7974c064d61dd\n' | node_modules/.bin/e2eactivity encode)" = '1EQPEKzH3EWY95dMBk1h3Q=='
status=0
node_modules/.bin/e2eactivity decode 1EQPEKzH3EWY95dMBk1h3Q 2>/dev/null || status=$?
test "$status" = 2
# Without its optional peers, etw spans says what to install (and the commands above never load them).
status=0
err=$(node_modules/.bin/e2eactivity etw spans missing.etl 2>&1) || status=$?
echo "$err"
test "$status" = 1
grep -q 'npm install @opentelemetry/' <<<"$err"

step "the etw entry point (CommonJS, ES modules, types) and e2eactivity etw events"
cat >events.xml <<'EOF2'
<?xml version="1.0" encoding="UTF-8"?>
<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-HttpService" Guid="{dd5ef90a-6398-47a4-ad34-4dcecdef795f}"/><EventID>12</EventID><Version>0</Version><TimeCreated SystemTime="2011-01-23T22:07:27.226611000Z"/></System><EventData><Data Name="RequestId">0xff0000008000060d</Data><Data Name="HttpStatus">304</Data></EventData></Event></Events>
EOF2
node -e "(async () => {
  const { readEtwEvents } = require('opentelemetry-propagator-e2eactivity/etw');
  for await (const e of readEtwEvents('events.xml')) if (e.name !== 'FastSend' || e.fields.RequestId !== '0xFF0000008000060D') throw new Error('CommonJS etw entry');
})().catch((e) => { console.error(e); process.exit(1); });"
node --input-type=module -e "import { readEtwEvents } from 'opentelemetry-propagator-e2eactivity/etw';
  for await (const e of readEtwEvents('events.xml')) if (e.fields.HttpStatus !== 304) throw new Error('ES module etw entry');"
echo "import { readEtwEvents, type EtwEvent } from 'opentelemetry-propagator-e2eactivity/etw'; export const f: (s: string) => AsyncIterable<EtwEvent> = readEtwEvents;" >check-etw.mts
cp check-etw.mts check-etw.cts
tsc --lib es2022 --module node16 --moduleResolution node16 check-etw.cts check-etw.mts
tsc --lib es2022 --module esnext --moduleResolution bundler check-etw.mts
out=$(node_modules/.bin/e2eactivity etw events events.xml --json 2>/dev/null)
grep -q '"name":"FastSend"' <<<"$out"
echo 'etw: CommonJS, ES modules, types and the bin read event XML'

# The SDK setup is a second entry point whose optional peers (NodeSDK, exporters, instrumentations) a user
# installs next to it: install them at the versions the tests use, then load it as users do.
if node -e "process.exit(require('$repo/package.json').exports['./sdk'] ? 0 : 1)"; then
  step "the sdk and register entry points, with the optional peers installed"
  peers=$(node -e "
    const fs = require('fs');
    const meta = require('$repo/package.json').peerDependenciesMeta ?? {};
    const version = (name) => JSON.parse(fs.readFileSync('$repo/node_modules/' + name + '/package.json', 'utf8')).version;
    console.log(Object.keys(meta).filter((name) => meta[name].optional).map((name) => name + '@' + version(name)).join(' '));")
  # shellcheck disable=SC2086 # one word per package spec
  npm install --no-audit --no-fund --silent $peers
  node -e "const sdk = require('opentelemetry-propagator-e2eactivity/sdk');
    if (typeof sdk.e2eActivitySdkOptions !== 'function') throw new Error('CommonJS sdk entry');"
  node --input-type=module -e "import { e2eActivitySdkOptions } from 'opentelemetry-propagator-e2eactivity/sdk';
    if (typeof e2eActivitySdkOptions !== 'function') throw new Error('ES module sdk entry');"
  echo "import { e2eActivitySdkOptions } from 'opentelemetry-propagator-e2eactivity/sdk'; export const f = e2eActivitySdkOptions;" >check-sdk.mts
  cp check-sdk.mts check-sdk.cts
  tsc --module node16 --moduleResolution node16 check-sdk.cts check-sdk.mts
  tsc --module esnext --moduleResolution bundler check-sdk.mts
  # register has no exports; the flag makes TypeScript resolve its side-effect import all the same.
  echo "import 'opentelemetry-propagator-e2eactivity/register';" >>check-sdk.mts
  cp check-sdk.mts check-sdk.ts
  tsc --module commonjs --moduleResolution node10 --noUncheckedSideEffectImports check-sdk.ts
  tsc --module node16 --moduleResolution node16 --noUncheckedSideEffectImports check-sdk.mts
  # The preload registers the propagator globally; no exporter, so nothing is sent anywhere.
  OTEL_TRACES_EXPORTER=none node --require opentelemetry-propagator-e2eactivity/register -e "
    const fields = require('@opentelemetry/api').propagation.fields();
    if (!fields.includes('e2eactivity')) throw new Error('register: no e2eactivity in ' + fields);
    console.log('register: global propagator fields ' + fields.join(', '));"
fi

bash "$repo/scripts/check-quickstart.sh"
step "package OK: $tarball"
