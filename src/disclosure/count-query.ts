// The query runner the analytics layer uses. Every .sql file returns, beside each count of children `x`, its cell
// key `x_ckey` (sum of record keys mod 256); this runner seals each such pair into a Cell and drops the key, so
// analytics code never holds a true count as a number.
import type { QueryParam } from '../db/database.ts';
import type { QueryName, QueryRows, RunQuery } from '../queries/index.ts';
import { Cell } from './cell.ts';

type KeyBase<K> = K extends `${infer B}_ckey` ? B : never;
/** A query's row with each counted column (one that has an `_ckey` partner) as a Cell and the keys dropped. */
export type CellRow<R> = {
  [K in keyof R as K extends `${string}_ckey` ? never : K]: K extends KeyBase<keyof R> ? (null extends R[K] ? Cell | null : Cell) : R[K];
};

export type CountQuery = <N extends QueryName>(name: N, params: readonly QueryParam[]) => Promise<CellRow<QueryRows[N]>[]>;

export function sealRow<R extends object>(row: R): CellRow<R> {
  return sealWith(countedColumns(row), row);
}

/** The counted columns of a query's rows (each `x` with its key `x_ckey`): every row of one answer has the same. */
function countedColumns(row: object): readonly (readonly [string, string])[] {
  return Object.keys(row).filter((key) => key.endsWith('_ckey')).map((key) => [key.slice(0, -'_ckey'.length), key] as const);
}

function sealWith<R extends object>(counted: readonly (readonly [string, string])[], row: R): CellRow<R> {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [base, key] of counted) {
    const n = out[base];
    const k = out[key];
    delete out[key];
    if (n === null || n === undefined) continue;
    if (typeof n !== 'number' || typeof k !== 'number') throw new TypeError(`Query column ${base} has no numeric count and cell key.`);
    out[base] = Cell.seal(n, k);
  }
  return out as CellRow<R>;
}

/** Wraps the raw runner (which SQL tests use) into the one the analytics layer is given. */
export function countQuery(run: RunQuery): CountQuery {
  return (async (name, params) => {
    const rows = await run(name, params);
    const counted = rows.length ? countedColumns(rows[0] as object) : [];
    return rows.map((row) => sealWith(counted, row));
  }) as CountQuery;
}
