import { bundledProviders } from './generated/index.js';
import type { EtwEventSchema, EtwProviderSchema } from './types.js';

interface ProviderIndex {
  readonly provider: EtwProviderSchema;
  /** Keyed by `id * 256 + version` (the version is one byte). */
  readonly events: ReadonlyMap<number, EtwEventSchema>;
}

let byGuid: Map<string, ProviderIndex> | undefined;

function index(): Map<string, ProviderIndex> {
  if (byGuid === undefined) {
    byGuid = new Map();
    for (const provider of bundledProviders) {
      byGuid.set(provider.guid, { provider, events: new Map(provider.events.map((e) => [e.id * 256 + e.version, e])) });
    }
  }
  return byGuid;
}

/** The bundled schema of a provider by its GUID (lowercase, no braces), `undefined` when none is bundled. */
export function findProviderSchema(providerGuid: string): EtwProviderSchema | undefined {
  return index().get(providerGuid)?.provider;
}

/** The bundled provider whose name is `name` (case-insensitive), `undefined` when none is bundled. */
export function findProviderSchemaByName(name: string): EtwProviderSchema | undefined {
  const lower = name.toLowerCase();
  return bundledProviders.find((p) => p.name.toLowerCase() === lower);
}

/**
 * The bundled schema of one event by provider GUID (lowercase, no braces), event id and version;
 * `undefined` when the provider or that (id, version) has none.
 */
export function findEventSchema(providerGuid: string, id: number, version: number): EtwEventSchema | undefined {
  return index().get(providerGuid)?.events.get(id * 256 + version);
}
