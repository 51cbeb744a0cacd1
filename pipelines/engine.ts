// Which DuckDB the command line runs on: native DuckDB (@duckdb/node-api, the default: faster, Parquet built in) or
// the wasm build the browser ships (`--engine wasm`, for parity checks and the bench). Both sit behind the one
// Database interface and run the same .sql files through the same load path. Each engine's module is imported only
// when it is opened: the wasm build's JavaScript alone takes ≈ 0.35 s to import, which every native command paid.
import type { Database } from '../src/db/database.ts';
import { CliError } from './cli-error.ts';

export const ENGINES = ['native', 'wasm'] as const;
export type Engine = (typeof ENGINES)[number];
export const DEFAULT_ENGINE: Engine = 'native';

/** `--engine native|wasm`, default native. */
export function engineFlag(flags: Map<string, string>): Engine {
  const raw = flags.get('engine');
  if (raw === undefined) return DEFAULT_ENGINE;
  if (!(ENGINES as readonly string[]).includes(raw)) throw new CliError(`--engine must be native or wasm (got ${raw})`, 2);
  return raw as Engine;
}

export async function openEngine(engine: Engine = DEFAULT_ENGINE): Promise<Database> {
  if (engine === 'native') return (await import('../src/db/native-duckdb.ts')).openNativeDatabase();
  return (await import('../src/db/node-duckdb.ts')).openNodeDatabase();
}
