// The figures' query runner (src/app/figures.ts): one run per data version and parameters however many figures
// ask, at most two queries at the engine at once, and queued queries dropped once every figure that asked for them
// has been superseded — but run when any one still wants them.
import { describe, expect, it } from 'vitest';
import { runnerOf } from '../../src/app/figures.ts';
import type { Database, QueryParam } from '../../src/db/database.ts';

function fakeDb() {
  const calls: QueryParam[][] = [];
  const release: (() => void)[] = [];
  const db = {
    async query(_sql: string, params: readonly QueryParam[] = []) {
      calls.push([...params]);
      await new Promise<void>((resolve) => release.push(resolve));
      return [{ n: params.length }];
    },
  } as unknown as Database;
  const drain = async () => {
    for (let i = 0; i < 20; i++) {
      while (release.length) release.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { db, calls, drain };
}

describe('runnerOf', () => {
  it('runs a question asked by two figures under the same filters once', async () => {
    const { db, calls, drain } = fakeDb();
    const a = runnerOf(db, 1, new AbortController().signal)('provision-by-school', ['SLT', '2024-01', '2024-12', null]);
    const b = runnerOf(db, 1, new AbortController().signal)('provision-by-school', ['SLT', '2024-01', '2024-12', null]);
    await drain();
    expect((await a).length).toBe(1);
    expect((await b).length).toBe(1);
    expect(calls).toHaveLength(1);
    // Another data version asks again.
    const c = runnerOf(db, 2)('provision-by-school', ['SLT', '2024-01', '2024-12', null]);
    await drain();
    await c;
    expect(calls).toHaveLength(2);
  });

  it('drops a queued query whose every asker was superseded, and runs one still wanted', async () => {
    const { db, calls, drain } = fakeDb();
    const old = new AbortController();
    const live = new AbortController();
    const run = runnerOf(db, 'v', old.signal);
    // Two in flight; the third and fourth wait.
    const first = run('school-rates', ['1']);
    const second = run('school-rates', ['2']);
    const third = run('school-rates', ['3']).then(() => 'ran', (error: Error) => error.message);
    const fourth = run('school-rates', ['4']);
    const shared = runnerOf(db, 'v', live.signal)('school-rates', ['4']);
    old.abort();
    await drain();
    await expect(first).resolves.toHaveLength(1);
    await expect(second).resolves.toHaveLength(1);
    expect(await third).toMatch(/filters changed/);
    await expect(fourth).resolves.toHaveLength(1);
    await expect(shared).resolves.toHaveLength(1);
    expect(calls.map((c) => c[0])).toEqual(['1', '2', '4']);
    // A dropped answer is not kept: asking again runs it.
    const again = runnerOf(db, 'v', live.signal)('school-rates', ['3']);
    await drain();
    await expect(again).resolves.toHaveLength(1);
    expect(calls.map((c) => c[0])).toEqual(['1', '2', '4', '3']);
  });
});
