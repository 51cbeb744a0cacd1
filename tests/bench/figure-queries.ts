// Bench: what each figure's query costs, warm, on the engine the browser ships (DuckDB-wasm, here its Node build,
// with prepared statements reused as in the browser). Loads a folder of contract files through the product's load
// path, then asks every figure of `report` and of the Equity and Demand views under several filter sets (no filter,
// a later start month or two, one service) to learn each query's parameters, and times each (query, parameters)
// REPS times after one warm-up run. Prints, per query, the median and p95 over all its runs and its slowest
// parameter set. Figures, not pass/fail.
//   npx tsx tests/bench/figure-queries.ts [DIR ...] [--reps N] [--only NAME,NAME]
import { readContractDirectory, enrichSql } from '../../pipelines/load-dir.ts';
import { buildReport, NO_FILTERS, resolvePeriod, type Filters } from '../../src/analytics/index.ts';
import { DEFAULT_SETTINGS } from '../../src/analytics/settings.ts';
import { waitsOverTime } from '../../src/analytics/waits-over-time.ts';
import { loadContractTables } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import type { QueryParam } from '../../src/db/database.ts';
import { countQuery } from '../../src/disclosure/index.ts';
import { createQueryRunner, type QueryName, type RunQuery } from '../../src/queries/index.ts';
import { diskSql } from '../../src/queries/node-sql.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const reps = Number(flag('--reps') ?? 7);
const only = flag('--only')?.split(',');
const dirs = args.length ? args : ['sample-data'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;

for (const dir of dirs) {
  const db = await openNodeDatabase();
  const started = performance.now();
  await loadContractTables(db, readContractDirectory(dir), { enrichSql: enrichSql(), today: '2030-01-01' });
  const loadMs = performance.now() - started;
  const raw = createQueryRunner((sql, params) => db.query(sql, params), diskSql);
  // Every (query, parameters) the figures ask, in the order first asked.
  const asked = new Map<string, { name: QueryName; params: readonly QueryParam[] }>();
  const recording = (async (name, params) => {
    asked.set(JSON.stringify([name, params]), { name, params });
    return raw(name, params);
  }) as RunQuery;
  const run = countQuery(recording);
  const [extent] = await raw('period', []);
  if (!extent) throw new Error('no period');
  const filterSets: Filters[] = [
    NO_FILTERS,
    { ...NO_FILTERS, from: '2021-12' },
    { ...NO_FILTERS, from: '2022-03' },
    { ...NO_FILTERS, from: '2023-06' },
    { ...NO_FILTERS, service: 'SLT' },
  ];
  for (const filters of filterSets) {
    await buildReport(run, filters, { settings: DEFAULT_SETTINGS });
    await waitsOverTime(run, filters, resolvePeriod(filters, extent), DEFAULT_SETTINGS, 18, 0.92);
  }
  const times = new Map<QueryName, { all: number[]; worst: { ms: number; params: string } }>();
  for (const { name, params } of asked.values()) {
    if (only && !only.includes(name)) continue;
    await raw(name, params);
    const own: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      await raw(name, params);
      own.push(performance.now() - t);
    }
    own.sort((a, b) => a - b);
    const entry = times.get(name) ?? { all: [], worst: { ms: -1, params: '' } };
    entry.all.push(...own);
    const median = percentile(own, 0.5);
    if (median > entry.worst.ms) entry.worst = { ms: median, params: JSON.stringify(params) };
    times.set(name, entry);
  }
  console.log(`${dir}: loaded in ${(loadMs / 1000).toFixed(2)} s; ${asked.size} (query, parameters) pairs, ${reps} warm runs each`);
  console.log(`${'query'.padEnd(30)} ${'median'.padStart(8)} ${'p95'.padStart(8)}  slowest parameter set (its median)`);
  const rows = [...times.entries()].sort((a, b) => percentile(b[1].all.sort((x, y) => x - y), 0.5) - percentile(a[1].all.sort((x, y) => x - y), 0.5));
  for (const [name, { all, worst }] of rows) {
    all.sort((a, b) => a - b);
    console.log(`${name.padEnd(30)} ${percentile(all, 0.5).toFixed(1).padStart(8)} ${percentile(all, 0.95).toFixed(1).padStart(8)}  ${worst.ms.toFixed(1)} ms ${worst.params}`);
  }
  await db.close?.();
}
