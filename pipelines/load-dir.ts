// Opens DuckDB under Node (native by default, or the wasm build: pipelines/engine.ts) and loads a folder of contract CSV or Parquet files into it through the app's own load
// path (src/db/load-tables.ts): the same checks, the same refusals, the same tables.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tableOfFile } from '../src/contract/index.ts';
import type { Database } from '../src/db/database.ts';
import { ContractRefusal, loadContractTables, type LoadOptions, type LoadedTables } from '../src/db/load-tables.ts';
import { CliError } from './cli-error.ts';
import { openEngine, type Engine } from './engine.ts';

const ENRICH_SQL = new URL('../src/db/enrich.sql', import.meta.url);

export function enrichSql(): string {
  return readFileSync(ENRICH_SQL, 'utf8');
}

/** The contract files in `dir` (CSV or Parquet), keyed by their path so every problem names the file as given. */
export function readContractDirectory(dir: string): Record<string, Uint8Array> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir} is not a folder of CSV or Parquet files`, 2);
  const files: Record<string, Uint8Array> = {};
  const seen = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const table = tableOfFile(name);
    if (!table || !/\.(csv|parquet)$/i.test(name)) continue;
    const other = seen.get(table.name);
    if (other) throw new CliError(`${dir} holds ${table.name} twice (${other} and ${name}): keep one`, 2);
    seen.set(table.name, name);
    files[join(dir, name)] = new Uint8Array(readFileSync(join(dir, name)));
  }
  return files;
}

/** Prints a refusal as the CLI does: every problem as `file:line: column: problem`, then exit 1. */
export function refusalError(error: ContractRefusal, maxLines = 200): CliError {
  const lines = error.problems.slice(0, maxLines);
  const more = error.problems.length - lines.length;
  return new CliError(`${error.summary}:\n${lines.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`, 1);
}

/** Loads `dir` on `engine`: the wasm build by default, as the browser runs it (tests); commands pass --engine's choice. */
export async function loadDirectory(dir: string, options: Omit<LoadOptions, 'enrichSql'> = {}, engine: Engine = 'wasm'): Promise<{ db: Database; loaded: LoadedTables }> {
  const files = readContractDirectory(dir);
  const db = await openEngine(engine);
  try {
    const loaded = await loadContractTables(db, files, { ...options, enrichSql: enrichSql() });
    return { db, loaded };
  } catch (error) {
    await db.close();
    if (error instanceof ContractRefusal) throw refusalError(error);
    throw error;
  }
}
