// Runs one command as a whole process and prints its wall time and peak resident memory (GNU time's %M) on one
// line; a script that times its own work prints `N.NN s, …` on stdout, shown beside the whole-process figures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface Timed { readonly seconds: number; readonly peakMb: number; readonly ok: boolean }

export function timed(label: string, command: string, args: string[], options: { timeoutSeconds?: number; cwd?: string } = {}): Timed {
  // GNU time's -f prints peak resident memory; fall back to wall time alone when it is missing.
  const hasTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const spawnOptions = { cwd: options.cwd ?? ROOT, encoding: 'utf8' as const, maxBuffer: 1 << 30, timeout: (options.timeoutSeconds ?? 0) * 1000 };
  const run = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], spawnOptions)
    : spawnSync(command, args, spawnOptions);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = hasTime ? Number(run.stderr.trim().split('\n').at(-1)) : NaN;
  const status = run.status === 0 ? 'ok' : run.signal ? `killed (${run.signal})` : `exit ${run.status}: ${run.stderr.trim().split('\n').slice(-3, -1).join(' / ').slice(0, 200)}`;
  const own = /^\d+\.\d+ s, .*$/m.exec(run.stdout)?.[0];
  const peakMb = peakKb / 1024;
  console.log(`${label.padEnd(52)} ${seconds.toFixed(2).padStart(7)} s   peak ${Number.isFinite(peakMb) ? `${peakMb.toFixed(0)} MB` : 'n/a'}   ${status}${own ? `   (work alone: ${own})` : ''}`);
  return { seconds, peakMb, ok: run.status === 0 };
}
