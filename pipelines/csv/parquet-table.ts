// Writing a contract table as Parquet with hyparquet-writer (pure JavaScript: the npm build of DuckDB-wasm ships no
// Parquet extension and cannot fetch one offline). Column types come from the contract:
//   string, enum, month → STRING (UTF-8 byte array; months stay yyyy-mm text, as DuckDB reads them from CSV)
//   integer → INT32, number → DOUBLE, boolean → BOOLEAN
//   date → INT32 with the DATE logical type (days since 1970-01-01); hyparquet reads it back as a JS Date at UTC
//          midnight, so `date.toISOString().slice(0, 10)` gives the contract's yyyy-mm-dd again.
// Required columns are REQUIRED; optional ones are OPTIONAL and a blank cell becomes null. Rows are written in row
// groups of `rowGroupRows`, so a large table streams through without being held whole.
import type { SchemaElement } from 'hyparquet';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { ColumnSpec, TableSpec } from '../../src/contract/index.ts';

export type ParquetCell = string | number | boolean | null;

const DAY_MS = 86_400_000;

export function parquetSchemaOf(table: TableSpec): SchemaElement[] {
  const columns = table.columns.map((c): SchemaElement => {
    const repetition_type = c.required ? 'REQUIRED' : 'OPTIONAL';
    switch (c.type) {
      case 'integer': return { name: c.name, type: 'INT32', repetition_type };
      case 'number': return { name: c.name, type: 'DOUBLE', repetition_type };
      case 'boolean': return { name: c.name, type: 'BOOLEAN', repetition_type };
      case 'date': return { name: c.name, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type };
      default: return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type };
    }
  });
  return [{ name: 'root', num_children: columns.length }, ...columns];
}

/** One normalised contract cell (as the contract's validator returns it) as a Parquet value. */
export function parquetValue(spec: ColumnSpec, text: string): ParquetCell {
  if (text === '') return null;
  switch (spec.type) {
    case 'integer':
    case 'number': return Number(text);
    case 'boolean': return text === 'true';
    case 'date': {
      const [y = NaN, m = NaN, d = NaN] = text.split('-').map(Number);
      return Date.UTC(y, m - 1, d) / DAY_MS;
    }
    default: return text;
  }
}

/** Key-value metadata naming the contract table, so a renamed file can still be recognised. */
export const TABLE_METADATA_KEY = 'therapy-equity-explorer.table';

export class ParquetTableWriter {
  private readonly writer: ParquetWriter;
  private batch: ParquetCell[][];
  rows = 0;

  constructor(path: string, private readonly table: TableSpec, private readonly rowGroupRows = 100_000) {
    this.writer = new ParquetWriter({
      writer: fileWriter(path),
      schema: parquetSchemaOf(table),
      kvMetadata: [{ key: TABLE_METADATA_KEY, value: table.name }],
      createdBy: 'therapy-equity-explorer to-parquet',
    });
    this.batch = table.columns.map(() => []);
  }

  /** Adds one row of normalised contract cells, in contract column order. */
  add(row: readonly string[]): void {
    this.table.columns.forEach((spec, i) => this.batch[i]?.push(parquetValue(spec, row[i] ?? '')));
    this.rows++;
    if ((this.batch[0]?.length ?? 0) >= this.rowGroupRows) this.flush();
  }

  private flush(): void {
    const size = this.batch[0]?.length ?? 0;
    if (size === 0) return;
    const columnData = this.table.columns.map((c, i) => ({ name: c.name, data: this.batch[i] ?? [] }));
    void this.writer.write({ columnData, rowGroupSize: size });
    this.batch = this.table.columns.map(() => []);
  }

  close(): void {
    this.flush();
    void this.writer.finish();
  }
}
