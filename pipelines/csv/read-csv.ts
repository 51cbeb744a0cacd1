// Streaming CSV reading for the pipelines: one record at a time with the line it starts on (the header is line 1),
// so a million-row extract is checked in constant memory and every problem points at a line a user can open.
//
// Why Papa's Parser is driven chunk by chunk (by src/contract/csv-records.ts) rather than through Papa.NODE_STREAM_INPUT: the Node stream mode
// drops the parser's quote errors, and an unclosed quote there swallows the rest of the file into one cell held in
// memory (a 22 MB file took 450 MB and produced 3 "rows"). Pulling chunks ourselves keeps papaparse's quoting rules,
// gives back-pressure for free (nothing is read until the consumer asks for the next record), and lets us stop
// with a line number once a record grows past `maxRecordChars`.
import { createReadStream } from 'node:fs';
import { CsvChunkReader, CsvFormatError, type CsvRecord } from '../../src/contract/csv-records.ts';

export { CsvFormatError, type CsvRecord };

export interface CsvReadOptions {
  /** A record longer than this is taken to be an unclosed quote and stops the read (default 1,000,000). */
  readonly maxRecordChars?: number;
}

export type CsvSource = string | AsyncIterable<string | Uint8Array>;

async function* decodedChunks(source: CsvSource): AsyncGenerator<string> {
  const input = typeof source === 'string' ? createReadStream(source) : source;
  // TextDecoder keeps a multi-byte character split across two chunks whole, and drops a leading UTF-8 BOM.
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Reads a CSV file (path) or text/byte stream record by record. Blank lines are skipped but counted, a UTF-8 BOM
 * is dropped, CRLF, LF and CR line endings are accepted, and quoted fields may hold commas, quotes ("") and line
 * breaks. The header comes out as the first record.
 */
export async function* readCsvRecords(source: CsvSource, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
  const reader = new CsvChunkReader(options.maxRecordChars);
  for await (const chunk of decodedChunks(source)) {
    yield* reader.feed(chunk);
    reader.checkRecordLength();
  }
  yield* reader.end();
}

export interface CsvTable {
  /** The header's cells, or null for an empty file. */
  readonly header: string[] | null;
  /** The records after the header. */
  readonly records: AsyncGenerator<CsvRecord>;
}

/** Splits off the header (the first record, line 1 unless the file starts with blank lines). */
export async function openCsv(source: CsvSource, options: CsvReadOptions = {}): Promise<CsvTable> {
  const records = readCsvRecords(source, options);
  const first = await records.next();
  return { header: first.done ? null : first.value.cells, records };
}
