// Reading an uploaded Parquet file with hyparquet (pure JavaScript: the DuckDB-wasm build here has no Parquet
// extension) into rows of text cells, as if it were the CSV it stands for, so the contract's validator checks it
// the same way. Dates (hyparquet gives JS Dates at UTC midnight) become yyyy-mm-dd, blanks (null) become '',
// booleans true/false. Rows are read one row group at a time so progress can be reported.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import type { CsvRecord } from './csv-records.ts';

export interface ParquetTable {
  readonly header: string[];
  readonly rowCount: number;
  /** Records in row-group batches; `line` is the row number + 1, as if the file were a CSV with a header line. */
  readonly batches: AsyncGenerator<CsvRecord[]>;
}

/** One Parquet value as the text a contract CSV would hold. */
export function parquetCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer : bytes.slice().buffer;
}

/** Opens a Parquet file; throws (with hyparquet's message) if it is not one. */
export function openParquet(bytes: Uint8Array): ParquetTable {
  const file = arrayBufferOf(bytes);
  const metadata = parquetMetadata(file);
  // Flat files only: the contract's tables have no nested columns.
  const header = metadata.schema.slice(1).map((element) => element.name);
  const rowCount = Number(metadata.num_rows);
  async function* batches(): AsyncGenerator<CsvRecord[]> {
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      const rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd });
      yield rows.map((row, i) => ({ line: rowStart + i + 2, cells: header.map((name) => parquetCellText(row[name])) }));
      rowStart = rowEnd;
    }
  }
  return { header, rowCount, batches: batches() };
}
