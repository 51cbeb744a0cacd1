// Writing contract CSVs: columns in the contract's order (taken from src/contract, never restated), LF line
// endings, no BOM, and rows buffered into large chunks so a million-row table streams to disk without being held
// in memory, waiting for the stream to drain when it pushes back.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import type { TableSpec } from '../../src/contract/index.ts';

/** One row as cells by column name; a column left out is written blank. */
export type CsvRecord = Record<string, string>;

/** Where a table's text goes: a file, or memory in tests. `write` may return a promise to apply backpressure. */
export interface TextSink {
  write(chunk: string): Promise<void> | void;
  close(): Promise<void> | void;
}
export type SinkFactory = (table: TableSpec) => TextSink;

const NEEDS_QUOTES = /[",\n\r]/;
const CHUNK_CHARS = 1 << 16;

export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export class CsvWriter {
  private buffer = '';
  private checked = false;
  rows = 0;

  constructor(private readonly table: TableSpec, private readonly sink: TextSink) {
    this.buffer = `${table.columns.map((c) => c.name).join(',')}\n`;
  }

  /** Adds a row; returns a promise only when the buffer was flushed to the sink (await it when given). */
  write(record: CsvRecord): Promise<void> | void {
    if (!this.checked) this.checkColumns(record);
    let line = '';
    const columns = this.table.columns;
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) line += ',';
      line += csvCell(record[(columns[i] as { name: string }).name] ?? '');
    }
    this.buffer += `${line}\n`;
    this.rows++;
    if (this.buffer.length >= CHUNK_CHARS) return this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.sink.close();
  }

  private flush(): Promise<void> | void {
    const chunk = this.buffer;
    this.buffer = '';
    return chunk ? this.sink.write(chunk) : undefined;
  }

  /** The first row of each table must name only contract columns: catches a typo in a generator at once. */
  private checkColumns(record: CsvRecord): void {
    const known = new Set(this.table.columns.map((c) => c.name));
    const unknown = Object.keys(record).filter((k) => !known.has(k));
    if (unknown.length > 0) throw new Error(`${this.table.file}: not contract columns: ${unknown.join(', ')}`);
    this.checked = true;
  }
}

/** Files `<dir>/<table.file>`; the directory must exist. */
export function fileSinks(dir: string): SinkFactory {
  return (table) => {
    const stream = createWriteStream(join(dir, table.file), { encoding: 'utf8' });
    let failure: Error | null = null;
    stream.on('error', (error) => { failure = error; });
    return {
      write(chunk) {
        if (failure) throw failure;
        if (!stream.write(chunk)) return once(stream, 'drain').then(() => undefined);
      },
      async close() {
        if (failure) throw failure;
        stream.end();
        await finished(stream);
      },
    };
  };
}

/** Keeps each table's text in memory (tests and small areas only). */
export function memorySinks(): { factory: SinkFactory; text: (file: string) => string } {
  const chunks = new Map<string, string[]>();
  return {
    factory: (table) => {
      const parts: string[] = [];
      chunks.set(table.file, parts);
      return { write: (chunk) => { parts.push(chunk); }, close: () => undefined };
    },
    text: (file) => (chunks.get(file) ?? []).join(''),
  };
}
