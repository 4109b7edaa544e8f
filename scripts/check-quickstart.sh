#!/usr/bin/env bash
# Runs the README's quick start as a new user would: packs the package, installs it with exactly the
# packages the quick start names, in npm's strict (linked, pnpm-like) layout where a package sees only its
# own dependencies and the peers installed next to it, then runs the quick start's code as it stands in
# README.md. A request with an E2EActivity header must reach a loopback OTLP receiver as a span carrying
# e2eactivity.id.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
receiver_pid=
cleanup() {
  if [ -n "$receiver_pid" ]; then kill "$receiver_pid" 2>/dev/null || true; fi
  if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT
step() { printf '\n== check-quickstart: %s\n' "$*"; }
version() { node -p "require('$repo/node_modules/$1/package.json').version"; }

step build and pack
node scripts/build.mjs
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)

packages="@opentelemetry/api@$(version @opentelemetry/api) @opentelemetry/sdk-node@$(version @opentelemetry/sdk-node)
  @opentelemetry/instrumentation-http@$(version @opentelemetry/instrumentation-http)
  @opentelemetry/exporter-trace-otlp-proto@$(version @opentelemetry/exporter-trace-otlp-proto)"
step "npm install --install-strategy=linked $tarball" $packages
mkdir "$work/app"
cd "$work/app"
echo '{ "name": "quickstart-app", "version": "1.0.0", "private": true }' >package.json
# shellcheck disable=SC2086 # one word per package spec
npm install --no-audit --no-fund --loglevel=error --install-strategy=linked "$work/$tarball" $packages
test -d node_modules/.store || { echo 'not a linked install' >&2; exit 1; }

step "the quick start from README.md"
# The first js block after the heading, unchanged.
awk '/^## Quick start with NodeSDK/ { on = 1 } on && /^```js/ { code = 1; next } code && /^```/ { exit } code { print }' \
  "$repo/README.md" >quickstart.cjs
cat quickstart.cjs
grep -q "require('opentelemetry-propagator-e2eactivity/sdk')" quickstart.cjs

# The receiver runs in a process of its own, so that its requests are not traced by the app's SDK.
cat >receiver.cjs <<'JS'
const http = require('node:http');
let seen = false;
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (req.method === 'GET') return res.end(JSON.stringify({ seen }));
    const body = Buffer.concat(chunks);
    // Protobuf keeps strings as UTF-8 bytes: the attribute's key and value are in the export as they are.
    if (req.headers['content-type'] === 'application/x-protobuf' && body.includes('e2eactivity.id')
      && body.includes('100f44d4-c7ac-45dc-98f7-974c064d61dd')) seen = true;
    res.writeHead(200, { 'content-type': 'application/x-protobuf' });
    res.end();
  });
}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
JS
cat >app.cjs <<'JS'
require('./quickstart.cjs');
const http = require('node:http');
const receiver = `http://127.0.0.1:${process.env.RECEIVER_PORT}/`;
const server = http.createServer((req, res) => res.end(String(req.headers.e2eactivity)));
// The request comes as from another service: fetch, which the quick start does not instrument (no undici
// instrumentation), so nothing in this process injects a header of its own into it.
server.listen(0, '127.0.0.1', async () => {
  const response = await fetch(`http://127.0.0.1:${server.address().port}/`, { headers: { E2EActivity: '1EQPEKzH3EWY95dMBk1h3Q==' } });
  await response.text();
  await waitForSpan();
});
async function waitForSpan() {
  // Not instrumented either: these polls make no spans.
  for (let i = 0; i < 100; i++) {
    if ((await (await fetch(receiver)).json()).seen) {
      console.log('quick start: the server span reached the OTLP receiver with e2eactivity.id');
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.error('quick start: no span with e2eactivity.id reached the OTLP receiver within 10 s');
  process.exit(1);
}
JS
node receiver.cjs >receiver.port &
receiver_pid=$!
for _ in $(seq 50); do [ -s receiver.port ] && break; sleep 0.1; done
port=$(cat receiver.port)
RECEIVER_PORT=$port OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$port" OTEL_BSP_SCHEDULE_DELAY=100 \
  OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none node app.cjs

step "quick start OK on a linked install"
