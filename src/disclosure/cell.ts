// A count of children as it comes out of SQL: the true count and its cell key, sealed. Nothing outside the
// disclosure gate can read the true count: a Cell has no readable fields, prints as "[count]" and refuses to be
// written as JSON, so a figure that forgot to pass a count through the gate fails loudly instead of leaking it.
// Cells add up (true counts add, keys add mod 256), so a pool of schools or a quarter of months is a cell too.
import { combineKeys } from './cell-key.ts';

interface Sealed { readonly n: number; readonly key: number }
// The contents are a private field, read through `read`, which only this module holds (a WeakMap from cell to
// contents did the same, but its entries cost a filter change on the sample ~20 ms to add and more to collect).
let read: (cell: Cell) => Sealed;

export class Cell {
  readonly #contents: Sealed;

  private constructor(contents: Sealed) {
    this.#contents = contents;
  }

  static {
    read = (cell) => {
      if (!(#contents in cell)) throw new TypeError('Not a count cell.');
      return cell.#contents;
    };
  }

  /** For the gate and the query runner only (src/disclosure); a lint rule keeps it there. */
  static seal(n: number, key: number): Cell {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count is a whole number ≥ 0; got ${n}.`);
    return new Cell({ n, key: ((key % 256) + 256) % 256 });
  }

  toJSON(): never {
    throw new Error('A count of children reached an output without passing the disclosure gate.');
  }

  toString(): string {
    return '[count]';
  }
}

/** The sealed contents, for the gate alone (not exported from src/disclosure/index.ts). */
export function unseal(cell: Cell): Sealed {
  if (cell === null || typeof cell !== 'object') throw new TypeError('Not a count cell.');
  return read(cell);
}

export const isCell = (value: unknown): value is Cell => value instanceof Cell;

export const EMPTY_CELL: Cell = Cell.seal(0, 0);

/** The cell holding every record of the given cells (they must not overlap). */
export function cellSum(cells: readonly Cell[]): Cell {
  let n = 0;
  const keys: number[] = [];
  for (const cell of cells) {
    const c = unseal(cell);
    n += c.n;
    keys.push(c.key);
  }
  return Cell.seal(n, combineKeys(keys));
}
