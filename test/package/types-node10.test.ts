// TypeScript's `node10` resolution (the default of `module: commonjs` projects, and every TypeScript
// before 4.7) ignores `exports`: subpaths such as `/sdk` resolve only through `typesVersions`. For every
// entry in `exports`, node10 must find the declarations that node16 finds for `require()`. Resolves
// against the built package (`npm test` builds first) through a node_modules link, as a user's project does.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
const entries = Object.keys(manifest.exports)
  .filter((subpath) => subpath !== './package.json')
  .map((subpath) => manifest.name + subpath.slice(1));

let project: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'build/cjs/index.d.ts'))) throw new Error('build/ is missing: run npm run build first');
  project = mkdtempSync(join(tmpdir(), 'types-node10-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules', manifest.name), 'dir');
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

function resolve(specifier: string, moduleResolution: ts.ModuleResolutionKind, module: ts.ModuleKind): string | undefined {
  const options: ts.CompilerOptions = { module, moduleResolution, resolveJsonModule: true };
  // As the compiler does: a file's module format (here require()) only exists for node16 and later.
  const mode = moduleResolution === ts.ModuleResolutionKind.Node10 ? undefined : ts.ModuleKind.CommonJS;
  const result = ts.resolveModuleName(specifier, join(project, 'index.ts'), options, ts.sys, undefined, undefined, mode);
  return result.resolvedModule?.resolvedFileName;
}

describe('typesVersions', () => {
  it('covers the entries sdk and register, besides the main one', () => {
    expect(entries).toEqual(expect.arrayContaining([manifest.name, `${manifest.name}/sdk`, `${manifest.name}/register`]));
  });

  it.each(entries)('%s: node10 finds the declarations node16 finds for require()', (specifier) => {
    const node16 = resolve(specifier, ts.ModuleResolutionKind.Node16, ts.ModuleKind.Node16);
    expect(node16).toMatch(/\/build\/cjs\/.+\.d\.ts$/);
    expect(resolve(specifier, ts.ModuleResolutionKind.Node10, ts.ModuleKind.CommonJS)).toBe(node16);
  });

  it('leaves the main entry and package.json where they are', () => {
    expect(resolve(manifest.name, ts.ModuleResolutionKind.Node10, ts.ModuleKind.CommonJS)).toBe(join(ROOT, 'build/cjs/index.d.ts'));
    expect(resolve(`${manifest.name}/package.json`, ts.ModuleResolutionKind.Node10, ts.ModuleKind.CommonJS)).toBe(join(ROOT, 'package.json'));
  });
});
