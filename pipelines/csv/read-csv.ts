// Streaming CSV reading for the pipelines: one record at a time with the line it starts on (the header is line 1),
// so a million-row extract is checked in constant memory and every problem points at a line a user can open.
//
// Why Papa's Parser is driven chunk by chunk here rather than through Papa.NODE_STREAM_INPUT: the Node stream mode
// drops the parser's quote errors, and an unclosed quote there swallows the rest of the file into one cell held in
// memory (a 22 MB file took 450 MB and produced 3 "rows"). Pulling chunks ourselves keeps papaparse's quoting rules,
// gives back-pressure for free (nothing is read until the consumer asks for the next record), and lets us stop
// with a line number once a record grows past `maxRecordChars`.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

export interface CsvRecord {
  /** Line on which the record starts; the header is line 1 and blank lines still count. */
  readonly line: number;
  readonly cells: string[];
  /** A quoting or encoding problem in this record, in the user's words; the cells may be wrong when set. */
  readonly problem?: string;
}

export interface CsvReadOptions {
  /** A record longer than this is taken to be an unclosed quote and stops the read (default 1,000,000). */
  readonly maxRecordChars?: number;
}

/** A file that cannot be read as CSV past `line`; reading stops there. */
export class CsvFormatError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

export type CsvSource = string | AsyncIterable<string | Uint8Array>;

interface PapaErrorLike { readonly code?: string; readonly row?: number; readonly message?: string }
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

/** The line ending of the file, from its first line break (the header never holds a quoted line break). */
function detectNewline(text: string): '\r\n' | '\n' | '\r' | null {
  const at = text.search(/[\r\n]/);
  if (at === -1) return null;
  if (text[at] === '\n') return '\n';
  if (at + 1 >= text.length) return null; // a lone '\r' at the end of a chunk may be half of '\r\n'
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

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

function quoteProblem(errors: readonly PapaErrorLike[], row: number): string | undefined {
  const error = errors.find((e) => e.row === row);
  if (!error) return undefined;
  return error.code === 'MissingQuotes'
    ? 'has a quoted field that is never closed (a stray " character?)'
    : 'has a malformed quoted field (text after a closing " character)';
}

/**
 * Reads a CSV file (path) or text/byte stream record by record. Blank lines are skipped but counted, a UTF-8 BOM
 * is dropped, CRLF, LF and CR line endings are accepted, and quoted fields may hold commas, quotes ("") and line
 * breaks. The header comes out as the first record.
 */
export async function* readCsvRecords(source: CsvSource, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
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

  for await (const chunk of decodedChunks(source)) {
    yield* parse(pending + chunk, false);
    if (pending.length > maxRecordChars) {
      throw new CsvFormatError(`a record longer than ${maxRecordChars} characters starts on line ${line}: `
        + 'probably a quoted field that is never closed (a stray " character?)', line);
    }
  }
  if (pending) yield* parse(pending, true);
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
