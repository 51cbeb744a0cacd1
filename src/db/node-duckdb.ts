// DuckDB-wasm under Node (vitest, the pipeline's `report` and `to-parquet` commands), through the package's
// blocking Node build. Only src/db imports duckdb-wasm; callers get the same Database interface as the browser.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { tableToIPC, type Table } from 'apache-arrow';
import type { Database, QueryParam, ResultRow } from './database.ts';
import { readAll, type FileData } from './file-data.ts';
import { arrowToRows } from './arrow-rows.ts';
import { changesSchema, StatementCache } from './statement-cache.ts';

const require = createRequire(import.meta.url);
type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as Blocking;

export async function openNodeDatabase(): Promise<Database> {
  const bundles = {
    mvp: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect();
  // The npm package ships no extensions (Parquet among them) and users' networks block their host: never fetch one.
  conn.query('SET autoinstall_known_extensions = false');
  // Prepared statements reused by SQL text, as in the browser (statement-cache.ts).
  type Prepared = ReturnType<typeof conn.prepare>;
  const statements = new StatementCache<Prepared>(
    (sql) => Promise.resolve().then(() => conn.prepare(sql)),
    (statement) => {
      try { statement.close(); } catch { /* already closed with its connection */ }
    },
  );
  return {
    async query<T extends ResultRow>(sql: string, params: readonly QueryParam[] = []): Promise<T[]> {
      if (params.length === 0) {
        // Loading replaces tables: statements prepared before are prepared afresh after it.
        if (changesSchema(sql)) statements.clear();
        return arrowToRows<T>(conn.query(sql));
      }
      return statements.run(sql, async (statement) => arrowToRows<T>(statement.query(...params)));
    },
    async registerFile(name: string, data: FileData): Promise<void> {
      db.registerFileBuffer(name, await readAll(data));
    },
    async insertArrowTable(name: string, table: Table): Promise<void> {
      statements.clear();
      const [exists] = arrowToRows<{ n: number }>(conn.query(
        `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${name.replaceAll("'", "''")}'`));
      // Through IPC bytes made by this module's apache-arrow: duckdb-wasm's own copy may be another instance.
      conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create: !exists?.n });
    },
    async copyFileToBuffer(name: string): Promise<Uint8Array> {
      return db.copyFileToBuffer(name);
    },
    async dropFile(name: string): Promise<void> {
      db.dropFile(name);
    },
    async close(): Promise<void> {
      statements.clear();
      // Closes are queued behind a resolved promise (statement-cache.ts): let them run before the connection goes.
      await Promise.resolve();
      conn.close();
      db.reset();
    },
  };
}

/** Registers a file from disk under its base name, so SQL can read it as read_csv('name'). */
export async function registerDiskFile(database: Database, name: string, path: string): Promise<void> {
  await database.registerFile(name, new Uint8Array(readFileSync(path)));
}
