// `npm run bench` part (issue 14 item 4): the command line on native DuckDB (@duckdb/node-api, the default) and on
// the wasm build the browser ships (`--engine wasm`), side by side in one run, interleaved command by command, on
// the bench's 1M-row set: validate, report on CSV, to-parquet, report on the Parquet to-parquet wrote; each beside
// native DuckDB's plain typed read_csv + group-by (tests/bench/native-read.ts). Then report at 10M referral rows
// (`generate --seed 3 --referrals-per-year 2000000`, ≈ 850 MB of CSV) on native; on wasm only with
// BENCH_WASM_10M=1 (see BENCHMARKS.md for why). Whole processes: wall time and peak resident memory.
//   tsx tests/bench/cli-engines.ts          (standalone: generates its own 1M-row set in a temporary folder)
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

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').at(-1) ?? '\0')) {
  const work = mkdtempSync(join(tmpdir(), 'tee-bench-engines-'));
  try {
    const big = join(work, 'big');
    timed('generate 1,000,000 referrals', TSX, [CLI, 'generate', '--seed', '3', '--out', big, '--referrals-per-year', '200000']);
    cliEngines(work, big, join(big, 'referrals.csv'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
