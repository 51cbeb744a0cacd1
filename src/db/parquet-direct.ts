// Parquet straight into the staging table with DuckDB's own read_parquet, for engines that have it (native DuckDB:
// `Database.readsParquet`). The result must be the table the hyparquet path (src/db/stage-table.ts, stageParquet)
// builds — every contract column as the text src/contract/parquet-records.ts gives it, a blank as NULL, missing
// columns NULL, rows in file order — so the same checks give the same refusals. The text of each Parquet type is
// built in SQL to match parquetCellText (JavaScript's String()) exactly; a file with a column of any other type
// (DECIMAL, TIMESTAMP, BLOB, nested …) gives null (parquetTextSource) and is read the hyparquet way instead.
import type { TableSpec } from '../contract/index.ts';
import { ident, sqlString } from '../contract/sql-checks.ts';
import type { Database } from './database.ts';

const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT']);

/**
 * A DOUBLE as JavaScript's String(number) writes it. DuckDB's own text is the same shortest round-trip digits,
 * but writes whole numbers with ".0", and uses an exponent from 1e16 and below 1e-4 (JavaScript: from 1e21 and
 * below 1e-6) and pads it to two digits.
 */
export function jsNumberTextSql(x: string): string {
  const t = `CAST(${x} AS VARCHAR)`;
  const mantissa = `split_part(${t}, 'e', 1)`;
  const exponent = `CAST(split_part(${t}, 'e', 2) AS INTEGER)`;
  const sign = `CASE WHEN ${x} < 0 THEN '-' ELSE '' END`;
  const digits = `replace(ltrim(${mantissa}, '-'), '.', '')`;
  return `CASE WHEN ${x} IS NULL THEN NULL WHEN isnan(${x}) THEN 'NaN' `
    + `WHEN isinf(${x}) THEN CASE WHEN ${x} > 0 THEN 'Infinity' ELSE '-Infinity' END WHEN ${x} = 0 THEN '0' `
    + `WHEN NOT contains(${t}, 'e') THEN CASE WHEN suffix(${t}, '.0') THEN left(${t}, -2) ELSE ${t} END `
    + `WHEN ${exponent} >= 21 OR ${exponent} <= -7 THEN ${mantissa} || 'e' || CASE WHEN ${exponent} > 0 THEN '+' ELSE '-' END || CAST(abs(${exponent}) AS VARCHAR) `
    + `WHEN ${exponent} > 0 THEN ${sign} || rpad(${digits}, ${exponent} + 1, '0') `
    + `ELSE ${sign} || '0.' || repeat('0', -${exponent} - 1) || ${digits} END`;
}

/** One column of a Parquet file (its DuckDB type) as the text parquetCellText gives, or null for a type not handled. */
function textOf(column: string, type: string): string | null {
  const c = ident(column);
  if (type === 'VARCHAR') return c;
  if (type === 'BOOLEAN') return `CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' END`;
  if (INTEGER_TYPES.has(type)) return `CAST(${c} AS VARCHAR)`;
  if (type === 'DATE') return `CASE WHEN year(${c}) BETWEEN 1 AND 9999 THEN CAST(${c} AS VARCHAR) END`;
  if (type === 'DOUBLE' || type === 'FLOAT') return jsNumberTextSql(`CAST(${c} AS DOUBLE)`);
  return null;
}

/** The name a table's Parquet file is registered under in the engine. */
export const parquetEngineName = (table: TableSpec) => `_upload_${table.name}.parquet`;

/** What parquetTextSource gives: the SQL, and the contract columns that are text in the file. */
export interface ParquetTextSource {
  /** SQL of a relation of every contract column as text, read from the file with read_parquet. */
  readonly sql: string;
  /**
   * The contract columns the file holds as VARCHAR: only these may hold a control character or a cell that starts
   * or ends with what trim() removes (the text this module makes of every other type never does), so the one pass
   * looks for those in these columns alone.
   */
  readonly textColumns: ReadonlySet<string>;
}

/**
 * Registers a Parquet file (its column names as hyparquet reads them: `header`) in the engine and returns the SQL of
 * a relation of every contract column as text, read from it with read_parquet (the caller drops the file:
 * parquetEngineName) — or null, with nothing registered, when the file has two columns of one name (DuckDB would
 * rename one) or a contract column of a type this path does not render exactly as the hyparquet path does.
 */
export async function parquetTextSource(db: Database, table: TableSpec, header: readonly string[], bytes: Uint8Array): Promise<ParquetTextSource | null> {
  if (new Set(header).size !== header.length) return null;
  const fileName = parquetEngineName(table);
  await db.registerFile(fileName, bytes);
  const source = `read_parquet(${sqlString(fileName)})`;
  const described = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${source}`)
    .catch(async (error: unknown) => { await db.dropFile(fileName).catch(() => undefined); throw error; });
  const types = new Map(described.map((d) => [d.column_name, d.column_type]));
  const select: string[] = [];
  const textColumns = new Set<string>();
  for (const c of table.columns) {
    const type = types.get(c.name);
    if (type === undefined) { select.push(`CAST(NULL AS VARCHAR) AS ${ident(c.name)}`); continue; }
    const text = textOf(c.name, type);
    if (text === null) { await db.dropFile(fileName).catch(() => undefined); return null; }
    if (type === 'VARCHAR') textColumns.add(c.name);
    select.push(`nullif(${text}, '') AS ${ident(c.name)}`);
  }
  return { sql: `SELECT ${select.join(', ')} FROM ${source}`, textColumns };
}
