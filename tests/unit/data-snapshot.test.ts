// The snapshot of a checked data set (src/app/data-snapshot.ts), on real DuckDB-wasm under Node: opened in another
// database it gives every contract table and every derived table back row for row (compared with EXCEPT ALL both ways
// against the database the files were loaded into); one made under another contract is refused and changes nothing;
// the session opens the sample's snapshot instead of checking the sample's files, and falls back to the files when
// the snapshot does not open.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataSession } from '../../src/app/data-session.ts';
import { SnapshotMismatch, exportSnapshot, openSnapshot, snapshotFile, type Snapshot } from '../../src/app/data-snapshot.ts';
import { TABLE_NAMES } from '../../src/contract/index.ts';
import type { Database } from '../../src/db/database.ts';
import { loadContractTables } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { cleanSet } from './load-corpus.ts';

const enrichSql = readFileSync('src/db/enrich.sql', 'utf8');
// DuckDB-wasm under Node writes exports to disk: into a folder of this test's own.
const scratch = `${mkdtempSync(join(tmpdir(), 'tee-snapshot-test-'))}/`;
const encode = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([n, t]) => [n, new TextEncoder().encode(t)]));
const SAMPLE = ['schools.csv', 'referrals.csv', 'provision.csv', 'workforce.csv'];
const sampleFiles = () => Object.fromEntries(SAMPLE.map((n) => [n, new Uint8Array(readFileSync(`sample-data/${n}`))]));

/** The tables and (user) views of `db`: referrals_enriched is a view. */
async function tablesOf(db: Database): Promise<string[]> {
  return (await db.query<{ t: string }>("SELECT table_name AS t FROM duckdb_tables() WHERE NOT table_name LIKE 'tee_%' "
    + 'UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary ORDER BY 1')).map((r) => r.t);
}

/** Rows of `table` in `from` not in `to` (as CSV bytes copied across), both ways. */
async function differences(from: Database, to: Database, table: string): Promise<number> {
  await from.query(`COPY (SELECT * FROM "${table}") TO '${scratch}cmp-${table}.csv' (FORMAT CSV, HEADER)`);
  const cols = await from.query<{ column_name: string; column_type: string }>(`DESCRIBE "${table}"`);
  await to.registerFile(`cmp-${table}.csv`, await from.copyFileToBuffer(`${scratch}cmp-${table}.csv`));
  // An ENUM column (wait_facts) is read back as its text, which compares equal to the ENUM's values.
  const spec = cols.map((c) => `'${c.column_name}': '${c.column_type.startsWith('ENUM(') ? 'VARCHAR' : c.column_type}'`).join(', ');
  const other = `read_csv('cmp-${table}.csv', columns = {${spec}}, header = true, auto_detect = false, allow_quoted_nulls = false)`;
  const [row] = await to.query<{ n: number }>(`SELECT ((SELECT count(*) FROM (SELECT * FROM "${table}" EXCEPT ALL SELECT * FROM ${other}))
    + (SELECT count(*) FROM (SELECT * FROM ${other} EXCEPT ALL SELECT * FROM "${table}")))::INTEGER AS n`);
  return row?.n ?? -1;
}

describe('data snapshot', () => {
  it('opens in another database as the same tables, row for row, derived tables included', async () => {
    const source = await openNodeDatabase();
    const loaded = await loadContractTables(source, sampleFiles(), { enrichSql });
    const snapshot = await exportSnapshot(source, loaded, scratch);
    const target = await openNodeDatabase();
    expect(await openSnapshot(target, snapshot, enrichSql)).toEqual(loaded);
    const tables = await tablesOf(source);
    expect(tables).toEqual(expect.arrayContaining([...TABLE_NAMES, 'referrals_enriched', 'referral_keys']));
    expect(await tablesOf(target)).toEqual(tables);
    for (const table of tables) expect({ table, differences: await differences(source, target, table) }).toEqual({ table, differences: 0 });
    // The sample's referrals have blank optional cells: NULL stays NULL.
    const [nulls] = await target.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM referrals WHERE discharge_date IS NULL');
    expect(nulls?.n).toBeGreaterThan(0);
  });

  it('refuses a snapshot made under another data contract and leaves the tables in use', async () => {
    const db = await openNodeDatabase();
    const loaded = await loadContractTables(db, encode(cleanSet()), { enrichSql });
    const snapshot = await exportSnapshot(db, loaded, scratch);
    const other: Snapshot = { ...snapshot, manifest: { ...snapshot.manifest, contract: '[]' } };
    await expect(openSnapshot(db, other, enrichSql)).rejects.toBeInstanceOf(SnapshotMismatch);
    const broken: Snapshot = { ...snapshot, tables: { ...snapshot.tables, referrals: new TextEncoder().encode('referral_id\nx\n') } };
    await expect(openSnapshot(db, broken, enrichSql)).rejects.toThrow();
    const [row] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM referrals');
    expect(row?.n).toBe(loaded.rowCounts.referrals);
    expect(snapshotFile('referrals')).toBe('tee-snapshot-referrals.csv');
  });

  it('lets the session open the sample from its snapshot, and from its files when the snapshot does not open', async () => {
    const maker = await openNodeDatabase();
    const snapshot = await exportSnapshot(maker, await loadContractTables(maker, encode(cleanSet()), { enrichSql }), scratch);
    let fileFetches = 0;
    const files = () => { fileFetches += 1; return Promise.resolve(encode(cleanSet())); };
    const fast = new DataSession(enrichSql);
    await fast.start(openNodeDatabase(), { files, snapshot: () => Promise.resolve({ snapshot, fileNames: ['schools.csv'] }) });
    const state = fast.getState();
    expect(state.status === 'ready' && state.data.fileNames).toEqual(['schools.csv']);
    expect(fileFetches).toBe(0);
    const stale: Snapshot = { ...snapshot, manifest: { ...snapshot.manifest, contract: '[]' } };
    const slow = new DataSession(enrichSql);
    await slow.start(openNodeDatabase(), { files, snapshot: () => Promise.resolve({ snapshot: stale, fileNames: ['schools.csv'] }) });
    const after = slow.getState();
    expect(after.status === 'ready' && after.data.fileNames).toEqual(Object.keys(cleanSet()).sort());
    expect(fileFetches).toBe(1);
  });
});
