// Opens DuckDB under Node and loads a folder of contract CSVs into it, exactly as the app does.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { tableOfFile } from '../src/contract/index.ts';
import { openParquet } from '../src/contract/parquet-records.ts';
import type { Database } from '../src/db/database.ts';
import { loadContractTables, type LoadedTables } from '../src/db/load-tables.ts';
import { openNodeDatabase } from '../src/db/node-duckdb.ts';
import { CliError } from './cli-error.ts';

const ENRICH_SQL = new URL('../src/db/enrich.sql', import.meta.url);

/** A Parquet file (as written by `to-parquet`) as the contract CSV it stands for: DuckDB-wasm here has no Parquet reader. */
export async function parquetAsCsv(bytes: Uint8Array): Promise<Uint8Array> {
  const table = openParquet(bytes);
  const rows: string[][] = [];
  for await (const batch of table.batches) for (const record of batch) rows.push(record.cells);
  return new TextEncoder().encode(Papa.unparse({ fields: table.header, data: rows }, { newline: '\n' }));
}

export async function loadDirectory(dir: string): Promise<{ db: Database; loaded: LoadedTables }> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir} is not a folder of CSV or Parquet files`, 2);
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) {
    const table = tableOfFile(name);
    if (!table) continue;
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    if (files[table.file]) throw new CliError(`${dir} holds ${table.name} twice (as CSV and Parquet): keep one`, 2);
    if (name.toLowerCase().endsWith('.csv')) files[table.file] = bytes;
    else if (name.toLowerCase().endsWith('.parquet')) files[table.file] = await parquetAsCsv(bytes);
  }
  const db = await openNodeDatabase();
  const loaded = await loadContractTables(db, files, { enrichSql: readFileSync(ENRICH_SQL, 'utf8') });
  return { db, loaded };
}
