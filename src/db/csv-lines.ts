// What DuckDB's read_csv does not say: on which line of the file each record starts. Worked out from the bytes only
// when there is a problem to report (a clean file is never scanned in JavaScript), by the same rules as DuckDB's
// reader: a line break inside double quotes belongs to the cell; blank lines are skipped but counted; LF, CRLF
// and CR all end a line. Also: one pass over the bytes for what DuckDB is not asked to find (files that mix CRLF
// and LF, which its strict reader refuses, are given to it with LF only; control characters).

import { readRange, slicesOf, type FileData } from './file-data.ts';

const LF = 10;
const CR = 13;
const QUOTE = 34;

export interface RecordIndex {
  /** Byte offset at which each record starts; record 0 is the header. */
  readonly starts: Int32Array;
  /** The line (1-based) on which each record starts. */
  readonly lines: Int32Array;
}

/** Every record's first byte and line. */
export function indexRecords(bytes: Uint8Array): RecordIndex {
  const starts: number[] = [];
  const lines: number[] = [];
  let line = 1;
  let quoted = false;
  let lineStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let recordOpen = false;
  for (let i = lineStart; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    if (!recordOpen && b !== LF && b !== CR) {
      starts.push(lineStart);
      lines.push(line);
      recordOpen = true;
    }
    if (b === LF || b === CR) {
      if (b === CR && bytes[i + 1] === LF) i++;
      line++;
      if (!quoted) {
        recordOpen = false;
        lineStart = i + 1;
      }
    }
  }
  return { starts: Int32Array.from(starts), lines: Int32Array.from(lines) };
}

/** The record that holds byte `position` (the last to start at or before it). */
export function recordAt(index: RecordIndex, position: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((index.starts[mid] ?? 0) <= position) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps rows of a staging table (its rowid: records read, in order, without the header and without the records
 * DuckDB rejected) to the lines they start on.
 */
export function lineOfRow(index: RecordIndex, rejectedRecords: ReadonlySet<number>): (row: number) => number {
  const kept: number[] = [];
  for (let r = 1; r < index.lines.length; r++) if (!rejectedRecords.has(r)) kept.push(index.lines[r] ?? 0);
  return (row) => kept[row] ?? row + 2;
}

/** What one pass over a CSV's bytes finds: line endings and control characters. */
export interface ByteScan {
  /** Some lines end with CRLF and others with a bare LF. */
  readonly mixedLineEndings: boolean;
  /** A control character other than tab, LF and CR (a NUL byte, say). */
  readonly controls: boolean;
  /**
   * Some cell may start or end with what trim() removes: false only when no byte after a comma, quote, line break
   * or the start of the file, and none before a comma, quote, line break or the end of the file, is a space or
   * part of a non-ASCII character (DuckDB's trim removes Unicode spaces too). Then trimming changes no cell.
   */
  readonly padded: boolean;
}

/** Bytes scanned between yields: a few milliseconds of work, so the page is never blocked for long. */
const SLICE_BYTES = 4 << 20;
/** Lets the page run (paint, input) before the next slice of work. */
export const yieldToPage = () => new Promise<void>((resolve) => { setTimeout(resolve, 0); });

/**
 * Scans the bytes once for mixed line endings (DuckDB's strict reader refuses them, so such a file is given to it
 * with LF only) and for control characters (far quicker as this tight byte loop than a regular expression over
 * every cell in DuckDB, which then runs only when one is found). It yields to the page between slices of a few
 * megabytes: in the browser this runs on the page's thread, and one pass over a large file would block it.
 */
export async function scanBytes(data: FileData, sliceBytes = SLICE_BYTES): Promise<ByteScan> {
  let sawCr = false;
  let sawBareLf = false;
  let controls = false;
  let padded = false;
  // Whether the byte before ends a cell's text (a comma, quote, line break, or the start of the file) and whether
  // it is one trim() may remove (a space, or part of a non-ASCII character); the byte before, across slices.
  let prevEdge = true;
  let prevPad = false;
  let prevByte = -1;
  const head = await readRange(data, 0, 3);
  // The bytes still to skip: a UTF-8 byte order mark.
  let skip = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  let first = true;
  for await (const slice of slicesOf(data, sliceBytes)) {
    if (!first) await yieldToPage();
    first = false;
    const from = Math.min(skip, slice.length);
    skip -= from;
    for (let i = from; i < slice.length; i++) {
      const b = slice[i] as number;
      if (b <= 34 || b === 44 || b >= 127) {
        if (b < 32 || b === 127) {
          if (b === LF) { if (prevByte !== CR) sawBareLf = true; } else if (b === CR) sawCr = true;
          else if (b !== 9) controls = true;
        }
        const edge = b === 44 || b === QUOTE || b === LF || b === CR;
        const pad = b === 32 || b >= 128;
        if ((pad && prevEdge) || (edge && prevPad)) padded = true;
        prevEdge = edge;
        prevPad = pad;
      } else {
        prevEdge = false;
        prevPad = false;
      }
      prevByte = b;
    }
  }
  return { mixedLineEndings: sawCr && sawBareLf, controls, padded: padded || prevPad };
}

/** The bytes with every CRLF turned into LF (for files with mixed line endings only: it copies the file), in
 * slices with yields to the page between them, as scanBytes. */
export async function toLfOnly(bytes: Uint8Array, sliceBytes = SLICE_BYTES): Promise<Uint8Array> {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let start = 0; start < bytes.length; start += sliceBytes) {
    const end = Math.min(bytes.length, start + sliceBytes);
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b === CR && bytes[i + 1] === LF) continue;
      out[n++] = b;
    }
    if (end < bytes.length) await yieldToPage();
  }
  return out.subarray(0, n);
}
