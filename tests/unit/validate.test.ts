// `validate` end to end on small fixture folders: exit codes, `file:line: column: message` lines with the right
// line numbers, summaries, the error cap, and one run through the real CLI entry.
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../pipelines/commands/validate.ts';
import { capture, tempWorkDir, type CliResult } from './cli-helpers.ts';

const CLEAN = 'tests/fixtures/contract/clean';
const TODAY = ['--today', '2025-06-30'];
const work = tempWorkDir('tee-validate-');

const validate = (...argv: string[]): Promise<CliResult> => capture(run, ...argv);

/** A copy of the clean fixtures with `edit` applied to one file's text. */
function copyWith(name: string, file: string, edit: (text: string) => string): string {
  const dir = join(work, name);
  cpSync(CLEAN, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('validate', () => {
  it('passes the clean fixtures with exit 0 and a summary per file', async () => {
    const result = await validate(CLEAN, ...TODAY);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${join(CLEAN, 'schools.csv')}: 4 rows ok, 0 rejected`);
    expect(result.stdout).toContain(`${join(CLEAN, 'referrals.csv')}: 6 rows ok, 0 rejected`);
    expect(result.stdout).toContain(`${join(CLEAN, 'provision.csv')}: 4 rows ok, 0 rejected`);
    expect(result.stdout).toContain(`${join(CLEAN, 'workforce.csv')}: 2 rows ok, 0 rejected`);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('clean: 4 files checked');
  });

  it('warns, without refusing, about referrals from year groups outside a school\'s statutory age range', async () => {
    // Fixture Primary School (100001) given ages 4–7 (R to year 2): its year 3 referral is outside; its two in
    // reception are inside. Example Academy (100002, no range given) is never checked.
    const dir = copyWith('age-range', 'schools.csv', (text) => text.trimEnd().split(/\r?\n/)
      .map((line, i) => (i === 0 ? `${line},age_low,age_high` : line.startsWith('100001,') ? `${line},4,7` : `${line},,`)).join('\n').concat('\n'));
    const result = await validate(dir, ...TODAY);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning: schools.csv: 100001 (Fixture Primary School) has 1 referral from year groups outside its age range 4–7 (year group 3)');
    expect(result.stdout.match(/^warning:/gm)).toHaveLength(1);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('clean: 4 files checked');
  });

  it('passes the same data saved with a BOM, CRLF line endings and quoted commas', async () => {
    expect((await validate('tests/fixtures/contract/bom-crlf', ...TODAY)).code).toBe(0);
  });

  it('fails one broken row with exit 1 and names its file, line and column', async () => {
    // Line 5 of referrals.csv is R-0004 (header = line 1); its outcome "pending" becomes "maybe".
    const dir = copyWith('broken-outcome', 'referrals.csv', (t) => t.replace('R-0004,P-0001,100001,OT,2025-01-15,R,,school,yes,pending', 'R-0004,P-0001,100001,OT,2025-01-15,R,,school,yes,maybe'));
    const result = await validate(dir, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${join(dir, 'referrals.csv')}:5: outcome: must be one of accepted, signposted, declined, pending (maybe)\n`);
    expect(result.stdout).toMatch(/referrals\.csv:5: outcome: /);
    expect(result.stdout).toContain(`${join(dir, 'referrals.csv')}: 5 rows ok, 1 rejected`);
    expect(result.stdout).toContain('  1 row rejected for outcome: must be one of accepted, signposted, declined, pending');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('1 problem in 1 of 4 files');
  });

  it('counts a line break inside a quoted field when numbering the lines after it', async () => {
    // schools.csv line 3's name spans two lines, so Testbrook (was line 4) starts on line 5 and Sample Nursery on 6.
    const dir = copyWith('multiline', 'schools.csv', (t) => t.replace('Example Academy', '"Example\nAcademy"').replace('Sample Nursery,early_years,early_years,South,40', 'Sample Nursery,early_years,early_years,South,-40'));
    const result = await validate(dir, ...TODAY);
    expect(result.stdout).toContain(`${join(dir, 'schools.csv')}:6: pupils_on_roll: must be at least 0 (-40)`);
  });

  it('checks school_urn in referrals and provision against the URNs in schools.csv', async () => {
    const dir = copyWith('unknown-urn', 'provision.csv', (t) => t.replace('100002,2024-10,OT', '100099,2024-10,OT'));
    const result = await validate(dir, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${join(dir, 'provision.csv')}:4: school_urn: is not the URN of any school in schools.csv (100099)`);
  });

  it('reports dates after --today as in the future', async () => {
    const result = await validate(CLEAN, '--today', '2025-03-05');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${join(CLEAN, 'referrals.csv')}:7: referral_date: is in the future (after 2025-03-05) (2025-03-10)`);
  });

  it('reports a missing required table, and allows workforce.csv to be absent', async () => {
    const dir = join(work, 'missing');
    cpSync(CLEAN, dir, { recursive: true });
    rmSync(join(dir, 'provision.csv'));
    rmSync(join(dir, 'workforce.csv'));
    const result = await validate(dir, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${join(dir, 'provision.csv')}: required file is missing`);
    expect(result.stdout).not.toContain('workforce.csv');
  });

  it('reports header problems on line 1 and does not check rows without a required column', async () => {
    const dir = copyWith('bad-header', 'workforce.csv', (t) => t.replace('fte_vacant', 'vacancies'));
    const result = await validate(dir, ...TODAY);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${join(dir, 'workforce.csv')}:1: fte_vacant: required column is missing from the header`);
    expect(result.stdout).toContain(`${join(dir, 'workforce.csv')}:1: vacancies: is not a column of the contract (remove it) (vacancies)`);
    expect(result.stdout).toContain(`${join(dir, 'workforce.csv')}: rows not checked (fix the header first)`);
  });

  it('prints at most --max-errors problems but counts them all', async () => {
    const dir = copyWith('many', 'referrals.csv', (t) => t.replaceAll(',SLT,', ',SALT,'));
    const result = await validate(dir, ...TODAY, '--max-errors', '2');
    const problemLines = result.stdout.split('\n').filter((l) => /referrals\.csv:\d+: /.test(l));
    expect(problemLines).toHaveLength(2);
    expect(result.stdout).toContain('… and 2 more problems not shown (raise --max-errors to see them)');
    expect(result.stdout).toContain('4 rows rejected for service: must be one of SLT, OT');
  });

  it('validates a single file named after its table', async () => {
    const result = await validate(join(CLEAN, 'workforce.csv'), ...TODAY);
    expect(result.code).toBe(0);
  });

  it.each([
    [[], 'usage: validate'],
    [['tests/fixtures/raw/referrals-extract.csv'], 'cannot tell which table'],
    [['no/such/dir'], 'does not exist'],
    [[CLEAN, '--today', '31/12/2025'], '--today must be a real date as yyyy-mm-dd'],
    [[CLEAN, '--max-errors', 'lots'], '--max-errors must be a number'],
    [[CLEAN, '--max-error', '3'], 'unknown option --max-error'],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const result = await validate(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('runs through the real CLI entry with the same exit code and output', async () => {
    const dir = copyWith('cli', 'referrals.csv', (t) => t.replace('2024-11-05,9,', '2024-11-05,,'));
    const cli = promisify(execFile)(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', 'validate', dir, ...TODAY]);
    const failure = await cli.then(() => null, (error: { code: number; stdout: string }) => error);
    expect(failure?.code).toBe(1);
    // Line 4 of referrals.csv is R-0003: neither year_group nor age_at_referral is given any more.
    expect(failure?.stdout).toContain(`${join(dir, 'referrals.csv')}:4: year_group: year_group or age_at_referral is required\n`);
  });
});
