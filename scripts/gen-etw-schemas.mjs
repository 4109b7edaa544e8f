#!/usr/bin/env node
// Generates src/etw/schema/generated/*.ts from the provider manifests in ../shared/etw (or the directory given
// as the first argument). Run: node scripts/gen-etw-schemas.mjs [manifestDir]
// ETW_SCHEMA_OUT=dir writes elsewhere (the test that checks the committed tables are current uses it).
//
// Precedence where manifests disagree: the manifest of the real, older release (Windows 7 Http.sys
// `HTTP_Server.man`, .NET 4 `Microsoft.Windows.ApplicationServer.Applications.manifest`) defines every event it
// has; the Windows 10 dumps only add the (id, version) pairs it lacks. The real capture is Windows 7, so its
// events must decode by the Windows 7 layout. The Windows 10 dumps carry no outTypes: a field there takes the
// outType of a field with the same name and inType in the older manifest (RequestId -> HexInt64,
// RemoteAddr -> SocketAddress), else the inType's default rendering.
//
// The manifests are regular, machine-written XML; a small tag scanner is enough here at build time (the
// runtime XML reader uses a real parser).
import { existsSync, readFileSync, writeFileSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The nearest `shared/etw` above the repo (a worktree sits deeper than the main checkout). */
function defaultManifestDir() {
  for (let dir = join(root, '..'); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'shared', 'etw'))) return join(dir, 'shared', 'etw');
  }
  throw new Error('no shared/etw directory above the repository: pass the manifest directory as an argument');
}
const manifestDir = process.argv[2] ?? defaultManifestDir();
const outDir = process.env.ETW_SCHEMA_OUT ?? join(root, 'src', 'etw', 'schema', 'generated');
const LINES_PER_FILE = 240;

const PROVIDERS = [
  {
    slug: 'http-service',
    exportName: 'httpService',
    primary: 'HTTP_Server.man',
    secondary: 'Microsoft-Windows-HttpService.win10-18990.xml',
  },
  {
    slug: 'application-server',
    exportName: 'applicationServer',
    primary: 'Microsoft.Windows.ApplicationServer.Applications.manifest',
    secondary: 'Microsoft-Windows-ApplicationServer-Applications.win10-18990.xml',
  },
];

const STANDARD_LEVELS = { 'win:LogAlways': 0, 'win:Always': 0, 'win:Critical': 1, 'win:Error': 2, 'win:Warning': 3, 'win:Informational': 4, 'win:Verbose': 5 };
const STANDARD_OPCODES = {
  'win:Info': [0, 'Info'], 'win:Start': [1, 'Start'], 'win:Stop': [2, 'Stop'], 'win:DC_Start': [3, 'DC_Start'],
  'win:DC_Stop': [4, 'DC_Stop'], 'win:Extension': [5, 'Extension'], 'win:Reply': [6, 'Reply'],
  'win:Resume': [7, 'Resume'], 'win:Suspend': [8, 'Suspend'], 'win:Send': [9, 'Send'], 'win:Receive': [240, 'Receive'],
};
const IN_TYPES = new Set(['Int8', 'UInt8', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64', 'HexInt32', 'HexInt64', 'Float', 'Double', 'Boolean', 'Pointer', 'GUID', 'FILETIME', 'SYSTEMTIME', 'UnicodeString', 'AnsiString', 'Binary', 'SID']);

const OUT_TYPES = new Set(['HexInt32', 'HexInt64', 'SocketAddress', 'hexBinary', 'string', 'GUID', 'dateTime', 'boolean', 'byte', 'unsignedByte', 'short', 'unsignedShort', 'int', 'unsignedInt', 'long', 'unsignedLong', 'float', 'double']);

function readText(path) {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const unescape = (s) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]);

function attributes(source) {
  const out = {};
  for (const m of source.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = unescape(m[2]);
  return out;
}

/** Every element as { tag, attrs, parents } in document order (comments and declarations skipped). */
function* elements(text) {
  const stack = [];
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:[^>"]|"[^"]*")*?)(\/?)>/g)) {
    const [, closing, tag, rest, selfClosing] = m;
    if (closing) {
      stack.pop();
      continue;
    }
    yield { tag, attrs: attributes(rest), parents: stack.slice() };
    if (!selfClosing) stack.push({ tag, attrs: attributes(rest) });
  }
}

function parseManifest(path) {
  const m = { name: '', guid: '', keywords: {}, tasks: {}, opcodes: {}, strings: {}, templates: {}, events: [] };
  let template;
  for (const { tag, attrs, parents } of elements(readText(path))) {
    const parent = parents[parents.length - 1];
    if (tag === 'provider') [m.name, m.guid] = [attrs.name, attrs.guid.replace(/[{}]/g, '').toLowerCase()];
    else if (tag === 'keyword') m.keywords[attrs.name] = BigInt(attrs.mask);
    else if (tag === 'task') m.tasks[attrs.name] = { value: Number(attrs.value), message: attrs.message };
    else if (tag === 'opcode') {
      const task = parents.findLast((p) => p.tag === 'task');
      m.opcodes[task ? `${task.attrs.name}/${attrs.name}` : attrs.name] = { value: Number(attrs.value), message: attrs.message };
    } else if (tag === 'string' && parent?.tag === 'stringTable') m.strings[attrs.id] = attrs.value;
    else if (tag === 'template') template = m.templates[attrs.tid] = [];
    else if (tag === 'data' && parent?.tag === 'template') template.push(attrs);
    else if (tag === 'event' && attrs.value !== undefined && parent?.tag === 'events') m.events.push(attrs);
  }
  return m;
}

function message(m, ref, fallback) {
  const id = /^\$\(string\.(.*)\)$/.exec(ref ?? '')?.[1];
  return (id !== undefined && m.strings[id]) || fallback;
}

function fieldOf(data, inherit) {
  const inType = data.inType.replace(/^win:/, '');
  if (!IN_TYPES.has(inType)) throw new Error(`unknown inType ${data.inType} (${data.name})`);
  let outType = data.outType?.replace(/^(win|xs):/, '');
  if (outType === undefined) outType = inherit(data.name, inType);
  if (outType !== undefined && !OUT_TYPES.has(outType)) throw new Error(`unknown outType ${data.outType} (${data.name})`);
  const field = { name: data.name, inType };
  if (outType !== undefined && outType !== 'string') field.outType = outType;
  if (data.length !== undefined) field.length = /^\d+$/.test(data.length) ? Number(data.length) : data.length;
  if (data.count !== undefined) throw new Error(`arrays (count=) are not supported: ${data.name}`);
  return field;
}

function eventsOf(m, inherit) {
  return m.events.map((e) => {
    const task = m.tasks[e.task];
    const taskOpcode = e.task !== undefined ? m.opcodes[`${e.task}/${e.opcode}`] : undefined;
    const custom = taskOpcode ?? (e.opcode !== undefined ? m.opcodes[e.opcode] : undefined);
    const standard = STANDARD_OPCODES[e.opcode ?? 'win:Info'];
    if (custom === undefined && standard === undefined) throw new Error(`unknown opcode ${e.opcode} (event ${e.value})`);
    const opcodeName = custom ? message(m, custom.message, e.opcode) : standard[1];
    let keywords = 0n;
    for (const k of (e.keywords ?? '').split(/\s+/).filter(Boolean)) keywords |= m.keywords[k] ?? 0n;
    const symbol = e.symbol ?? '';
    return {
      id: Number(e.value),
      version: Number(e.version ?? 0),
      name: custom ? opcodeName : symbol || opcodeName,
      symbol,
      level: STANDARD_LEVELS[e.level ?? 'win:Informational'] ?? Number(e.level),
      task: task?.value ?? 0,
      taskName: task ? message(m, task.message, e.task) : '',
      opcode: custom ? custom.value : standard[0],
      opcodeName,
      keywords: `0x${keywords.toString(16).toUpperCase().padStart(16, '0')}`,
      fields: e.template ? m.templates[e.template].map((d) => fieldOf(d, inherit)) : [],
    };
  });
}

function mergeProvider(spec) {
  const primary = parseManifest(join(manifestDir, spec.primary));
  const secondary = parseManifest(join(manifestDir, spec.secondary));
  if (primary.guid !== secondary.guid) throw new Error(`${spec.slug}: manifests name different providers`);
  const outTypes = new Map();
  for (const t of Object.values(primary.templates)) {
    for (const d of t) if (d.outType) outTypes.set(`${d.name}/${d.inType.replace(/^win:/, '')}`, d.outType.replace(/^(win|xs):/, ''));
  }
  const inherit = (name, inType) => outTypes.get(`${name}/${inType}`);
  const events = new Map();
  const secondaryEvents = eventsOf(secondary, inherit);
  const symbols = new Map(secondaryEvents.map((e) => [`${e.id}/${e.version}`, e.symbol]));
  for (const e of eventsOf(primary, () => undefined)) {
    const symbol = e.symbol || symbols.get(`${e.id}/${e.version}`) || '';
    events.set(`${e.id}/${e.version}`, { ...e, symbol, name: e.name || symbol });
  }
  for (const e of secondaryEvents) if (!events.has(`${e.id}/${e.version}`)) events.set(`${e.id}/${e.version}`, e);
  const sorted = [...events.values()].sort((a, b) => a.id - b.id || a.version - b.version);
  return { name: primary.name, guid: primary.guid, events: sorted };
}

const literal = (value) => JSON.stringify(value).replace(/'/g, "\\'").replace(/^"|"$/g, "'").replace(/\\"/g, '"');

function objectLiteral(obj) {
  const parts = Object.entries(obj).map(([k, v]) => {
    if (Array.isArray(v)) return `${k}: [${v.map(objectLiteral).join(', ')}]`;
    return `${k}: ${typeof v === 'string' ? literal(v) : String(v)}`;
  });
  return `{ ${parts.join(', ')} }`;
}

const HEADER = '// Generated by scripts/gen-etw-schemas.mjs from the manifests in ../shared/etw. Do not edit.\n';

function writeProvider(spec, provider) {
  const lines = provider.events.map((e) => `  ${objectLiteral(e)},`);
  const files = [];
  for (let i = 0; i * LINES_PER_FILE < lines.length; i++) {
    const name = `${spec.slug}-${i + 1}`;
    const constName = `${spec.exportName}Events${i + 1}`;
    const body = lines.slice(i * LINES_PER_FILE, (i + 1) * LINES_PER_FILE).join('\n');
    writeFileSync(
      join(outDir, `${name}.ts`),
      `${HEADER}import type { EtwEventSchema } from '../types.js';\n\n/** Events ${i * LINES_PER_FILE + 1}.. of ${provider.name}. */\nexport const ${constName}: readonly EtwEventSchema[] = [\n${body}\n];\n`,
    );
    files.push({ name, constName });
  }
  return files;
}

mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (f.endsWith('.ts')) unlinkSync(join(outDir, f));
const imports = [];
const providers = [];
for (const spec of PROVIDERS) {
  const provider = mergeProvider(spec);
  const files = writeProvider(spec, provider);
  for (const f of files) imports.push(`import { ${f.constName} } from './${f.name}.js';`);
  providers.push(`  {\n    name: ${literal(provider.name)},\n    guid: ${literal(provider.guid)},\n    events: [${files.map((f) => `...${f.constName}`).join(', ')}],\n  },`);
  console.log(`${provider.name}: ${provider.events.length} events in ${files.length} file(s)`);
}
writeFileSync(
  join(outDir, 'index.ts'),
  `${HEADER}import type { EtwProviderSchema } from '../types.js';\n${imports.join('\n')}\n\n/** Every bundled provider schema. */\nexport const bundledProviders: readonly EtwProviderSchema[] = [\n${providers.join('\n')}\n];\n`,
);
