// Native DuckDB under Node (@duckdb/node-api 1.4.3, the DuckDB inside duckdb-wasm 1.32, with Parquet built in) for
// the command line: `report`, `validate`, `to-parquet` and `anonymise` run on it by default (`--engine wasm` runs
// them on the wasm build instead, src/db/node-duckdb.ts). Callers get the same Database interface and the same
// plain rows as the wasm engines (src/db/arrow-rows.ts):
//   - `?` parameters bound as duckdb-wasm binds them (every number as DOUBLE);
//   - BIGINT/HUGEINT → number, DECIMAL → Number(text) / 10^scale, DATE → yyyy-mm-dd, TIMESTAMP → ISO text.
// Native DuckDB has no in-memory file registry: registerFile writes the bytes to a private temporary folder
// (removed on close) that is DuckDB's file_search_path, so read_csv('name') in the shared SQL works unchanged.
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  DuckDBDateValue, DuckDBDecimalValue, DuckDBInstance, DuckDBTimestampValue, type DuckDBAppender,
  type DuckDBPreparedStatement, type DuckDBValue,
} from '@duckdb/node-api';
import type { DataType, Table } from 'apache-arrow';
import type { Database, QueryParam, ResultRow, ResultValue } from './database.ts';
import { readAll, type FileData } from './file-data.ts';
import { ident, sqlString } from '../contract/sql-checks.ts';

const MS_PER_DAY = 86_400_000;

/** One native value as arrowToRows gives the same value from duckdb-wasm. */
function plain(value: DuckDBValue): ResultValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof DuckDBDateValue) return new Date(value.days * MS_PER_DAY).toISOString().slice(0, 10);
  if (value instanceof DuckDBTimestampValue) return new Date(Number(value.micros / 1000n)).toISOString();
  if (value instanceof DuckDBDecimalValue) return Number(String(value.value)) / 10 ** value.scale;
  return String(value);
}

function bind(statement: DuckDBPreparedStatement, params: readonly QueryParam[]): void {
  params.forEach((p, i) => {
    const at = i + 1;
    if (p === null) statement.bindNull(at);
    else if (typeof p === 'boolean') statement.bindBoolean(at, p);
    else if (typeof p === 'string') statement.bindVarchar(at, p);
    else statement.bindDouble(at, p);
  });
}

type Append = (appender: DuckDBAppender, value: unknown) => void;

/** The SQL type and appender call for one Arrow column (the load path inserts text columns; a few more for safety). */
function arrowColumn(type: DataType, { DataType }: typeof import('apache-arrow')): { sql: string; append: Append } {
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return { sql: 'VARCHAR', append: (a, v) => a.appendVarchar(String(v)) };
  if (DataType.isBool(type)) return { sql: 'BOOLEAN', append: (a, v) => a.appendBoolean(Boolean(v)) };
  if (DataType.isInt(type)) return { sql: 'BIGINT', append: (a, v) => a.appendBigInt(BigInt(v as number | bigint)) };
  if (DataType.isFloat(type)) return { sql: 'DOUBLE', append: (a, v) => a.appendDouble(Number(v)) };
  if (DataType.isDate(type)) {
    return { sql: 'DATE', append: (a, v) => a.appendDate(new DuckDBDateValue(Math.floor(Number(v instanceof Date ? v.getTime() : v) / MS_PER_DAY))) };
  }
  throw new Error(`insertArrowTable: Arrow type ${String(type)} is not supported by the native engine`);
}

export async function openNativeDatabase(): Promise<Database & { readonly readsParquet: true; readonly writesParquet: true }> {
  const files = mkdtempSync(join(tmpdir(), 'tee-native-'));
  const instance = await DuckDBInstance.create(':memory:', {
    // Parquet and CSV are built in; never fetch an extension from the network.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await instance.connect();
  await conn.run(`SET file_search_path = ${sqlString(files)}`);
  // duckdb-wasm has no ICU and works in UTC; so does this engine, whatever the machine's time zone.
  await conn.run("SET TimeZone = 'UTC'");
  // Registered names are plain file names inside the private folder: never a path that could reach a user's file.
  const pathOf = (name: string) => {
    if (name !== basename(name) || name === '..' || name === '.' || name === '') throw new Error(`registerFile: ${name} must be a plain file name`);
    return join(files, name);
  };

  const rowsOf = async <T extends ResultRow>(run: () => Promise<{ columnNames(): string[]; getRows(): DuckDBValue[][] }>): Promise<T[]> => {
    const reader = await run();
    const names = reader.columnNames();
    return reader.getRows().map((values) => {
      const row: ResultRow = {};
      names.forEach((name, c) => { row[name] = plain(values[c] ?? null); });
      return row as T;
    });
  };

  return {
    readsParquet: true,
    writesParquet: true,
    async query<T extends ResultRow>(sql: string, params: readonly QueryParam[] = []): Promise<T[]> {
      if (params.length === 0) return rowsOf<T>(() => conn.runAndReadAll(sql));
      const statement = await conn.prepare(sql);
      try {
        bind(statement, params);
        return await rowsOf<T>(() => statement.runAndReadAll());
      } finally {
        statement.destroySync();
      }
    },
    async registerFile(name: string, data: FileData): Promise<void> {
      writeFileSync(pathOf(name), await readAll(data));
    },
    async insertArrowTable(name: string, table: Table): Promise<void> {
      // apache-arrow only here: importing it costs every command line process ≈ 0.4 s, and only this call needs it.
      const arrow = await import('apache-arrow');
      const fields = table.schema.fields;
      const columns = fields.map((f) => arrowColumn(f.type, arrow));
      await conn.run(`CREATE TABLE IF NOT EXISTS ${ident(name)} (${fields.map((f, i) => `${ident(f.name)} ${columns[i]?.sql}`).join(', ')})`);
      const appender = await conn.createAppender(name);
      try {
        const vectors = fields.map((f) => table.getChild(f.name));
        for (let r = 0; r < table.numRows; r++) {
          fields.forEach((_, c) => {
            const value: unknown = vectors[c]?.get(r);
            if (value === null || value === undefined) appender.appendNull();
            else columns[c]?.append(appender, value);
          });
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    async copyFileToBuffer(name: string): Promise<Uint8Array> {
      return new Uint8Array(readFileSync(pathOf(name)));
    },
    async dropFile(name: string): Promise<void> {
      try { unlinkSync(pathOf(name)); } catch { /* already gone */ }
    },
    async close(): Promise<void> {
      try {
        conn.closeSync();
        instance.closeSync();
      } finally {
        rmSync(files, { recursive: true, force: true });
      }
    },
  };
}
