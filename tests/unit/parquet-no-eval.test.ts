// The browser upload of a Parquet file, where code generation from strings is refused as the page's Content Security
// Policy refuses it (script-src without 'unsafe-eval'): Node's --disallow-code-generation-from-strings, in a child
// process running tests/unit/parquet-no-eval.script.ts.
//
// It failed before src/db/arrow-text.ts replaced apache-arrow's vectorFromArray, whose null test is compiled with
// `new Function` (found by tests/e2e/cases/bad-inputs.mjs: every Parquet upload in Chromium failed).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = (flags: string[]) => promisify(execFile)(process.execPath, [...flags, '--import', 'tsx', 'tests/unit/parquet-no-eval.script.ts'])
  .then(({ stdout }) => JSON.parse(stdout) as unknown, (e: { stderr: string }) => ({ failed: e.stderr.split('\n').find((l) => /Error/.test(l)) }));

const EXPECTED = { issues: [], rows: [['schools.csv', 4], ['referrals.parquet', 6], ['provision.csv', 4]] };

it('a Parquet file of text columns loads (the script itself works where code generation is allowed)', async () => {
  expect(await run([])).toEqual(EXPECTED);
}, 60_000);

it('a Parquet file loads where code generation from strings is refused, as in the page', async () => {
  expect(await run(['--disallow-code-generation-from-strings'])).toEqual(EXPECTED);
}, 60_000);
