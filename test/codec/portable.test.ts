// The codec must run in browsers and edge runtimes: load the built CommonJS codec into a bare V8 context
// that has Web Crypto but no Buffer, no process and a require() that only serves the codec's own files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { createContext, runInContext } from 'node:vm';
import { SPEC } from '../support/vectors.js';

const CODEC_DIR = join(__dirname, '../../build/cjs/codec');

interface CodecModule {
  decodeE2EActivity(value: unknown): string | undefined;
  encodeE2EActivity(guid: string): string | undefined;
}

function loadIsolated(file: string): Record<string, unknown> {
  const sandbox = createContext({ crypto: webcrypto });
  const cache = new Map<string, Record<string, unknown>>();
  const load = (name: string): Record<string, unknown> => {
    if (!name.startsWith('./')) throw new Error(`the codec required ${name}`);
    const path = join(CODEC_DIR, name);
    const cached = cache.get(path);
    if (cached !== undefined) return cached;
    const module = { exports: {} as Record<string, unknown> };
    cache.set(path, module.exports);
    const wrapper = runInContext(`(function (exports, require, module) {${readFileSync(path, 'utf8')}\n})`, sandbox, {
      filename: path,
    }) as (e: unknown, r: unknown, m: unknown) => void;
    wrapper(module.exports, load, module);
    return module.exports;
  };
  return load(file);
}

describe('the codec outside Node.js', () => {
  it('has no Node.js globals in the bare context', () => {
    expect(runInContext('typeof Buffer + typeof process + typeof require', createContext({}))).toBe(
      'undefinedundefinedundefined'
    );
  });

  it('decodes and encodes with only its own files and Web Crypto', () => {
    const codec = loadIsolated('./e2eactivity.js') as unknown as CodecModule;
    expect(codec.decodeE2EActivity(SPEC.header)).toBe(SPEC.guid);
    expect(codec.encodeE2EActivity(SPEC.guid)).toBe(SPEC.header);
  });

  it('makes random GUID bytes with Web Crypto', () => {
    const random = loadIsolated('./random.js') as { randomGuidBytes(): Uint8Array };
    expect(random.randomGuidBytes()).toHaveLength(16);
  });
});
