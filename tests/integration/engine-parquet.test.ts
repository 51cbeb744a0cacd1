// Native DuckDB reads Parquet with read_parquet (src/db/parquet-direct.ts) and must give each cell the text the
// hyparquet path gives it (src/contract/parquet-records.ts: JavaScript's String()), or take the hyparquet path.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetCellText } from '../../src/contract/parquet-records.ts';
import { TABLES } from '../../src/contract/index.ts';
import type { Database } from '../../src/db/database.ts';
import { openNativeDatabase } from '../../src/db/native-duckdb.ts';
import { jsNumberTextSql, parquetEngineName, parquetTextSource } from '../../src/db/parquet-direct.ts';

let db: Database;
beforeAll(async () => { db = await openNativeDatabase(); });
afterAll(async () => { await db.close(); });

/** A random double of any magnitude and sign (seeded, so a failure can be replayed). */
function doubles(n: number, seed = 7): number[] {
  let s = seed;
  const next = () => { s = (s * 1_103_515_245 + 12_345) % 2_147_483_648; return s / 2_147_483_648; };
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const exponent = Math.floor(next() * 60) - 30;
    const value = (next() - 0.5) * 2 * 10 ** exponent;
    out.push(i % 3 === 0 ? Math.round(value) : value);
  }
  return out;
}

describe('jsNumberTextSql', () => {
  const edges = [0, -0, 1, -1, 0.5, 3, 210, 1e-7, 1.5e-7, 1e-6, 1e-5, 0.0001234, 1e15, 1e16, 12345678901234568, 1e20, 1e21,
    1.5e22, 0.1 + 0.2, 2 ** 54 + 4, 2 ** 53, 2 ** 53 + 2, -123456789.125, 5e-324, Number.MAX_VALUE, Math.fround(0.1)];

  it('writes every double as String() does', async () => {
    const values = [...edges, ...doubles(2000)];
    const rows = await db.query<{ i: number; t: string }>(
      `SELECT i, ${jsNumberTextSql('v')} AS t FROM (SELECT unnest(generate_series(1, ${values.length})) AS i, unnest(?::DOUBLE[]) AS v) ORDER BY i`,
      [`[${values.map((v) => v.toExponential(20)).join(',')}]`]);
    const wrong = rows.filter((r) => r.t !== String(values[r.i - 1])).map((r) => `${String(values[r.i - 1])} → ${r.t}`);
    expect(wrong).toEqual([]);
    expect(rows).toHaveLength(values.length);
  });

  it('writes NaN and the infinities as String() does', async () => {
    const [row] = await db.query(`SELECT ${jsNumberTextSql("'nan'::DOUBLE")} AS a, ${jsNumberTextSql("'inf'::DOUBLE")} AS b, ${jsNumberTextSql("'-inf'::DOUBLE")} AS c`);
    expect(row).toEqual({ a: String(NaN), b: String(Infinity), c: String(-Infinity) });
  });
});

describe('parquetTextSource', () => {
  const table = TABLES.workforce;
  const header = table.columns.map((c) => c.name);

  async function staged(bytes: Uint8Array): Promise<{ direct: boolean; rows: Record<string, unknown>[]; textColumns: ReadonlySet<string> }> {
    await db.query('DROP TABLE IF EXISTS _raw_test');
    const source = await parquetTextSource(db, table, header, bytes);
    if (source === null) return { direct: false, rows: [], textColumns: new Set() };
    // As stageTable does when the file is not clean: the text staging table from the source, then the file dropped.
    await db.query(`CREATE TABLE _raw_test AS ${source.sql}`);
    await db.dropFile(parquetEngineName(table));
    return { direct: true, rows: await db.query('SELECT * FROM _raw_test ORDER BY rowid'), textColumns: source.textColumns };
  }

  it('reads DOUBLE, INT64 and STRING columns as the hyparquet path writes them, blanks as NULL, in file order', async () => {
    const month = ['2024-09', '2024-10', '', '2024-12'];
    const service = ['SLT', 'OT', 'SLT', null];
    const inPost = [12.4, 6, 1e-7, 3];
    const vacant = [2n, 0n, -1n, null];
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [
      { name: 'month', data: month, type: 'STRING' }, { name: 'service', data: service, type: 'STRING', nullable: true },
      { name: 'fte_in_post', data: inPost, type: 'DOUBLE' }, { name: 'fte_vacant', data: vacant, type: 'INT64', nullable: true },
    ] }));
    const { direct, rows, textColumns } = await staged(bytes);
    expect(direct).toBe(true);
    // Only the STRING columns are text: the one pass looks for control characters and padding in them alone, so the
    // text of every other column must never hold either.
    expect([...textColumns].sort()).toEqual(['month', 'service']);
    for (const row of rows) {
      for (const column of ['fte_in_post', 'fte_vacant']) {
        const value = row[column];
        if (typeof value !== 'string') continue;
        expect(value).toBe(value.trim());
        expect([...value].filter((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)).toEqual([]);
      }
    }
    const text = (v: unknown) => { const t = parquetCellText(v); return t === '' ? null : t; };
    expect(rows).toEqual(month.map((m, i) => ({
      month: text(m), service: text(service[i]), fte_in_post: text(inPost[i]), fte_vacant: text(vacant[i]),
    })));
  });

  it('leaves a column of another type (a timestamp) to the hyparquet path', async () => {
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [
      { name: 'month', data: [new Date('2024-09-01T10:00:00Z')], type: 'TIMESTAMP' },
      { name: 'service', data: ['SLT'], type: 'STRING' },
    ] }));
    expect((await staged(bytes)).direct).toBe(false);
  });

  it('leaves two columns of one name to the hyparquet path', async () => {
    expect(await parquetTextSource(db, table, ['month', 'month'], new Uint8Array())).toBeNull();
  });
});
