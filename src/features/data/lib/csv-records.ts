// Reading an uploaded CSV record by record, in chunks, with the line each record starts on (the header is line 1),
// so a big file is checked without freezing the page and every problem points at a line the user can open.
// The reading rules themselves are shared with pipelines/csv/read-csv.ts through src/contract/csv-records.ts:
// papaparse's Parser is driven one chunk at a time, blank lines are skipped but counted, a UTF-8 BOM is dropped,
// CRLF, LF and CR line endings are accepted, and quoted fields may hold commas, quotes ("") and line breaks.
import { CsvChunkReader, CsvFormatError, type CsvRecord } from '../../../contract/csv-records.ts';

export { CsvFormatError, type CsvRecord };

export interface CsvChunkOptions {
  /** Bytes decoded and parsed per step (default 1 MiB). */
  readonly chunkBytes?: number;
  /** A record longer than this is taken to be an unclosed quote and stops the read (default 1,000,000). */
  readonly maxRecordChars?: number;
  /** Called after each chunk with the bytes read so far. */
  readonly onBytes?: (bytesDone: number) => void;
}

/** The text of `bytes` in chunks; TextDecoder keeps a character split across two chunks whole. */
function* decodedChunks(bytes: Uint8Array, chunkBytes: number): Generator<{ text: string; bytesDone: number }> {
  const decoder = new TextDecoder('utf-8');
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    const end = Math.min(bytes.length, start + chunkBytes);
    let text = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    if (start === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    yield { text, bytesDone: end };
  }
}

/**
 * The records of a CSV file held in memory, the header first. A generator, so the caller decides when to pause
 * (e.g. to let the page repaint its progress bar between chunks).
 */
export function* readCsvRecords(bytes: Uint8Array, options: CsvChunkOptions = {}): Generator<CsvRecord> {
  const reader = new CsvChunkReader(options.maxRecordChars);
  for (const { text, bytesDone } of decodedChunks(bytes, options.chunkBytes ?? 1 << 20)) {
    yield* reader.feed(text);
    options.onBytes?.(bytesDone);
    reader.checkRecordLength();
  }
  yield* reader.end();
}
