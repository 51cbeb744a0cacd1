// Every class of bad input in tests/unit/load-corpus.ts, at every entry point of the one load path: the `validate`
// CLI, the app's upload (DataSession, the code the Data view calls, on real DuckDB-wasm under Node) and the `report`
// CLI. Each must refuse with file:line: column (the value withheld where it may identify someone), leave the data
// in use untouched, and never show a stack trace; inputs that are merely unusual must load like the clean set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as report } from '../../pipelines/commands/report.ts';
import { run as validate } from '../../pipelines/commands/validate.ts';
import { DataSession } from '../../src/app/data-session.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import { ContractRefusal, issueLines } from '../../src/db/load-tables.ts';
import { capture, tempWorkDir, writeFolder } from './cli-helpers.ts';
import { CASES, cleanSet, mismatches, type FileSet } from './load-corpus.ts';

const work = tempWorkDir('tee-load-failures-');
const enrichSql = readFileSync('src/db/enrich.sql', 'utf8');
const encode = (files: FileSet) => Object.fromEntries(Object.entries(files).map(([n, t]) => [n, new TextEncoder().encode(t)]));

const writeSet = (name: string, files: FileSet): string => writeFolder(join(work, name.replace(/[^a-z0-9]+/gi, '-')), files);

let session: DataSession;
let cleanTables: Record<string, unknown[]>;
beforeAll(async () => {
  session = new DataSession(enrichSql);
  await session.start(openNodeDatabase(), { files: () => Promise.resolve(encode(cleanSet())) });
  cleanTables = await tablesInUse();
});

/** The four contract tables the session has loaded, every row, in a fixed order. */
async function tablesInUse(): Promise<Record<string, unknown[]>> {
  const state = session.getState();
  if (state.status !== 'ready') throw new Error(`session is ${state.status}`);
  const tables: Record<string, unknown[]> = {};
  for (const name of ['schools', 'referrals', 'provision', 'workforce']) tables[name] = await state.data.db.query(`SELECT * FROM ${name} ORDER BY ALL`);
  return tables;
}

async function referralsInUse(): Promise<number> {
  const state = session.getState();
  if (state.status !== 'ready') throw new Error(`session is ${state.status}`);
  const [row] = await state.data.db.query<{ n: number }>('SELECT count(*) AS n FROM referrals');
  return row?.n ?? -1;
}

describe.each(CASES)('$name', (testCase) => {
  const files = testCase.edit(cleanSet());

  it('validate CLI', async () => {
    const result = await capture(validate, writeSet(`v-${testCase.name}`, files));
    const output = result.stdout + result.stderr;
    if (testCase.accepted) expect(result.code, output).toBe(0);
    else {
      expect(result.code, output).toBe(1);
      expect(mismatches(testCase, output)).toEqual([]);
    }
  });

  it('upload (DataSession on DuckDB-wasm)', async () => {
    const before = await referralsInUse();
    const load = session.loadUserFiles(encode(files));
    if (testCase.accepted) {
      const data = await load;
      expect(data.loaded.rowCounts).toEqual({ schools: 4, referrals: 6, provision: 4, workforce: 2 });
      expect(await tablesInUse()).toEqual(cleanTables);
      await session.loadUserFiles(encode(cleanSet()));
      return;
    }
    const error = await load.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContractRefusal);
    expect(mismatches(testCase, issueLines((error as ContractRefusal).report).join('\n'))).toEqual([]);
    expect(await referralsInUse()).toBe(before);
    expect(await tablesInUse()).toEqual(cleanTables);
  });

  it('report CLI', async () => {
    const result = await capture(report, writeSet(`r-${testCase.name}`, files));
    if (testCase.accepted) {
      expect(result.code, result.stderr).toBe(0);
      const clean = await capture(report, writeSet('r-clean', cleanSet()));
      expect(JSON.parse(result.stdout)).toEqual(JSON.parse(clean.stdout));
    } else {
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe('');
      expect(mismatches(testCase, result.stderr)).toEqual([]);
    }
  });
});

it('report refuses an unknown flag instead of ignoring it', async () => {
  const result = await capture(report, CLEAN_DIR_ARG, '--anything');
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/unknown option --anything/);
});
const CLEAN_DIR_ARG = 'tests/fixtures/contract/clean';
