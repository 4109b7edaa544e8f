// The propagator entry must stay as light as it is: it never loads ETW code or the XML parser, which only
// `/etw` and the CLI use. Checked on the built package (`npm test` builds first), as users load it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = join(__dirname, '../..');
const ETW_OR_XML = /[\\/](etw|saxes|xmlchars)[\\/]/;

/** The files a fresh Node.js process has loaded after `require(entry)`. */
function loadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 20000 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[];
}

/** Every relative module an ES module build file imports, statically, transitively. */
function esmGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    if (specifier.startsWith('.')) esmGraph(resolve(dirname(file), specifier), seen);
    else seen.add(specifier);
  }
  return seen;
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'build/cjs/index.js'))) throw new Error('build/ is missing: run npm run build first');
});

describe('the propagator entry', () => {
  it('loads no ETW module and not the XML parser (CommonJS, at run time)', () => {
    const loaded = loadedBy('./build/cjs/index.js');
    expect(loaded.some((file) => file.endsWith(join('build', 'cjs', 'index.js')))).toBe(true);
    expect(loaded.filter((file) => ETW_OR_XML.test(file))).toEqual([]);
  });

  it('imports no ETW module and not the XML parser (ES modules, the static graph)', () => {
    const graph = [...esmGraph(join(ROOT, 'build/esm/index.js'))];
    expect(graph.length).toBeGreaterThan(5);
    expect(graph.filter((file) => ETW_OR_XML.test(file) || file === 'saxes')).toEqual([]);
  });

  it('is told apart from /etw, which does load them (so the checks above can fail)', () => {
    expect(loadedBy('./build/cjs/etw/index.js').filter((file) => ETW_OR_XML.test(file)).length).toBeGreaterThan(3);
    expect([...esmGraph(join(ROOT, 'build/esm/etw/index.js'))]).toContain('saxes');
  });
});
