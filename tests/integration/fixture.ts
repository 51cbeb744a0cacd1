// A tiny hand-made area for query tests: three schools, a dozen referrals, worked out by hand in each test.
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from '../../src/db/database.ts';
import { loadContractTables } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { countQuery, type CountQuery } from '../../src/disclosure/index.ts';
import { createQueryRunner, type RunQuery } from '../../src/queries/index.ts';
import { diskSql } from '../../src/queries/node-sql.ts';

export const enrichSql = readFileSync(new URL('../../src/db/enrich.sql', import.meta.url), 'utf8');

const encode = (text: string) => new TextEncoder().encode(text);

const SAMPLE = new URL('../../sample-data/', import.meta.url);

/** The shipped sample data's contract CSVs (sample-data/), by file name. */
export function sampleFiles(): Record<string, string> {
  return Object.fromEntries(readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(new URL(f, SAMPLE), 'utf8')]));
}

/** `run` returns the SQL's rows as they are (for query tests); `count` is the runner the analytics layer gets. */
export async function openWith(files: Record<string, string>): Promise<{ db: Database; run: RunQuery; count: CountQuery }> {
  const db = await openNodeDatabase();
  await loadContractTables(db, Object.fromEntries(Object.entries(files).map(([k, v]) => [k, encode(v)])), { enrichSql });
  const run = createQueryRunner((sql, params) => db.query(sql, params), diskSql);
  return { db, run, count: countQuery(run) };
}

export async function reload(db: Database, files: Record<string, string>): Promise<void> {
  await loadContractTables(db, Object.fromEntries(Object.entries(files).map(([k, v]) => [k, encode(v)])), { enrichSql });
}
