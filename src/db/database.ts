// The one interface every caller talks to DuckDB through, in the browser (worker) and in Node.
import type { Table } from 'apache-arrow';
import type { FileData } from './file-data.ts';

export type QueryParam = string | number | boolean | null;
export type ResultValue = string | number | boolean | null;
export type ResultRow = Record<string, ResultValue>;

export interface Database {
  /** Runs one statement with positional `?` parameters and returns plain rows (numbers, strings, ISO dates). */
  query<T extends ResultRow = ResultRow>(sql: string, params?: readonly QueryParam[]): Promise<T[]>;
  /**
   * Makes a file readable by SQL under `name` (e.g. read_csv('referrals.csv')): bytes, or a Blob, which the browser's
   * engine reads a slice at a time without a copy (the Node engines read it whole first).
   */
  registerFile(name: string, data: FileData): Promise<void>;
  /** Appends an Arrow table's rows to the table `name`, creating it if it does not exist. */
  insertArrowTable(name: string, table: Table): Promise<void>;
  copyFileToBuffer(name: string): Promise<Uint8Array>;
  dropFile(name: string): Promise<void>;
  close(): Promise<void>;
  /** Set by engines with DuckDB's Parquet reader (native): the load path reads Parquet with read_parquet directly. */
  readonly readsParquet?: boolean;
  /**
   * Set by engines that can write Parquet with DuckDB's own writer (native): `COPY … TO '<absolute path>'
   * (FORMAT parquet)` writes straight to the machine's disk. The wasm build has no Parquet writer.
   */
  readonly writesParquet?: boolean;
}
