// Reading CSV text record by record, chunk by chunk, with the line each record starts on (the header is line 1),
// shared by the Node pipelines (pipelines/csv/read-csv.ts) and the browser upload (src/features/data/lib/csv-records.ts),
// which each bring their own I/O and decoding and feed the text here.
//
// Papa's Parser is driven one chunk at a time: blank lines are skipped but counted, CRLF, LF and CR line endings are
// accepted, quoted fields may hold commas, quotes ("") and line breaks, and a record that grows past `maxRecordChars`
// stops the read with a line number (an unclosed quote would otherwise swallow the rest of the file into one cell).
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

interface PapaErrorLike { readonly code?: string; readonly row?: number; readonly message?: string }
interface PapaChunkResult { data: string[][]; errors: PapaErrorLike[]; meta: { cursor: number } }

type Newline = '\r\n' | '\n' | '\r';

const LINE_BREAK = /\r\n|\r|\n/g;
const NOT_UTF8 = '\uFFFD';

function countLineBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(LINE_BREAK)?.length ?? 0;
  }
  return breaks;
}

/** The line ending of the file, from its first line break (the header never holds a quoted line break); null when it cannot be told yet. */
function detectNewline(text: string): Newline | null {
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

/**
 * Turns decoded CSV text, fed in chunks, into records: `feed` each chunk (a BOM already dropped), call
 * `checkRecordLength` when the caller is ready to stop on an over-long record, and `end` after the last chunk.
 */
export class CsvChunkReader {
  private pending = '';
  private newline: Newline | null = null;
  private line = 1;

  /** @param maxRecordChars a record longer than this is taken to be an unclosed quote (default 1,000,000). */
  constructor(private readonly maxRecordChars = 1_000_000) {}

  /** The records that `chunk` completes; an unfinished last record is held back for the next chunk. */
  *feed(chunk: string): Generator<CsvRecord> {
    yield* this.parse(this.pending + chunk, false);
  }

  /** Throws CsvFormatError when the record held back has grown past `maxRecordChars`. */
  checkRecordLength(): void {
    if (this.pending.length > this.maxRecordChars) {
      throw new CsvFormatError(`a record longer than ${this.maxRecordChars} characters starts on line ${this.line}: `
        + 'probably a quoted field that is never closed (a stray " character?)', this.line);
    }
  }

  /** The record held back, if any, once there is no more text. */
  *end(): Generator<CsvRecord> {
    if (this.pending) yield* this.parse(this.pending, true);
  }

  private *parse(text: string, final: boolean): Generator<CsvRecord> {
    this.newline ??= detectNewline(text) ?? (final ? '\n' : null);
    if (this.newline === null) {
      this.pending = text;
      return;
    }
    // Records end at LF unless the file's line ending is a bare CR: a file whose first lines end in CRLF may go on
    // with LF alone (a spreadsheet's rows, then lines added in an editor), and either ending ends a record. The CR
    // of a CRLF is left at the end of the record's last cell (unless quoted), and dropped here.
    const parser = new Papa.Parser({ delimiter: ',', newline: this.newline === '\r' ? '\r' : '\n', quoteChar: '"' });
    const result = parser.parse(text, 0, !final) as PapaChunkResult;
    this.pending = final ? '' : text.slice(result.meta.cursor);
    const suspectEncoding = text.includes(NOT_UTF8);
    for (const [index, cells] of result.data.entries()) {
      const last = cells.length - 1;
      if (this.newline !== '\r' && cells[last]?.endsWith('\r')) cells[last] = cells[last].slice(0, -1);
      const recordLine = this.line;
      this.line += 1 + countLineBreaks(cells);
      if (cells.length === 1 && cells[0] === '') continue;
      const problem = quoteProblem(result.errors, index)
        ?? (suspectEncoding && cells.some((c) => c.includes(NOT_UTF8))
          ? 'has characters that are not UTF-8 (save the file as "CSV UTF-8")' : undefined);
      yield problem ? { line: recordLine, cells, problem } : { line: recordLine, cells };
    }
  }
}
