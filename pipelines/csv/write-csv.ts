// Writing CSV: quotes only where needed (RFC 4180), LF line endings, UTF-8 without a BOM, and back-pressure so
// a million rows stream out without piling up in memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export interface CsvWriteOptions {
  /**
   * Prefix cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) with
   * an apostrophe. Plain numbers such as -3.5 are left alone. Use it for CSVs meant to be opened in Excel, not for
   * contract CSVs, whose values must stay exactly as they are.
   */
  readonly neutraliseFormulas?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

export function csvCell(value: string, options: CsvWriteOptions = {}): string {
  const text = options.neutraliseFormulas && FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, ending in '\n'. */
export function csvLine(cells: readonly string[], options: CsvWriteOptions = {}): string {
  return `${cells.map((c) => csvCell(c, options)).join(',')}\n`;
}

export interface CsvWriter {
  readonly path: string;
  write(cells: readonly string[]): Promise<void>;
  /** Flushes and closes the file; resolves once the bytes are on disk. */
  close(): Promise<void>;
}

export function createCsvWriter(path: string, options: CsvWriteOptions = {}): CsvWriter {
  const stream: WriteStream = createWriteStream(path, { encoding: 'utf8' });
  let failure: Error | null = null;
  stream.on('error', (error) => { failure = error; });
  return {
    path,
    async write(cells) {
      if (failure) throw failure;
      if (!stream.write(csvLine(cells, options))) await once(stream, 'drain');
    },
    async close() {
      if (failure) throw failure;
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      });
    },
  };
}
