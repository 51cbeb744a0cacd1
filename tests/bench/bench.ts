// `npm run bench`: prints how long the pipeline and the analytics take and how much memory they use, as whole
// processes (so the figures include Node's start-up, as a user's run would). Figures, not pass/fail: compare runs.
//   1. generate the default sample (15,000 referrals) and 1,000,000 referrals (seed 3, 200,000 a year);
//   2. the 1M-row load side by side: native DuckDB's plain typed read_csv + group-by, papaparse + a Map, and the
//      product's one load path (DuckDB-wasm, every contract check); the seconds each prints exclude start-up;
//   3. validate, report and to-parquet on the 1M-row set, and report on the Parquet it wrote, each on native DuckDB
//      and on DuckDB-wasm side by side; then report at 10M rows (tests/bench/cli-engines.ts);
//   4. if dist/ exists: the app's upload of the 1M-row set, then of a 2.35M-row set, in headless Chromium (time,
//      longest task, heap, RSS), and filter changes on Equity and Demand, on the sample and the 1M set
//      (tests/bench/filter-change.mjs);
//   5. report on the sample on both engines (instantiate, load, every figure); each figure query's warm cost on
//      DuckDB-wasm, on the sample and the 1M set (tests/bench/figure-queries.ts);
//   5. if dist/ exists and Debian chromium is installed: time to first chart against the bare-page floor
//      (../shared/startup-floor/measure.sh, when present beside this checkout), then the same for a returning user
//      whose own files reopen from the browser's OPFS (tests/bench/returning-user.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEngines } from './cli-engines.ts';
import { ROOT, timed } from './timed.ts';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const work = mkdtempSync(join(tmpdir(), 'tee-bench-'));
try {
  const big = join(work, 'big');
  timed('generate sample (15,000 referrals)', TSX, ['pipelines/cli.ts', 'generate', '--seed', '1', '--out', join(work, 'sample')]);
  timed('generate 1,000,000 referrals', TSX, ['pipelines/cli.ts', 'generate', '--seed', '3', '--out', big, '--referrals-per-year', '200000']);
  const referrals = join(big, 'referrals.csv');
  console.log(`${'  referrals.csv size'.padEnd(52)} ${(statSync(referrals).size / 1e6).toFixed(1)} MB`);
  const plainRead = timed('native DuckDB: typed read_csv + group-by (1M)', TSX, ['tests/bench/native-read.ts', referrals]);
  timed('papaparse + Map: same group-by (1M)', TSX, ['tests/bench/papaparse-map.ts', referrals]);
  timed('one load path, every check (DuckDB-wasm, 1M set)', TSX, ['tests/bench/load-wasm.ts', big]);
  // validate, report (CSV and Parquet) and to-parquet on native DuckDB and on the wasm build, then report at 10M.
  cliEngines(work, big, referrals, plainRead);
  if (existsSync(join(ROOT, 'dist', 'index.html')) && existsSync('/usr/bin/chromium')) {
    timed('app upload of the 1M set (headless Chromium)', 'node', ['tests/bench/browser-load.mjs', big]);
    // The memory target is set at 2.35M referrals (470,000 a year over the generator's five years).
    const huge = join(work, 'huge');
    timed('generate 2,350,000 referrals', TSX, ['pipelines/cli.ts', 'generate', '--seed', '3', '--out', huge, '--referrals-per-year', '470000']);
    timed('app upload of the 2.35M set (headless Chromium)', 'node', ['tests/bench/browser-load.mjs', huge]);
    rmSync(huge, { recursive: true, force: true });
    // Filter changes (issue 14): this build, beside BENCH_BASELINE_DIST (another build's dist/, e.g. the commit
    // before a change) when given, interleaved in one run; on the sample, then on the 1M set.
    const dists = ['--dist', join(ROOT, 'dist'), ...(process.env.BENCH_BASELINE_DIST ? ['--dist', process.env.BENCH_BASELINE_DIST] : [])];
    for (const data of [[], ['--data', big]]) {
      const run = spawnSync('node', ['tests/bench/filter-change.mjs', ...dists, ...data], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
      console.log(`filter changes (${data.length ? '1M set' : 'sample'}):\n${run.stdout.trim() || run.stderr.trim()}`);
    }
  }
  for (const engine of ['native', 'wasm']) timed(`report on sample-data (json), ${engine}`, TSX, ['pipelines/cli.ts', 'report', 'sample-data', '--engine', engine]);
  console.log(spawnSync(TSX, ['tests/bench/gate-cost.ts', big], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.trim());
  // Each figure query warm on DuckDB-wasm, on the sample and the 1M set (tests/bench/figure-queries.ts).
  console.log(spawnSync(TSX, ['tests/bench/figure-queries.ts', 'sample-data', big], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.trim());
  const floor = join(ROOT, '..', 'shared', 'startup-floor', 'measure.sh');
  if (existsSync(join(ROOT, 'dist', 'index.html')) && existsSync('/usr/bin/chromium') && existsSync(floor)) {
    console.log('first chart, app vs bare page (5 cold runs each, interleaved):');
    const run = spawnSync('bash', [floor, join(ROOT, 'dist'), '5'], { cwd: ROOT, encoding: 'utf8' });
    console.log(run.stdout.trim() || run.stderr.trim());
    // The floor page measure.sh built under /tmp; the returning user's own files (the sample's) reopen from OPFS.
    console.log('first chart, returning user vs sample vs bare page (5 cold runs each, interleaved):');
    // With BENCH_BASELINE_DIST, that build's sample and returning pages are timed in the same interleaved run.
    const back = spawnSync('node', ['tests/bench/returning-user.mjs', '5', join(ROOT, 'dist'), '/tmp/startup-floor/dist',
      ...(process.env.BENCH_BASELINE_DIST ? [process.env.BENCH_BASELINE_DIST] : [])], { cwd: ROOT, encoding: 'utf8' });
    console.log(back.stdout.trim() || back.stderr.trim());
  } else {
    console.log('first chart: skipped (needs `npm run build`, /usr/bin/chromium and ../shared/startup-floor)');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
