// `npm run bench`: prints how long the pipeline and the analytics take and how much memory they use, as whole
// processes (so the figures include Node's start-up, as a user's run would). Figures, not pass/fail: compare runs.
//   1. generate the default sample (15,000 referrals) and 1,000,000 referrals (streamed);
//   2. validate the 1,000,000-row set (streamed);
//   3. report on the sample (DuckDB-wasm under Node: instantiate, load, every figure);
//   4. if dist/ exists and Debian chromium is installed: time to first chart against the bare-page floor
//      (../shared/startup-floor/measure.sh, when present beside this checkout).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function timed(label: string, command: string, args: string[]): void {
  // GNU time's -f prints peak resident memory; fall back to wall time alone when it is missing.
  const hasTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const run = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = hasTime ? Number(run.stderr.trim().split('\n').at(-1)) : NaN;
  const status = run.status === 0 ? 'ok' : `exit ${run.status}`;
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s   peak ${Number.isFinite(peakKb) ? `${(peakKb / 1024).toFixed(0)} MB` : 'n/a'}   ${status}`);
}

const work = mkdtempSync(join(tmpdir(), 'tee-bench-'));
try {
  const big = join(work, 'big');
  timed('generate sample (15,000 referrals)', TSX, ['pipelines/cli.ts', 'generate', '--seed', '1', '--out', join(work, 'sample')]);
  timed('generate 1,000,000 referrals', TSX, ['pipelines/cli.ts', 'generate', '--seed', '2', '--out', big, '--referrals-per-year', '250000', '--years', '4']);
  console.log(`${'  referrals.csv size'.padEnd(44)} ${(statSync(join(big, 'referrals.csv')).size / 1e6).toFixed(1)} MB`);
  timed('validate 1,000,000 referrals', TSX, ['pipelines/cli.ts', 'validate', big, '--today', '2030-01-01']);
  timed('report on sample-data (json)', TSX, ['pipelines/cli.ts', 'report', 'sample-data']);
  console.log(spawnSync(TSX, ['tests/bench/gate-cost.ts', big], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.trim());
  const floor = join(ROOT, '..', 'shared', 'startup-floor', 'measure.sh');
  if (existsSync(join(ROOT, 'dist', 'index.html')) && existsSync('/usr/bin/chromium') && existsSync(floor)) {
    console.log('first chart, app vs bare page (5 cold runs each, interleaved):');
    const run = spawnSync('bash', [floor, join(ROOT, 'dist'), '5'], { cwd: ROOT, encoding: 'utf8' });
    console.log(run.stdout.trim() || run.stderr.trim());
  } else {
    console.log('first chart: skipped (needs `npm run build`, /usr/bin/chromium and ../shared/startup-floor)');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
