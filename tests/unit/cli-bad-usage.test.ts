// The real CLI entry (pipelines/cli.ts, as `npm run pipeline` runs it, in a child process): every command refuses
// an option it does not know (exit 2, the option named, the usage shown) instead of ignoring it, and a refused
// input reaches the user as `file:line: column` lines and exit 1, never a stack trace. The 2 MB cell is the input
// issue 13 saw crash `report` with one.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempWorkDir, writeFolder } from './cli-helpers.ts';
import { CASES, cleanSet } from './load-corpus.ts';

const work = tempWorkDir('tee-cli-usage-');
const CLEAN = 'tests/fixtures/contract/clean';
const KEY = join(work, 'key.txt');
writeFileSync(KEY, `${'e5'.repeat(32)}\n`, { mode: 0o600 });
const STACK = /\n\s+at .+:\d+:\d+/;

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', ...argv], { maxBuffer: 64 * 1024 * 1024 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (e: { code: number; stdout: string; stderr: string }) => e);
}

describe('every command refuses an unknown option', () => {
  it.each([
    ['validate', [CLEAN, '--bogus']],
    ['report', [CLEAN, '--bogus', 'x']],
    ['to-parquet', [CLEAN, join(work, 'never-parquet'), '--bogus']],
    ['anonymise', [CLEAN, join(work, 'never-anon'), '--key-file', KEY, '--bogus']],
    ['generate', ['--seed', '1', '--out', join(work, 'never-gen'), '--bogus']],
    ['context', [CLEAN, '--bogus']],
  ])('%s --bogus: exit 2, the option named, nothing written', async (command, argv) => {
    const result = await cli(command, ...argv);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^error: unknown option --bogus/m);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stdout).toBe('');
  }, 30_000);

  it('an unknown command is refused the same way', async () => {
    const result = await cli('--bogus');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: unknown command '--bogus'/m);
  }, 30_000);
});

describe('a refused input reaches the user as lines and exit 1, never a stack trace', () => {
  const testCase = CASES.find((c) => c.name.startsWith('2 MB cell'));
  if (!testCase) throw new Error('the corpus has no 2 MB cell case');
  const dir = writeFolder(join(work, 'two-mb'), testCase.edit(cleanSet()));
  const { 'referrals.csv': _referrals, ...others } = testCase.edit(cleanSet());
  const extractDir = writeFolder(join(work, 'two-mb-extract'), others);
  writeFileSync(join(extractDir, 'referrals-extract.csv'), 'nhs_number,date_of_birth,referral_id,school_urn,service,referral_date,referral_source,has_ehcp,outcome,year_group\n'
    + '4505577112,,R1,100001,SLT,2024-09-10,school,false,accepted,R\n');

  it.each([
    ['validate', [dir]],
    ['report', [dir]],
    ['to-parquet', [dir, join(work, 'two-mb-parquet')]],
    ['anonymise', [extractDir, join(work, 'two-mb-anon'), '--key-file', KEY]],
  ])('%s', async (command, argv) => {
    const result = await cli(command, ...argv);
    const output = result.stdout + result.stderr;
    expect(result.code, output.slice(0, 2000)).toBe(1);
    expect(output).toMatch(/schools\.csv:3: \(row\): is longer than 2,000,000 bytes/);
    expect(output).not.toMatch(STACK);
    expect(output).not.toMatch(/z{100}/);
  }, 60_000);
});
