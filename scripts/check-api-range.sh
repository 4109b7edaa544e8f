#!/usr/bin/env bash
# Called by check-package.sh: installs the packed tarball next to the oldest and the newest published
# @opentelemetry/api that the peer range allows, with --strict-peer-deps (any peer conflict fails the
# install, as it would for a user on npm 7+ or pnpm), and reruns check-package's CommonJS, ES module and
# TypeScript checks against each.
#
# The oldest runs on this Node.js with the OpenTelemetry JS 2.x line (core 2.x takes api < 1.10). The
# newest runs on Node.js 24, where npm picks core 3.x, the line that takes api 1.10 (core 3.x needs
# Node.js 22.15+, so on Node.js 20 npm would pick core 2.x and report a peer conflict that is core's).
#
# Usage: check-api-range.sh <tarball> <folder holding check.cjs, check.mjs, check-types.{ts,cts,mts}>
set -euo pipefail
tarball=$1
checks=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n== check-api-range: %s\n' "$*"; }

range=$(node -p "require('$repo/package.json').peerDependencies['@opentelemetry/api']")
# Every published release in the range, oldest and newest by version (not by publication date).
read -r oldest newest < <(npm view "@opentelemetry/api@$range" version --json | node -e "
  const parsed = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const versions = (Array.isArray(parsed) ? parsed : [parsed]).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
  const key = (v) => v.split('.').map(Number);
  versions.sort((a, b) => { const [x, y] = [key(a), key(b)]; return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
  if (versions.length === 0) throw new Error('no @opentelemetry/api release in $range');
  console.log(versions[0], versions[versions.length - 1]);")
echo "peer range $range: oldest $oldest, newest $newest"

node24=$(npx --yes node@24 -p process.execPath)
npm_cli=$(npm prefix -g)/lib/node_modules/npm/bin/npm-cli.js

# check <api version> <node binary>
check() {
  local version=$1 node=$2
  local app=$work/api-$version
  mkdir "$app"
  step "@opentelemetry/api $version on Node.js $("$node" --version), in $app"
  cp "$checks"/check.cjs "$checks"/check.mjs "$checks"/check-types.ts "$checks"/check-types.cts \
    "$checks"/check-types.mts "$app"
  cd "$app"
  echo '{ "name": "check-api-range-app", "version": "1.0.0", "private": true }' >package.json
  "$node" "$npm_cli" install --strict-peer-deps --no-audit --no-fund --silent "$tarball" "@opentelemetry/api@$version"
  "$node" "$npm_cli" ls --all @opentelemetry/api @opentelemetry/core
  # The api's exports do not include package.json: read the installed file.
  test "$("$node" -p "JSON.parse(require('fs').readFileSync('node_modules/@opentelemetry/api/package.json', 'utf8')).version")" = "$version"
  "$node" check.cjs
  "$node" check.mjs
  local tsc=("$node" "$repo/node_modules/typescript/bin/tsc" --noEmit --strict --skipLibCheck false)
  "${tsc[@]}" --module node16 --moduleResolution node16 check-types.cts check-types.mts
  "${tsc[@]}" --module commonjs --moduleResolution node10 check-types.ts
  echo "TypeScript node16 and node10: compile against api $version"
}

check "$oldest" "$(command -v node)"
check "$newest" "$node24"
