// The command line's two engines (pipelines/engine.ts): native DuckDB (the default) and the wasm build the browser
// ships must give byte-identical output, because they run the same .sql files through the same load path. Checked
// on the shipped sample, a small generated area, a Parquet folder (native reads it with read_parquet, wasm through
// hyparquet), and every broken input of the load corpus (validate's refusals, line for line).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run as anonymise } from '../../pipelines/commands/anonymise.ts';
import { run as generate } from '../../pipelines/commands/generate.ts';
import { run as report } from '../../pipelines/commands/report.ts';
import { run as toParquet } from '../../pipelines/commands/to-parquet.ts';
import { run as validate } from '../../pipelines/commands/validate.ts';
import { run as contextCommand } from '../../pipelines/commands/context.ts';
import { parquetSchemaOf, parquetValue } from '../../pipelines/csv/parquet-table.ts';
import { TABLES } from '../../src/contract/index.ts';
import { capture, tempWorkDir, type Run } from '../unit/cli-helpers.ts';
import { CASES, cleanSet, mismatches, type FileSet } from '../unit/load-corpus.ts';

// Each test runs whole CLI commands twice (once on wasm): slow on a busy machine, never timed.
vi.setConfig({ testTimeout: 240_000 });
const work = tempWorkDir('tee-cli-engine-');
const SAMPLE = new URL('../../sample-data/', import.meta.url).pathname;
const TODAY = ['--today', '2030-01-01'];

async function both(command: Run, ...argv: string[]) {
  const native = await capture(command, ...argv);
  const wasm = await capture(command, ...argv, '--engine', 'wasm');
  return { native, wasm };
}

function writeSet(name: string, files: FileSet): string {
  const dir = join(work, name.replace(/[^a-z0-9]+/gi, '-'));
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('report: native and wasm give the same bytes', () => {
  it('on the shipped sample (JSON), with real figures in it', async () => {
    const { native, wasm } = await both(report, SAMPLE, ...TODAY);
    expect(native.code, native.stderr).toBe(0);
    expect(wasm.code, wasm.stderr).toBe(0);
    expect(native.stdout).toBe(wasm.stdout);
    // Not two empty reports: the sample's figures are there.
    const parsed = JSON.parse(native.stdout) as { rates_by_type_phase: unknown[]; waits: unknown[] };
    expect(parsed.rates_by_type_phase.length).toBeGreaterThan(5);
    expect(parsed.waits.length).toBeGreaterThan(0);
  });

  it('on the shipped sample as CSV, exact counts, one service and one school', async () => {
    const { native, wasm } = await both(report, SAMPLE, ...TODAY, '--format', 'csv', '--exact', '--service', 'SLT', '--school', '100012');
    expect(native.code, native.stderr).toBe(0);
    expect(native.stdout).toBe(wasm.stdout);
    expect(native.stdout).toMatch(/^# .*\n# rates_by_type_phase\n/);
  });

  it('on a small generated area', async () => {
    const area = join(work, 'area');
    expect((await capture(generate, '--seed', '11', '--out', area, '--schools', '30', '--years', '2', '--referrals-per-year', '4000')).code).toBe(0);
    const { native, wasm } = await both(report, area, ...TODAY);
    expect(native.code, native.stderr).toBe(0);
    expect(native.stdout).toBe(wasm.stdout);
    const { native: raw, wasm: rawWasm } = await both(report, area, ...TODAY, '--raw-spc', '--no-screening', '--from', '2024-01');
    expect(raw.code, raw.stderr).toBe(0);
    expect(raw.stdout).toBe(rawWasm.stdout);
  });

  it('on a Parquet folder, and the same as from the CSV it was written from', async () => {
    const parquet = join(work, 'parquet');
    expect((await capture(toParquet, SAMPLE, parquet, ...TODAY)).code).toBe(0);
    const { native, wasm } = await both(report, parquet, ...TODAY);
    expect(native.code, native.stderr).toBe(0);
    expect(native.stdout).toBe(wasm.stdout);
    expect(native.stdout).toBe((await capture(report, SAMPLE, ...TODAY)).stdout);
  });
});

describe('to-parquet: native and wasm write files that load the same', () => {
  it('gives the same report from either engine\'s Parquet', async () => {
    const [a, b] = [join(work, 'pq-native'), join(work, 'pq-wasm')];
    const { native, wasm } = { native: await capture(toParquet, SAMPLE, a, ...TODAY), wasm: await capture(toParquet, SAMPLE, b, ...TODAY, '--engine', 'wasm') };
    expect(native.code, native.stderr).toBe(0);
    expect(native.stdout.replaceAll(a, 'OUT')).toBe(wasm.stdout.replaceAll(b, 'OUT'));
    expect((await capture(report, a, ...TODAY)).stdout).toBe((await capture(report, b, ...TODAY, '--engine', 'wasm')).stdout);
  });
});

describe.each(CASES)('validate, $name: the same output on both engines', (testCase) => {
  it('native = wasm', async () => {
    const dir = writeSet(testCase.name, testCase.edit(cleanSet()));
    const { native, wasm } = await both(validate, dir, ...TODAY);
    expect(native.code).toBe(testCase.accepted ? 0 : 1);
    expect(native.code).toBe(wasm.code);
    expect(native.stdout).toBe(wasm.stdout);
    // Not two identical wrong answers: the refusal the corpus expects is there.
    expect(mismatches(testCase, native.stdout + native.stderr)).toEqual([]);
  });
});

describe('a broken Parquet folder: the same refusals on both engines', () => {
  // Typed as to-parquet writes them, with bad values the types allow: a date before the floor, an NHS number in an
  // id, an unknown school; and a schools file whose whole-number columns are DOUBLE (as a spreadsheet export may be),
  // with a fraction where a count belongs, so native's text of a DOUBLE is checked against hyparquet's.
  beforeAll(() => {
    const dir = join(work, 'broken-parquet');
    mkdirSync(dir, { recursive: true });
    const files = cleanSet();
    const rowsOf = (text: string) => text.trim().split('\n').slice(1).map((l) => l.split(','));
    const referrals = rowsOf(files['referrals.csv'] ?? '').map((r) => r.map((cell, i) => {
      const name = TABLES.referrals.columns[i]?.name;
      if (name === 'referral_date' || name === 'first_contact_date' || name === 'discharge_date') {
        const uk = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(cell);
        return uk ? `${uk[3]}-${uk[2]}-${uk[1]}` : cell;
      }
      if (name === 'has_ehcp') return ['yes', 'true'].includes(cell) ? 'true' : 'false';
      return cell;
    }));
    referrals[0]![4] = '1985-03-04';
    referrals[1]![1] = '943 476 5919';
    referrals[2]![2] = '999999';
    const table = TABLES.referrals;
    const columnData = table.columns.map((spec, i) => ({ name: spec.name, data: referrals.map((r) => parquetValue(spec, r[i] ?? '')) }));
    writeFileSync(join(dir, 'referrals.parquet'), new Uint8Array(parquetWriteBuffer({ columnData, schema: parquetSchemaOf(table) })));
    const schools = rowsOf(files['schools.csv'] ?? '');
    const schoolColumns = TABLES.schools.columns.map((spec, i) => {
      const numeric = spec.type === 'integer';
      const data = schools.map((r, row) => {
        const text = r[i] ?? '';
        if (!numeric) return text === '' ? null : text;
        if (text === '') return null;
        return spec.name === 'pupils_on_roll' && row === 1 ? Number(text) + 0.5 : Number(text);
      });
      return { name: spec.name, data, type: numeric ? 'DOUBLE' as const : 'STRING' as const, nullable: true };
    });
    writeFileSync(join(dir, 'schools.parquet'), new Uint8Array(parquetWriteBuffer({ columnData: schoolColumns })));
    writeFileSync(join(dir, 'provision.csv'), files['provision.csv'] ?? '');
  });

  it('refuses with the same lines, naming each problem', async () => {
    const { native, wasm } = await both(validate, join(work, 'broken-parquet'), ...TODAY);
    expect(native.code).toBe(1);
    expect(native.stdout).toBe(wasm.stdout);
    expect(native.stdout).toMatch(/schools\.parquet:3: pupils_on_roll: /);
    expect(native.stdout).toMatch(/referrals\.parquet:2: referral_date: is before 2000-01-01/);
    expect(native.stdout).toMatch(/referrals\.parquet:3: pupil_pseudo_id: looks like an NHS number/);
    expect(native.stdout).not.toMatch(/943 476 5919/);
  });
});

describe('anonymise: the output check runs on either engine', () => {
  it('writes the same files with native and wasm', async () => {
    const key = join(work, 'key');
    writeFileSync(key, 'k'.repeat(48));
    const input = join(work, 'anon-in');
    mkdirSync(input, { recursive: true });
    writeFileSync(join(input, 'referrals-extract.csv'), readFileSync('tests/fixtures/raw/referrals-extract.csv'));
    for (const f of ['schools.csv', 'provision.csv']) writeFileSync(join(input, f), readFileSync(join('tests/fixtures/contract/clean', f)));
    const [a, b] = [join(work, 'anon-native'), join(work, 'anon-wasm')];
    const native = await capture(anonymise, input, a, '--key-file', key, ...TODAY);
    const wasm = await capture(anonymise, input, b, '--key-file', key, ...TODAY, '--engine', 'wasm');
    expect(native.code, native.stderr).toBe(0);
    expect(wasm.code, wasm.stderr).toBe(0);
    expect(readFileSync(join(a, 'referrals.csv'), 'utf8')).toBe(readFileSync(join(b, 'referrals.csv'), 'utf8'));
  });
});

describe('the CLI refuses what it does not know', () => {
  it.each([
    ['report', report, [SAMPLE, '--engine', 'duckdb']],
    ['validate', validate, [SAMPLE, '--engine', 'sqlite']],
    ['to-parquet', toParquet, [SAMPLE, join(work, 'never'), '--engin', 'wasm']],
    ['context', contextCommand, [SAMPLE, '--anything']],
  ] as const)('%s with a bad or unknown option exits 2', async (_name, command, argv) => {
    const result = await capture(command, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--engine must be native or wasm|unknown option --/);
  });
});

it('an unexpected error reaches the user as one message, exit 1, without a stack trace', async () => {
  const dir = join(work, 'unreadable');
  mkdirSync(join(dir, 'schools.csv'), { recursive: true });
  const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', 'validate', dir])
    .then(() => null, (e: unknown) => e as { code: number; stderr: string });
  expect(failed?.code).toBe(1);
  expect(failed?.stderr).toMatch(/^error: EISDIR/m);
  expect(failed?.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
});
