// Reading an uploaded CSV record by record, in chunks, with the line each record starts on (the header is line 1),
// so a big file is checked without freezing the page and every problem points at a line the user can open.
// The same reading rules as pipelines/csv/read-csv.ts (which needs node:fs, so cannot be imported here): papaparse's
// Parser is driven one chunk at a time, blank lines are skipped but counted, a UTF-8 BOM is dropped, CRLF, LF and CR
// line endings are accepted, and quoted fields may hold commas, quotes ("") and line breaks.
import Papa from 'papaparse';

export interface CsvRecord {
  /** Line on which the record starts; the header is line 1 and blank lines still count. */
  readonly line: number;
  readonly cells: string[];
  /** A quoting or encoding problem in this record, in the user's words; the cells may be wrong when set. */
  readonly problem?: string;
}

/** A file that cannot be read as CSV past `line`; reading stops there. */
export class CsvFormatError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

export interface CsvChunkOptions {
  /** Bytes decoded and parsed per step (default 1 MiB). */
  readonly chunkBytes?: number;
  /** A record longer than this is taken to be an unclosed quote and stops the read (default 1,000,000). */
  readonly maxRecordChars?: number;
  /** Called after each chunk with the bytes read so far. */
  readonly onBytes?: (bytesDone: number) => void;
}

interface PapaErrorLike { readonly code?: string; readonly row?: number }
interface PapaChunkResult { data: string[][]; errors: PapaErrorLike[]; meta: { cursor: number } }

const LINE_BREAK = /\r\n|\r|\n/g;
const NOT_UTF8 = '\uFFFD';

function countLineBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(LINE_BREAK)?.length ?? 0;
  }
  return breaks;
}

/** The file's line ending, from its first line break (null when it cannot be told yet). */
function detectNewline(text: string): '\r\n' | '\n' | '\r' | null {
  const at = text.search(/[\r\n]/);
  if (at === -1) return null;
  if (text[at] === '\n') return '\n';
  if (at + 1 >= text.length) return null; // a lone '\r' at the end of a chunk may be half of '\r\n'
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

function quoteProblem(errors: readonly PapaErrorLike[], row: number): string | undefined {
  const error = errors.find((e) => e.row === row);
  if (!error) return undefined;
  return error.code === 'MissingQuotes'
    ? 'has a quoted field that is never closed (a stray " character?)'
    : 'has a malformed quoted field (text after a closing " character)';
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
  const maxRecordChars = options.maxRecordChars ?? 1_000_000;
  let pending = '';
  let newline: '\r\n' | '\n' | '\r' | null = null;
  let line = 1;

  function* parse(text: string, final: boolean): Generator<CsvRecord> {
    newline ??= detectNewline(text) ?? (final ? '\n' : null);
    if (newline === null) {
      pending = text;
      return;
    }
    const parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
    const result = parser.parse(text, 0, !final) as PapaChunkResult;
    pending = final ? '' : text.slice(result.meta.cursor);
    const suspectEncoding = text.includes(NOT_UTF8);
    for (const [index, cells] of result.data.entries()) {
      const recordLine = line;
      line += 1 + countLineBreaks(cells);
      if (cells.length === 1 && cells[0] === '') continue;
      const problem = quoteProblem(result.errors, index)
        ?? (suspectEncoding && cells.some((c) => c.includes(NOT_UTF8))
          ? 'has characters that are not UTF-8 (save the file as "CSV UTF-8")' : undefined);
      yield problem ? { line: recordLine, cells, problem } : { line: recordLine, cells };
    }
  }

  for (const { text, bytesDone } of decodedChunks(bytes, options.chunkBytes ?? 1 << 20)) {
    yield* parse(pending + text, false);
    options.onBytes?.(bytesDone);
    if (pending.length > maxRecordChars) {
      throw new CsvFormatError(`a record longer than ${maxRecordChars} characters starts on line ${line}: `
        + 'probably a quoted field that is never closed (a stray " character?)', line);
    }
  }
  if (pending) yield* parse(pending, true);
}
