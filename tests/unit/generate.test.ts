// The generate command: deterministic bytes, the contract's exact columns, every row valid, and the CLI's flags.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TABLES, TABLE_NAMES, createTableValidator, type TableName } from '../../src/contract/index.ts';
import { CliError } from '../../pipelines/cli-error.ts';
import { run, usage } from '../../pipelines/commands/generate.ts';
import { isoDate, lastDayOfMonth, parseMonth } from '../../pipelines/generator/calendar.ts';
import {
  generateDataset, memorySinks, resolveOptions, type GenerateOptions, type GenerateSummary,
} from '../../pipelines/generator/index.ts';
import { composition } from '../../pipelines/generator/schools.ts';

interface Generated {
  readonly summary: GenerateSummary;
  readonly text: Record<TableName, string>;
}

async function generate(options: Partial<GenerateOptions> & { seed: number }): Promise<Generated> {
  const memory = memorySinks();
  const summary = await generateDataset(resolveOptions(options), memory.factory);
  const text = Object.fromEntries(TABLE_NAMES.map((t) => [t, memory.text(TABLES[t].file)])) as Record<TableName, string>;
  return { summary, text };
}

/** The generator never quotes (no cell holds a comma or quote), so a plain split reads its CSVs. */
const lines = (text: string): string[][] => text.slice(0, -1).split('\n').map((line) => line.split(','));

function validate(generated: Generated): string[] {
  const today = isoDate(lastDayOfMonth(parseMonth(generated.summary.endMonth) ?? 0));
  const knownUrns = new Set(lines(generated.text.schools).slice(1).map((row) => row[0] ?? ''));
  const problems: string[] = [];
  for (const table of TABLE_NAMES) {
    const [header = [], ...rows] = lines(generated.text[table]);
    const validator = createTableValidator(table, TABLES[table].file, header, { today, knownUrns });
    problems.push(...validator.headerIssues.map((i) => `${table}: ${i.column} ${i.message}`));
    rows.forEach((row, i) => {
      for (const issue of validator.checkRow(row, i + 2).issues) problems.push(`${table}:${issue.line}: ${issue.column} ${issue.message} (${issue.value})`);
    });
  }
  return problems;
}

describe('generateDataset', () => {
  let full: Generated;
  beforeAll(async () => { full = await generate({ seed: 1 }); });

  it('gives byte-identical files for the same seed and different files for another seed', async () => {
    const options = { seed: 7, schools: 30, years: 2 };
    const [a, b, c] = await Promise.all([generate(options), generate(options), generate({ ...options, seed: 8 })]);
    for (const table of TABLE_NAMES) expect(a.text[table]).toBe(b.text[table]);
    expect(c.text.schools).not.toBe(a.text.schools);
    expect(c.text.referrals).not.toBe(a.text.referrals);
  });

  it('writes the contract columns in order, LF endings, no BOM, no quoting', () => {
    for (const table of TABLE_NAMES) {
      const text = full.text[table];
      expect(text.split('\n')[0]).toBe(TABLES[table].columns.map((c) => c.name).join(','));
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).not.toMatch(/[\r"]/);
      expect(text.endsWith('\n')).toBe(true);
      const widths = new Set(lines(text).map((row) => row.length));
      expect([...widths]).toEqual([TABLES[table].columns.length]);
    }
  });

  it('passes the contract validator in full (default area, seed 1)', () => {
    expect(validate(full)).toEqual([]);
    expect(full.summary.rows).toEqual({ schools: 90, referrals: 15_000, provision: expect.any(Number), workforce: 120 });
    expect(full.summary.firstMonth).toBe('2021-09');
    expect(full.summary.endMonth).toBe('2026-08');
  });

  it('is what sample-data/ holds (regenerate it with the command in sample-data/README.md after a change)', async () => {
    for (const table of TABLE_NAMES) {
      expect(await readFile(new URL(`../../sample-data/${TABLES[table].file}`, import.meta.url), 'utf8'), table).toBe(full.text[table]);
    }
  });

  it('passes the validator for a small, short, off-calendar area', async () => {
    const small = await generate({ seed: 99, schools: 10, years: 1, referralsPerYear: 400, endMonth: '2024-02' });
    expect(validate(small)).toEqual([]);
    expect(small.summary.rows.referrals).toBe(400);
    expect(small.summary.firstMonth).toBe('2023-03');
  });

  it('writes exactly --referrals-per-year × --years referrals with unique ids', async () => {
    const g = await generate({ seed: 3, schools: 15, years: 2, referralsPerYear: 5000 });
    const ids = lines(g.text.referrals).slice(1).map((row) => row[0]);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
  });

  it('splits any area size into every kind of school', () => {
    for (const total of [10, 11, 25, 57, 90, 91, 200, 1000]) {
      const counts = composition(total);
      expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(total);
      expect(Math.min(...Object.values(counts))).toBeGreaterThanOrEqual(1);
      expect(counts.primary).toBeGreaterThanOrEqual(4);
    }
    expect(composition(90)).toEqual({
      primary: 57, secondary: 16, special: 4, independent: 4, alternative_provision: 1, early_years: 6, college: 2,
    });
  });
});

describe('generate command', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'generate-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('has a one-line usage', () => {
    expect(usage).toMatch(/^generate --seed N --out DIR/);
    expect(usage).not.toContain('\n');
  });

  it('writes the same bytes to files as in memory', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await run(['--seed', '5', '--out', dir, '--schools', '20', '--years', '1', '--end-month', '2025-07']);
    stdout.mockRestore();
    expect(code).toBe(0);
    const expected = await generate({ seed: 5, schools: 20, years: 1, endMonth: '2025-07' });
    for (const table of TABLE_NAMES) {
      expect(await readFile(join(dir, TABLES[table].file), 'utf8')).toBe(expected.text[table]);
    }
  });

  it.each([
    [['--out', 'x'], /--seed is required/],
    [['--seed', '1'], /--out DIR is required/],
    [['--seed', '1', '--out', 'x', '--years', '0'], /years must be a whole number from 1/],
    [['--seed', '1.5', '--out', 'x'], /seed must be a whole number/],
    [['--seed', 'one', '--out', 'x'], /--seed must be a number/],
    [['--seed', '1', '--out', 'x', '--end-month', '2026-13'], /end-month must be yyyy-mm/],
    [['--seed', '1', '--out', 'x', '--rows', '5'], /unknown option --rows/],
    [['--seed', '1', '--out', 'x', 'extra'], /unexpected argument 'extra'/],
  ])('rejects %j with a one-line error and exit code 2', async (argv, message) => {
    const error = await run(argv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(message);
    expect((error as CliError).exitCode).toBe(2);
  });
});
