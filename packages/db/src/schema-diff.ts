import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget } from '@prisma/schema-engine-wasm';

/**
 * SQL that takes a database from one Prisma schema to another, computed by Prisma's own schema
 * engine in its WebAssembly build (the native binary cannot be downloaded on these machines).
 * Schema to schema: the engine connects to `databaseUrl` but reads none of its tables (its live
 * introspection fails on PostgreSQL's "char" columns).
 */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: unknown } }>;
}
type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let bindingsOnce: Promise<Bindings> | undefined;

// The wasm-bindgen glue keeps its instance in module state, so the module is set up once a process.
function loadSchemaEngine(): Promise<Bindings> {
  bindingsOnce ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const { instance } = await wasm.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': bindings });
    const exports = instance.exports as unknown as { __wbindgen_start(): void };
    (bindings as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bindings;
  })();
  return bindingsOnce;
}

export async function diffSchemas(from: string | null, to: string, databaseUrl: string): Promise<string> {
  const bindings = await loadSchemaEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await bindings.SchemaEngine.new({ datamodels: [['schema.prisma', to]] }, () => {}, adapter);
  const target = (content: string | null): DiffTarget =>
    content === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] };
  const result = await engine.diff({
    from: target(from),
    to: target(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  engine.free();
  return result.stdout ?? '';
}
