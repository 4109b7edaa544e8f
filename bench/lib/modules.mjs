// Everything the benchmarks run, loaded through require from a private CommonJS build (.bench/cjs, made by
// `npm run bench:build`: build/ is rebuilt by other scripts at any time): that is what a Node.js
// service under NodeSDK loads, and it keeps ONE copy of @opentelemetry/api (an ES module import would load
// the API's ESM build next to the CJS one that core and propagator-b3 require).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';

const require = createRequire(import.meta.url);

export const api = require('@opentelemetry/api');
export const core = require('@opentelemetry/core');
export const b3 = require('@opentelemetry/propagator-b3');
export const pkg = require('../../.bench/cjs/index.js');

/** Installed versions, read from disk because some packages do not export their package.json. */
export function versions() {
  const names = ['@opentelemetry/api', '@opentelemetry/core', '@opentelemetry/propagator-b3', '@opentelemetry/sdk-node',
    '@opentelemetry/instrumentation-http', 'tinybench', 'autocannon'];
  const read = (dir) => JSON.parse(readFileSync(new URL(`${dir}/package.json`, import.meta.url), 'utf8')).version;
  const result = { 'opentelemetry-propagator-e2eactivity': read('../..') };
  for (const name of names) result[name] = read(`../../node_modules/${name}`);
  return result;
}
