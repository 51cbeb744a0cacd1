// `npm run bench` part (issue 14 item 4): the command line on native DuckDB (@duckdb/node-api, the default) and on
// the wasm build the browser ships (`--engine wasm`), side by side in one run, interleaved command by command, on
// the bench's 1M-row set: validate, report on CSV, to-parquet, report on the Parquet to-parquet wrote; each beside
// native DuckDB's plain typed read_csv + group-by (tests/bench/native-read.ts). Then report at 10M referral rows
// (`generate --seed 3 --referrals-per-year 2000000`, ≈ 850 MB of CSV) on native; on wasm only with
// BENCH_WASM_10M=1 (see BENCHMARKS.md for why). Whole processes: wall time and peak resident memory.
//   tsx tests/bench/cli-engines.ts          (standalone: generates its own 1M-row set in a temporary folder)
//   tsx tests/bench/cli-engines.ts --data /work/data/1m --baseline /tmp/parquet-cli-base [--reps 5] [--only-compare]
//       (an existing 1M-row set; and native DuckDB's commands on this checkout beside another checkout of the
//        project — e.g. `git worktree add /tmp/base <commit>` with node_modules linked in — interleaved, medians;
//        BENCH_BASELINE_ROOT=DIR does the same inside `npm run bench`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, timed, type Timed } from './timed.ts';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = 'pipelines/cli.ts';
const TODAY = ['--today', '2030-01-01'];
const ENGINES = ['native', 'wasm'] as const;

function freeGb(dir: string): number {
  const out = execFileSync('df', ['-Pk', dir], { encoding: 'utf8' }).trim().split('\n').at(-1) ?? '';
  return Number(out.split(/\s+/)[3]) / 1024 / 1024;
}

const ratio = (a: Timed, b: Timed) => (a.ok && b.ok ? `${(a.seconds / b.seconds).toFixed(1)}×` : 'n/a');

export function cliEngines(work: string, big: string, referrals: string, baseline?: Timed): void {
  if (process.env.BENCH_BASELINE_ROOT && !process.argv.includes('--baseline')) cliBeforeAfter(work, big, process.env.BENCH_BASELINE_ROOT);
  console.log('command line on native DuckDB vs DuckDB-wasm (1M referral rows, whole processes):');
  const base = baseline ?? timed('native DuckDB: typed read_csv + group-by (1M)', TSX, ['tests/bench/native-read.ts', referrals]);
  const results: { command: string; native: Timed; wasm: Timed }[] = [];
  const parquet = (engine: string) => join(work, `big-parquet-${engine}`);
  const commands: [string, (engine: string) => string[]][] = [
    ['validate', () => ['validate', big, ...TODAY]],
    ['report (CSV)', () => ['report', big, ...TODAY]],
    ['to-parquet', (engine) => ['to-parquet', big, parquet(engine), ...TODAY]],
    // Both engines read the Parquet native DuckDB's to-parquet wrote (the two engines write the same rows).
    ['report (Parquet)', () => ['report', parquet('native'), ...TODAY]],
  ];
  for (const [command, args] of commands) {
    const [native, wasm] = ENGINES.map((engine) => timed(`  ${command}, ${engine}`, TSX, [CLI, ...args(engine), '--engine', engine])) as [Timed, Timed];
    results.push({ command, native, wasm });
  }
  console.log(`  ${'command'.padEnd(18)} ${'native'.padStart(18)} ${'wasm'.padStart(18)}  wasm÷native  native÷plain read`);
  const cell = (t: Timed) => (t.ok ? `${t.seconds.toFixed(1)} s ${t.peakMb.toFixed(0)} MB` : 'failed').padStart(18);
  for (const r of results) console.log(`  ${r.command.padEnd(18)} ${cell(r.native)} ${cell(r.wasm)}  ${ratio(r.wasm, r.native).padStart(11)}  ${ratio(r.native, base).padStart(17)}`);

  // 10M referral rows: a region. Needs ≈ 1 GB for the CSV and room for the engine's temporary copy.
  if (process.env.BENCH_SKIP_10M === '1') { console.log('report at 10M rows: skipped (BENCH_SKIP_10M=1)'); return; }
  const free = freeGb(work);
  if (free < 4) { console.log(`report at 10M rows: skipped (${free.toFixed(1)} GB free on ${work}; needs 4)`); return; }
  const region = join(work, 'region');
  timed('generate 10,000,000 referrals', TSX, [CLI, 'generate', '--seed', '3', '--out', region, '--referrals-per-year', '2000000']);
  console.log(`${'  referrals.csv size'.padEnd(52)} ${(statSync(join(region, 'referrals.csv')).size / 1e6).toFixed(1)} MB`);
  timed('native DuckDB: typed read_csv + group-by (10M)', TSX, ['tests/bench/native-read.ts', join(region, 'referrals.csv')]);
  timed('report on 10,000,000 referrals (CSV), native', TSX, [CLI, 'report', region, ...TODAY, '--engine', 'native']);
  if (process.env.BENCH_WASM_10M === '1') {
    timed('report on 10,000,000 referrals (CSV), wasm', TSX, [CLI, 'report', region, ...TODAY, '--engine', 'wasm'], { timeoutSeconds: 3600 });
  } else console.log('report at 10M rows on wasm: not run (BENCH_WASM_10M=1 runs it; BENCHMARKS.md says what it gave)');
  rmSync(region, { recursive: true, force: true });
}

// ---- before/after: native DuckDB's commands on this checkout and on a baseline checkout, interleaved -------------
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[Math.floor((s.length - 1) / 2)] ?? NaN) + (s[Math.ceil((s.length - 1) / 2)] ?? NaN)) / 2 : NaN;
}

/**
 * Each command as a whole process on `baseline` (another checkout) and on this one, alternating command by command,
 * `reps` times; prints the medians (wall time and peak memory) side by side with the plain read, and returns them.
 */
export function cliBeforeAfter(work: string, data: string, baseline: string, reps = 3): void {
  const referrals = join(data, 'referrals.csv');
  const trees = [['before', baseline], ['after', ROOT]] as const;
  const parquet = (tree: string) => join(work, `before-after-parquet-${tree}`);
  const commands: [string, (tree: string) => string[]][] = [
    ['validate', () => [CLI, 'validate', data, ...TODAY]],
    ['report (CSV)', () => [CLI, 'report', data, ...TODAY]],
    ['to-parquet', (tree) => [CLI, 'to-parquet', data, parquet(tree), ...TODAY]],
    // Each checkout reads the Parquet its own to-parquet wrote.
    ['report (Parquet)', (tree) => [CLI, 'report', parquet(tree), ...TODAY]],
  ];
  console.log(`command line before (${baseline}) and after (this checkout), native DuckDB, ${reps} interleaved runs, medians:`);
  const plain: Timed[] = [];
  const runs = new Map<string, Timed[]>();
  for (let rep = 0; rep < reps; rep++) {
    plain.push(timed(`  [${rep + 1}/${reps}] native DuckDB: typed read_csv + group-by`, TSX, ['tests/bench/native-read.ts', referrals]));
    for (const [command, args] of commands) {
      // The Parquet each checkout's own to-parquet wrote just before.
      for (const [tree, root] of trees) {
        const t = timed(`  [${rep + 1}/${reps}] ${command}, ${tree}`, join(root, 'node_modules', '.bin', 'tsx'), args(tree), { cwd: root });
        runs.set(`${command}|${tree}`, [...(runs.get(`${command}|${tree}`) ?? []), t]);
      }
    }
  }
  const ok = (ts: readonly Timed[]) => ts.filter((t) => t.ok);
  const base = median(ok(plain).map((t) => t.seconds));
  const cell = (ts: readonly Timed[]) => (ok(ts).length === ts.length
    ? `${median(ts.map((t) => t.seconds)).toFixed(2)} s ${median(ts.map((t) => t.peakMb)).toFixed(0)} MB` : 'failed').padStart(18);
  console.log(`  ${'plain read + group-by'.padEnd(18)} ${`${base.toFixed(2)} s ${median(plain.map((t) => t.peakMb)).toFixed(0)} MB`.padStart(18)}`);
  console.log(`  ${'command'.padEnd(18)} ${'before'.padStart(18)} ${'after'.padStart(18)}  after÷before  before÷plain  after÷plain`);
  for (const [command] of commands) {
    const [b = [], a = []] = trees.map(([tree]) => runs.get(`${command}|${tree}`) ?? []);
    const [mb, ma] = [median(ok(b).map((t) => t.seconds)), median(ok(a).map((t) => t.seconds))];
    console.log(`  ${command.padEnd(18)} ${cell(b)} ${cell(a)}  ${`${(ma / mb).toFixed(2)}×`.padStart(12)}  ${`${(mb / base).toFixed(2)}×`.padStart(12)}  ${`${(ma / base).toFixed(2)}×`.padStart(11)}`);
  }
  for (const [tree] of trees) rmSync(parquet(tree), { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').at(-1) ?? '\0')) {
  const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
  const work = mkdtempSync(join(tmpdir(), 'tee-bench-engines-'));
  try {
    let big = arg('data');
    if (!big) {
      big = join(work, 'big');
      timed('generate 1,000,000 referrals', TSX, [CLI, 'generate', '--seed', '3', '--out', big, '--referrals-per-year', '200000']);
    }
    const baseline = arg('baseline') ?? process.env.BENCH_BASELINE_ROOT;
    if (baseline) cliBeforeAfter(work, big, baseline, Number(arg('reps') ?? 3));
    if (!process.argv.includes('--only-compare')) cliEngines(work, big, join(big, 'referrals.csv'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
