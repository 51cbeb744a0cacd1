// DuckDB-wasm in the browser: the engine runs in a Web Worker from bundles this app hosts itself (Vite copies the
// wasm and worker files into dist/assets), so nothing is fetched from a CDN and the app works offline.
// Callers get the same Database interface as Node (src/db/node-duckdb.ts).
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableToIPC, type Table } from 'apache-arrow';
import { arrowToRows } from './arrow-rows.ts';
import { yieldToPage } from './csv-lines.ts';
import type { Database, QueryParam, ResultRow } from './database.ts';
import type { FileData } from './file-data.ts';
import { changesSchema, StatementCache } from './statement-cache.ts';
import { startDuckDBWorker } from './worker-start.ts';
import type { StartedWorker } from './worker-start.ts';

export type EngineProgress =
  | { readonly stage: 'downloading-engine'; readonly bytesLoaded: number; readonly bytesTotal: number }
  | { readonly stage: 'starting-engine' };

const COPY_SLICE_BYTES = 8 << 20;

/** A copy of `bytes`, a few megabytes at a time with a yield to the page between. */
async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes.length);
  for (let at = 0; at < bytes.length; at += COPY_SLICE_BYTES) {
    copy.set(bytes.subarray(at, at + COPY_SLICE_BYTES), at);
    if (at + COPY_SLICE_BYTES < bytes.length) await yieldToPage();
  }
  return copy;
}

/**
 * Downloads and compiles the engine in the worker and opens an in-memory database. Call it at module load (before
 * React mounts) so the download overlaps everything else; pass the worker started by the entry chunk
 * (startDuckDBWorker) so its script is already loading.
 */
export async function openBrowserDatabase(
  onProgress?: (progress: EngineProgress) => void,
  started: StartedWorker = startDuckDBWorker(),
): Promise<Database> {
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), started.worker);
  onProgress?.({ stage: 'downloading-engine', bytesLoaded: 0, bytesTotal: 0 });
  await db.instantiate(started.mainModule, null, (p) => {
    onProgress?.({ stage: 'downloading-engine', bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal });
  });
  onProgress?.({ stage: 'starting-engine' });
  const conn = await db.connect();
  // The npm package ships no extensions and the app must never reach extensions.duckdb.org.
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  // Prepared statements reused by SQL text (statement-cache.ts). Closes are never awaited: the worker answers
  // messages in order, so awaiting a close would hold a query's rows back until every query sent after it had run
  // (the first chart would wait for the last). A close is only sent once no query is using the statement, so it
  // always follows that statement's queries in the worker's queue.
  const statements = new StatementCache<duckdb.AsyncPreparedStatement>(
    (sql) => conn.prepare(sql),
    (statement) => { statement.close().catch(() => undefined); },
  );

  return {
    async query<T extends ResultRow>(sql: string, params: readonly QueryParam[] = []): Promise<T[]> {
      if (params.length === 0) {
        // Loading replaces tables: statements prepared before are prepared afresh after it.
        if (changesSchema(sql)) statements.clear();
        return arrowToRows<T>(await conn.query(sql));
      }
      return statements.run(sql, async (statement) => arrowToRows<T>(await statement.query(...params)));
    },
    async registerFile(name: string, data: FileData): Promise<void> {
      // A Blob (a File the user chose) is handed to the worker as it is (a reference, not its bytes), and DuckDB
      // reads it there a slice at a time (FileReaderSync): neither the page nor the worker ever holds the whole file.
      if (!(data instanceof Uint8Array)) {
        await db.registerFileHandle(name, data, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
        return;
      }
      // registerFileBuffer transfers the buffer to the worker; a copy is sent so the caller's array stays usable
      // (the loader reads it again to find the line of a problem), made in slices so that copying a large file
      // never blocks the page for long.
      await db.registerFileBuffer(name, await copyInSlices(data));
    },
    async insertArrowTable(name: string, table: Table): Promise<void> {
      statements.clear();
      const [exists] = await arrowToRows<{ n: number }>(await conn.query(
        `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${name.replaceAll("'", "''")}'`));
      // Through IPC bytes made by this module's apache-arrow: duckdb-wasm's own copy may be another instance.
      await conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create: !exists?.n });
    },
    async copyFileToBuffer(name: string): Promise<Uint8Array> {
      return db.copyFileToBuffer(name);
    },
    async dropFile(name: string): Promise<void> {
      await db.dropFile(name);
    },
    async close(): Promise<void> {
      statements.clear();
      // The closes are sent from a microtask (statement-cache.ts): let them go before the connection's.
      await Promise.resolve();
      await conn.close();
      await db.terminate();
    },
  };
}
