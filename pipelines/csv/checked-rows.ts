// A checked table (the load path's typed staging table, src/db/load-tables.ts `inspectChecked`) read back as the
// contract's normalised text — ISO dates, true/false, numbers as DuckDB writes them, a blank for NULL — in contract
// column order and file order, a batch of rows at a time (by record, so each batch is a range scan, not an OFFSET).
// Used where the rows must pass through JavaScript: `to-parquet --engine wasm` (hyparquet-writer) and `anonymise`.
import type { TableSpec } from '../../src/contract/index.ts';
import { ident } from '../../src/contract/sql-checks.ts';
import type { Database } from '../../src/db/database.ts';

function textSelect(table: TableSpec): string {
  return table.columns.map((c) => {
    const col = ident(c.name);
    const text = c.type === 'date' ? `strftime(${col}, '%Y-%m-%d')` : `CAST(${col} AS VARCHAR)`;
    return `coalesce(${text}, '') AS ${col}`;
  }).join(', ');
}

export async function* checkedTextRows(db: Database, table: TableSpec, checked: string, batchRows = 100_000): AsyncGenerator<string[][]> {
  const [{ last = -1 } = {}] = await db.query<{ last: number | null }>(`SELECT coalesce(max(record), -1) AS last FROM ${ident(checked)}`);
  for (let from = 0; from <= (last ?? -1); from += batchRows) {
    const rows = await db.query(`SELECT ${textSelect(table)} FROM ${ident(checked)} `
      + `WHERE record >= ${from} AND record < ${from + batchRows} ORDER BY record`);
    yield rows.map((row) => table.columns.map((c) => String(row[c.name] ?? '')));
  }
}
