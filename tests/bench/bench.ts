// `npm run bench`: prints how long the pipeline and the analytics take and how much memory they use, as whole
// processes (so the figures include Node's start-up, as a user's run would). Figures, not pass/fail: compare runs.
//   1. generate the default sample (15,000 referrals) and 1,000,000 referrals (seed 3, 200,000 a year);
//   2. the 1M-row load side by side: native DuckDB's plain typed read_csv + group-by, papaparse + a Map, and the
//      product's one load path (DuckDB-wasm, every contract check); the seconds each prints exclude start-up;
//   3. validate, report and to-parquet on the 1M-row set, and report on the Parquet it wrote (whole processes);
//   4. if dist/ exists: the app's upload of the 1M-row set in headless Chromium (time, longest task, heap, RSS);
//   5. report on the sample (DuckDB-wasm under Node: instantiate, load, every figure);
//   5. if dist/ exists and Debian chromium is installed: time to first chart against the bare-page floor
//      (../shared/startup-floor/measure.sh, when present beside this checkout), then the same for a returning user
//      whose own files reopen from the browser's OPFS (tests/bench/returning-user.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function timed(label: string, command: string, args: string[]): void {
  // Scripts that time their own work print it on stdout; it is shown beside the whole-process figures.
  // GNU time's -f prints peak resident memory; fall back to wall time alone when it is missing.
  const hasTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const run = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = hasTime ? Number(run.stderr.trim().split('\n').at(-1)) : NaN;
  const status = run.status === 0 ? 'ok' : `exit ${run.status}`;
  const own = /^\d+\.\d+ s, .*$/m.exec(run.stdout)?.[0];
  console.log(`${label.padEnd(52)} ${seconds.toFixed(2).padStart(7)} s   peak ${Number.isFinite(peakKb) ? `${(peakKb / 1024).toFixed(0)} MB` : 'n/a'}   ${status}${own ? `   (work alone: ${own})` : ''}`);
}

const work = mkdtempSync(join(tmpdir(), 'tee-bench-'));
try {
  const big = join(work, 'big');
  timed('generate sample (15,000 referrals)', TSX, ['pipelines/cli.ts', 'generate', '--seed', '1', '--out', join(work, 'sample')]);
  timed('generate 1,000,000 referrals', TSX, ['pipelines/cli.ts', 'generate', '--seed', '3', '--out', big, '--referrals-per-year', '200000']);
  const referrals = join(big, 'referrals.csv');
  console.log(`${'  referrals.csv size'.padEnd(52)} ${(statSync(referrals).size / 1e6).toFixed(1)} MB`);
  timed('native DuckDB: typed read_csv + group-by (1M)', TSX, ['tests/bench/native-read.ts', referrals]);
  timed('papaparse + Map: same group-by (1M)', TSX, ['tests/bench/papaparse-map.ts', referrals]);
  timed('one load path, every check (DuckDB-wasm, 1M set)', TSX, ['tests/bench/load-wasm.ts', big]);
  timed('validate 1,000,000 referrals', TSX, ['pipelines/cli.ts', 'validate', big, '--today', '2030-01-01']);
  timed('report on 1,000,000 referrals (CSV)', TSX, ['pipelines/cli.ts', 'report', big, '--today', '2030-01-01']);
  const parquet = join(work, 'big-parquet');
  timed('to-parquet 1,000,000 referrals', TSX, ['pipelines/cli.ts', 'to-parquet', big, parquet, '--today', '2030-01-01']);
  timed('report on 1,000,000 referrals (Parquet)', TSX, ['pipelines/cli.ts', 'report', parquet, '--today', '2030-01-01']);
  if (existsSync(join(ROOT, 'dist', 'index.html')) && existsSync('/usr/bin/chromium')) {
    timed('app upload of the 1M set (headless Chromium)', 'node', ['tests/bench/browser-load.mjs', big]);
  }
  timed('report on sample-data (json)', TSX, ['pipelines/cli.ts', 'report', 'sample-data']);
  console.log(spawnSync(TSX, ['tests/bench/gate-cost.ts', big], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.trim());
  const floor = join(ROOT, '..', 'shared', 'startup-floor', 'measure.sh');
  if (existsSync(join(ROOT, 'dist', 'index.html')) && existsSync('/usr/bin/chromium') && existsSync(floor)) {
    console.log('first chart, app vs bare page (5 cold runs each, interleaved):');
    const run = spawnSync('bash', [floor, join(ROOT, 'dist'), '5'], { cwd: ROOT, encoding: 'utf8' });
    console.log(run.stdout.trim() || run.stderr.trim());
    // The floor page measure.sh built under /tmp; the returning user's own files (the sample's) reopen from OPFS.
    console.log('first chart, returning user vs sample vs bare page (5 cold runs each, interleaved):');
    const back = spawnSync('node', ['tests/bench/returning-user.mjs', '5', join(ROOT, 'dist'), '/tmp/startup-floor/dist'], { cwd: ROOT, encoding: 'utf8' });
    console.log(back.stdout.trim() || back.stderr.trim());
  } else {
    console.log('first chart: skipped (needs `npm run build`, /usr/bin/chromium and ../shared/startup-floor)');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
