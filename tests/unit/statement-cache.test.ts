// The prepared-statement cache (src/db/statement-cache.ts): one statement per SQL text, closed only once no query
// is using it, never kept when preparing failed; and, on real duckdb-wasm, statements prepared before a table is
// replaced answer from the new table.
import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { changesSchema, StatementCache } from '../../src/db/statement-cache.ts';

function fake(limit = 64) {
  const prepared: string[] = [];
  const closed: string[] = [];
  const cache = new StatementCache<string>(
    async (sql) => {
      if (sql === 'bad') throw new Error('syntax error');
      prepared.push(sql);
      return sql;
    },
    (s) => { closed.push(s); },
    limit,
  );
  return { cache, prepared, closed };
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('StatementCache', () => {
  it('prepares each SQL text once and reuses it', async () => {
    const { cache, prepared, closed } = fake();
    expect(await cache.run('a', async (s) => `${s}1`)).toBe('a1');
    expect(await cache.run('a', async (s) => `${s}2`)).toBe('a2');
    await Promise.all([cache.run('b', async () => 1), cache.run('b', async () => 2)]);
    expect(prepared).toEqual(['a', 'b']);
    expect(closed).toEqual([]);
  });

  it('drops the least recently used text when full, closing it only when its query has finished', async () => {
    const { cache, closed } = fake(2);
    await cache.run('a', async () => 0);
    let finish = () => {};
    const running = cache.run('b', () => new Promise<number>((resolve) => { finish = () => resolve(1); }));
    await cache.run('a', async () => 0); // a is now the most recent: b is the oldest
    await cache.run('c', async () => 0); // over the limit: b is dropped, but its query is still running
    await flush();
    expect(closed).toEqual([]);
    finish();
    await running;
    await flush();
    expect(closed).toEqual(['b']);
    expect(cache.size).toBe(2);
  });

  it('does not keep a statement that failed to prepare', async () => {
    const { cache } = fake();
    await expect(cache.run('bad', async () => 0)).rejects.toThrow('syntax error');
    expect(cache.size).toBe(0);
  });

  it('closes everything on clear, and prepares afresh afterwards', async () => {
    const { cache, prepared, closed } = fake();
    await cache.run('a', async () => 0);
    cache.clear();
    await flush();
    expect(closed).toEqual(['a']);
    await cache.run('a', async () => 0);
    expect(prepared).toEqual(['a', 'a']);
  });

  it('treats anything but a read as changing the schema', () => {
    for (const sql of ['SELECT 1', '  with x as (select 1) select * from x', 'FROM t']) expect(changesSchema(sql)).toBe(false);
    for (const sql of ['CREATE OR REPLACE TABLE t AS SELECT 1', 'DROP TABLE t', 'ROLLBACK', 'COMMIT', 'ALTER TABLE t RENAME TO u']) {
      expect(changesSchema(sql)).toBe(true);
    }
  });
});

describe('the Node database reuses prepared statements', () => {
  it('answers from a table replaced after the statement was first prepared', async () => {
    const db = await openNodeDatabase();
    try {
      await db.query('CREATE TABLE t AS SELECT 1 AS x');
      const sql = 'SELECT x + ? AS y FROM t';
      expect(await db.query(sql, [10])).toEqual([{ y: 11 }]);
      expect(await db.query(sql, [20])).toEqual([{ y: 21 }]);
      await db.query('CREATE OR REPLACE TABLE t AS SELECT 5 AS x');
      expect(await db.query(sql, [10])).toEqual([{ y: 15 }]);
    } finally {
      await db.close();
    }
  });
});
