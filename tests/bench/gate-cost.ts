// `npm run bench` part: what the disclosure gate costs at scale (issue 11). On a folder of contract CSVs (the
// bench's 1,000,000 referrals), for each figure: its SQL alone (raw rows, cell keys included), the whole figure in
// exact and in shareable mode (median of 3 warm runs), and the gate's own work in isolation — sealing the rows'
// counts into cells and publishing every one of them (median of 20 runs on rows already fetched) — and the record
// keys' cost at load (SHA-256 of every referral_id, the only cost the cell keys add to SQL beyond a sum).
//   tsx tests/bench/gate-cost.ts DIR
import {
  DEFAULT_SETTINGS, NO_FILTERS, funnel, periodOf, provisionBySchool, ratesByTypePhase, spcSeries, waits,
  type AnalyticsSettings, type Filters, type Period,
} from '../../src/analytics/index.ts';
import { Cell, countQuery, createGate, isCell, sealRow, type CountQuery } from '../../src/disclosure/index.ts';
import { createQueryRunner, type QueryName, type RunQuery } from '../../src/queries/index.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import { DEFAULT_PREVALENCE } from '../../src/stats/index.ts';
import { loadDirectory } from '../../pipelines/load-dir.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx tests/bench/gate-cost.ts DIR');

/** The gate's whole job on a figure's rows: seal each count with its key, then publish every count. */
function gateWork(rows: readonly object[]): number {
  const gate = createGate('shareable', 5);
  let shown = 0;
  for (const row of rows) {
    for (const value of Object.values(sealRow(row))) if (isCell(value)) shown += gate.count(value as Cell) === 'c' ? 0 : 1;
  }
  return shown;
}

async function median(f: () => Promise<unknown>, runs = 3): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

const { db } = await loadDirectory(dir);
const raw: RunQuery = createQueryRunner((sql, params) => db.query(sql, params), diskSql);
const run: CountQuery = countQuery(raw);
const period: Period = await periodOf(run, NO_FILTERS);
const params = (f: Filters) => [f.service, period.from, period.to, f.locality] as const;
const figures: [string, QueryName, unknown[], (s: AnalyticsSettings) => Promise<unknown>][] = [
  ['rates by type × phase', 'referral-rates-by-type-phase', [...params(NO_FILTERS)], (s) => ratesByTypePhase(run, NO_FILTERS, period, s)],
  ['funnel', 'school-rates', [...params(NO_FILTERS), null, null], (s) => funnel(run, NO_FILTERS, period, s)],
  ['SPC series', 'monthly-referrals', [...params(NO_FILTERS), null], (s) => spcSeries(run, NO_FILTERS, period, s)],
  ['waits', 'waits', [...params(NO_FILTERS), null], (s) => waits(run, NO_FILTERS, period, s)],
  ['provision and need', 'provision-by-school', [...params(NO_FILTERS)], (s) => provisionBySchool(run, NO_FILTERS, period, s, DEFAULT_PREVALENCE)],
];
const n = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM referrals'))[0]?.n ?? 0;
console.log(`disclosure gate at ${n.toLocaleString('en-GB')} referrals (median of 3 warm runs):`);
console.log(`  ${'figure'.padEnd(24)} ${'rows'.padStart(6)} ${'SQL only'.padStart(10)} ${'exact'.padStart(10)} ${'shareable'.padStart(10)} ${'gate alone'.padStart(11)}`);
for (const [name, query, queryParams, figure] of figures) {
  const rows = await raw(query, queryParams as never);
  const sql = await median(() => raw(query, queryParams as never));
  const exact = await median(() => figure({ ...DEFAULT_SETTINGS, disclosure: 'exact' }));
  const shareable = await median(() => figure(DEFAULT_SETTINGS));
  const gateMs = await median(async () => gateWork(rows), 20);
  const ms = (v: number, d = 0) => `${v.toFixed(d)} ms`;
  console.log(`  ${name.padEnd(24)} ${String(rows.length).padStart(6)} ${ms(sql).padStart(10)} ${ms(exact).padStart(10)} ${ms(shareable).padStart(10)} ${ms(gateMs, 2).padStart(11)}`);
}
const keys = await median(() => db.query('SELECT sum(record_key(referral_id)) FROM referrals'), 1);
console.log(`  record keys at load (SHA-256 of every referral_id): ${keys.toFixed(0)} ms`);
await db.close();
