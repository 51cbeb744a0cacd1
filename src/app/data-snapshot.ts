// A snapshot of a data set that has passed every check: the four contract tables exactly as loaded (DuckDB's own
// CSV export with each column's type, which reads back value for value) and the load's outcome. Opening one skips
// the checks (they passed when it was made) and rebuilds the derived tables with enrich.sql, as a load does, so it
// is several times faster than loading the files again. Made by the one load path: for the sample at build time
// (vite.config.ts runs loadContractTables under Node and exports it), for the user's files right after they load
// (kept on their device beside the files, src/app/stored-data.ts). A snapshot made under another version of the data
// contract is refused (SnapshotMismatch): the caller loads the files through the checks instead. Uses only the
// Database interface, so it runs in the browser's worker and under Node alike. The manifest carries a digest of the
// tables (the data's identity), and a snapshot may carry the first view's stored answers for that digest
// (src/app/stored-answers.ts), which start-up computes the first figures from before the engine is ready.
import { TABLES, TABLE_NAMES, type TableName } from '../contract/index.ts';
import { ident, sqlString } from '../contract/sql-checks.ts';
import type { Database } from '../db/database.ts';
import { replaceTablesAndDerive, type LoadedTables } from '../db/load-tables.ts';
import type { SqlSource } from '../queries/index.ts';
import { firstViewAnswers } from './first-view.ts';
import type { StoredAnswers } from './stored-answers.ts';

const FORMAT = 1;

export interface SnapshotColumn {
  readonly name: string;
  /** DuckDB's type name, e.g. VARCHAR, DATE, INTEGER. */
  readonly type: string;
}

export interface SnapshotManifest {
  readonly format: typeof FORMAT;
  /** The data contract the tables were checked against (contractKey()). */
  readonly contract: string;
  readonly columns: Record<TableName, readonly SnapshotColumn[]>;
  /** What the load found (row counts, absent tables, the clean report). */
  readonly loaded: LoadedTables;
  /** SHA-256 of the tables' bytes (tablesDigest()): the data's identity, which stored answers are keyed by. */
  readonly digest?: string;
}

export interface Snapshot {
  readonly manifest: SnapshotManifest;
  /** Each table as CSV bytes (with a header line). */
  readonly tables: Record<TableName, Uint8Array>;
  /** The first view's figures' query answers on this data (src/app/stored-answers.ts), when they were made. */
  readonly answers?: StoredAnswers;
}

/** A snapshot made under another data contract (or broken): load the files through the checks instead. */
export class SnapshotMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotMismatch';
  }
}

/** The data contract's columns and rules (not their descriptions), as one string: a snapshot opens only under the same. */
export function contractKey(): string {
  return JSON.stringify(TABLE_NAMES.map((name) => [name, TABLES[name].columns.map(({ description: _d, ...rule }) => rule)]));
}

/** The file name of a table in a snapshot (in DuckDB's file system while it is made or opened, and in OPFS). */
export const snapshotFile = (table: TableName) => `tee-snapshot-${table}.csv`;

/** The file name of a shipped snapshot's manifest (the sample's, beside its tables in sample-data/). */
export const SNAPSHOT_MANIFEST = 'snapshot.json';

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 over each table's name and the SHA-256 of its bytes, in the contract's table order. */
export async function tablesDigest(tables: Record<TableName, Uint8Array>): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLE_NAMES) parts.push(`${table}:${hex(await crypto.subtle.digest('SHA-256', tables[table] as Uint8Array<ArrayBuffer>))}`);
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n'))));
}

let made = 0;
/** A name no other export or open uses, in this database or (under Node, where DuckDB-wasm writes to disk) another. */
const scratchName = (table: TableName, dir: string) => `${dir}tee-scratch-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${++made}-${table}.csv`;

/**
 * The snapshot of the data set loaded now (call right after loadContractTables, with its outcome). Under Node, pass a
 * folder of one's own (ending in /) for `scratchDir`: DuckDB-wasm's Node build writes the export there on disk.
 * With `sql` (where the query files are read from), the snapshot also carries the first view's stored answers.
 */
export async function exportSnapshot(db: Database, loaded: LoadedTables, scratchDir = '', sql?: SqlSource): Promise<Snapshot> {
  const columns = {} as Record<TableName, SnapshotColumn[]>;
  const tables = {} as Record<TableName, Uint8Array>;
  for (const table of TABLE_NAMES) {
    const described = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${ident(table)}`);
    columns[table] = described.map((c) => ({ name: c.column_name, type: c.column_type }));
    const file = scratchName(table, scratchDir);
    await db.query(`COPY ${ident(table)} TO ${sqlString(file)} (FORMAT CSV, HEADER)`);
    try {
      tables[table] = await db.copyFileToBuffer(file);
    } finally {
      await db.dropFile(file).catch(() => undefined);
    }
  }
  const digest = await tablesDigest(tables);
  const answers = sql ? await firstViewAnswers(db, sql, digest) : undefined;
  return { manifest: { format: FORMAT, contract: contractKey(), columns, loaded, digest }, tables, ...(answers ? { answers } : {}) };
}

/** Whether `value` is a snapshot manifest this version can open (the same contract). */
export function snapshotProblem(manifest: unknown): string | null {
  const m = manifest as Partial<SnapshotManifest> | null;
  if (!m || m.format !== FORMAT || !m.columns || !m.loaded) return 'it is not a snapshot this version can read';
  if (m.contract !== contractKey()) return 'it was checked against another version of the data contract';
  return null;
}

/**
 * Replaces the tables in use with the snapshot's and rebuilds the derived tables, in one transaction; returns the
 * load's outcome as it was when the snapshot was made. On any failure nothing changes and it throws.
 */
export async function openSnapshot(db: Database, snapshot: Snapshot, enrichSql: string): Promise<LoadedTables> {
  const problem = snapshotProblem(snapshot.manifest);
  if (problem) throw new SnapshotMismatch(`The saved copy could not be opened: ${problem}`);
  const { columns } = snapshot.manifest;
  const files = Object.fromEntries(TABLE_NAMES.map((table) => [table, scratchName(table, '')])) as Record<TableName, string>;
  for (const table of TABLE_NAMES) {
    if (!snapshot.tables[table] || !columns[table]?.length) throw new SnapshotMismatch(`The saved copy has no ${table} table`);
    await db.registerFile(files[table], snapshot.tables[table]);
  }
  try {
    await replaceTablesAndDerive(db, enrichSql, async (table) => {
      const spec = columns[table].map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
      // Typed as exported, no sniffing; a quoted "" stays an empty string, a bare empty cell is NULL.
      await db.query(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM read_csv(${sqlString(files[table])}, `
        + `columns = {${spec}}, header = true, auto_detect = false, allow_quoted_nulls = false)`);
    });
  } finally {
    for (const table of TABLE_NAMES) await db.dropFile(files[table]).catch(() => undefined);
  }
  return snapshot.manifest.loaded;
}
