// Opens DuckDB under Node and loads a folder of contract CSVs into it, exactly as the app does.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tableOfFile } from '../src/contract/index.ts';
import type { Database } from '../src/db/database.ts';
import { loadContractTables, type LoadedTables } from '../src/db/load-tables.ts';
import { openNodeDatabase } from '../src/db/node-duckdb.ts';
import { CliError } from './cli-error.ts';

const ENRICH_SQL = new URL('../src/db/enrich.sql', import.meta.url);

export async function loadDirectory(dir: string): Promise<{ db: Database; loaded: LoadedTables }> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir} is not a folder of CSV files`, 2);
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) {
    if (name.toLowerCase().endsWith('.csv') && tableOfFile(name)) files[name] = new Uint8Array(readFileSync(join(dir, name)));
  }
  const db = await openNodeDatabase();
  const loaded = await loadContractTables(db, files, { enrichSql: readFileSync(ENRICH_SQL, 'utf8') });
  return { db, loaded };
}
