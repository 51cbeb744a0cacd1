// `to-parquet` has two writers: DuckDB's own Parquet writer (`COPY … TO … (FORMAT parquet)`, native DuckDB, the
// default) and hyparquet-writer (`--engine wasm`, whose DuckDB has no Parquet writer). Whichever wrote the files,
// they must load to the very tables the CSVs they came from load to, through every Parquet entry point: the app's
// upload (filesByName → loadContractTables on DuckDB-wasm, which reads Parquet with hyparquet), `validate` and
// `report` on native DuckDB (read_parquet) and on wasm (hyparquet); and `report` must print the same bytes as on the
// CSVs. Real engines throughout; the reference is always the CSV folder itself, never the code's own Parquet.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata } from 'hyparquet';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run as generate } from '../../pipelines/commands/generate.ts';
import { run as report } from '../../pipelines/commands/report.ts';
import { run as toParquet, ROW_GROUP_ROWS } from '../../pipelines/commands/to-parquet.ts';
import { run as validate } from '../../pipelines/commands/validate.ts';
import { enrichSql, readContractDirectory } from '../../pipelines/load-dir.ts';
import { openEngine, type Engine } from '../../pipelines/engine.ts';
import { TABLE_NAMES } from '../../src/contract/index.ts';
import { loadContractTables } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { filesByName } from '../../src/features/data/validate-files.ts';
import { capture, tempWorkDir } from '../unit/cli-helpers.ts';

// Whole commands on both engines, several times over: slow on a busy machine, never timed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });
const work = tempWorkDir('tee-parquet-writers-');
const SAMPLE = new URL('../../sample-data/', import.meta.url).pathname;
const TODAY = '2030-01-01';
const ENGINES: readonly Engine[] = ['native', 'wasm'];

type Tables = Record<string, Record<string, unknown>[]>;

/** Every contract table as loaded on `engine`, rows in table order (the order the load path kept). */
async function loadedTables(dir: string, engine: Engine): Promise<Tables> {
  const db = await openEngine(engine);
  try {
    await loadContractTables(db, readContractDirectory(dir), { enrichSql: enrichSql(), today: TODAY });
    return Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (t) => [t, await db.query(`SELECT * FROM ${t}`)] as const)));
  } finally {
    await db.close();
  }
}

/**
 * Where two loads differ: the first table and row that are not the same (null when every row of every table is).
 * Rows are compared as JSON text, far faster than a deep equal at 120,000 rows.
 */
function firstDifference(got: Tables, expected: Tables): string | null {
  for (const table of TABLE_NAMES) {
    const [a = [], b = []] = [got[table], expected[table]];
    if (a.length !== b.length) return `${table}: ${a.length} rows, expected ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const [x, y] = [JSON.stringify(a[i]), JSON.stringify(b[i])];
      if (x !== y) return `${table} row ${i + 1}: ${x}, expected ${y}`;
    }
  }
  return null;
}

/** The app's upload: the chosen files by name into loadContractTables on DuckDB-wasm, as the Data view gives them. */
async function uploadedTables(dir: string): Promise<Tables> {
  const chosen = readdirSync(dir).filter((f) => !f.startsWith('.')).map((name) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) }));
  const db = await openNodeDatabase();
  try {
    await loadContractTables(db, filesByName(chosen), { enrichSql: enrichSql(), today: TODAY });
    return Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (t) => [t, await db.query(`SELECT * FROM ${t}`)] as const)));
  } finally {
    await db.close();
  }
}

/** Writes `csvDir` as Parquet with each writer: native (DuckDB's COPY) and wasm (hyparquet-writer). */
async function writeBoth(csvDir: string, name: string): Promise<Record<Engine, string>> {
  const out = { native: join(work, `${name}-native`), wasm: join(work, `${name}-wasm`) };
  for (const engine of ENGINES) {
    const result = await capture(toParquet, csvDir, out[engine], '--today', TODAY, '--engine', engine);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out[engine]).sort()).toEqual(['provision.parquet', 'referrals.parquet', 'schools.parquet', 'workforce.parquet']);
  }
  return out;
}

describe('to-parquet on the shipped sample: either writer\'s files load to the CSV\'s tables everywhere', () => {
  let written: Record<Engine, string>;
  let fromCsv: Record<Engine, Tables>;
  const FORMATS = [[], ['--format', 'csv', '--exact']];
  const expectedReport: string[] = [];
  beforeAll(async () => {
    written = await writeBoth(SAMPLE, 'sample');
    for (const args of FORMATS) {
      const expected = await capture(report, SAMPLE, '--today', TODAY, ...args);
      expect(expected.code, expected.stderr).toBe(0);
      expect(expected.stdout.length).toBeGreaterThan(10_000);
      expectedReport.push(expected.stdout);
    }
    fromCsv = { native: await loadedTables(SAMPLE, 'native'), wasm: await loadedTables(SAMPLE, 'wasm') };
    // The sample's own row counts (sample-data/README.md), so an empty load cannot pass as "the same".
    expect(Object.fromEntries(TABLE_NAMES.map((t) => [t, fromCsv.native[t]?.length]))).toEqual({ schools: 90, referrals: 15000, provision: 22290, workforce: 120 });
    expect(firstDifference(fromCsv.wasm, fromCsv.native)).toBeNull();
  });

  it.each(ENGINES.flatMap((writer) => ENGINES.map((engine) => [writer, engine] as const)))(
    'written by %s, loaded by validate/report\'s load path on %s: the same tables, row for row', async (writer, engine) => {
      expect(firstDifference(await loadedTables(written[writer], engine), fromCsv[engine])).toBeNull();
    });

  it.each(ENGINES)('written by %s, uploaded in the app (DuckDB-wasm, hyparquet): the same tables', async (writer) => {
    expect(firstDifference(await uploadedTables(written[writer]), fromCsv.wasm)).toBeNull();
  });

  it.each(ENGINES)('written by %s: validate passes it on both engines', async (writer) => {
    for (const engine of ENGINES) {
      const result = await capture(validate, written[writer], '--today', TODAY, '--engine', engine);
      expect(result.stdout).toContain('clean: 4 files checked');
      expect(result.code).toBe(0);
    }
  });

  it.each(ENGINES)('written by %s: report prints the CSV\'s bytes on both engines (JSON and CSV, exact)', async (writer) => {
    for (const [i, args] of FORMATS.entries()) {
      for (const engine of ENGINES) {
        const got = await capture(report, written[writer], '--today', TODAY, '--engine', engine, ...args);
        expect(got.code, got.stderr).toBe(0);
        expect(got.stdout, `${writer} → ${engine} ${args.join(' ')}`).toBe(expectedReport[i]);
      }
    }
  });
});

describe('to-parquet on more rows than one row group', () => {
  // 120,000 referrals: two row groups from each writer (DuckDB rounds ROW_GROUP_ROWS up to whole 2,048-row
  // vectors), so every reader crosses a row-group boundary.
  const area = join(work, 'area');
  let written: Record<Engine, string>;
  beforeAll(async () => {
    expect((await capture(generate, '--seed', '5', '--out', area, '--schools', '30', '--years', '1', '--referrals-per-year', '120000')).code).toBe(0);
    written = await writeBoth(area, 'area');
  });

  it.each(ENGINES)('written by %s: referrals in two row groups of about ROW_GROUP_ROWS', (writer) => {
    const file = readFileSync(join(written[writer], 'referrals.parquet'));
    const metadata = parquetMetadata(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const [first = 0, second = 0, ...more] = metadata.row_groups.map((g) => Number(g.num_rows));
    expect(more).toEqual([]);
    expect(first + second).toBe(120_000);
    expect(first).toBeGreaterThanOrEqual(ROW_GROUP_ROWS);
    expect(first).toBeLessThan(ROW_GROUP_ROWS + 2048);
  });

  it.each(ENGINES)('loaded on %s: both writers\' files give the CSV\'s tables', async (engine) => {
    const expected = await loadedTables(area, engine);
    expect(expected.referrals).toHaveLength(120_000);
    for (const writer of ENGINES) expect(firstDifference(await loadedTables(written[writer], engine), expected), `${writer} → ${engine}`).toBeNull();
  });
});
