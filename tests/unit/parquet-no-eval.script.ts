// Run by tests/unit/parquet-no-eval.test.ts in a child process started with --disallow-code-generation-from-strings
// (Node's counterpart of the page's Content Security Policy without 'unsafe-eval'): checks a set whose referrals are
// a Parquet file of text columns through the app's load path on DuckDB-wasm, and prints what it found as JSON.
import { readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { checkContractFiles, issueLines } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';

const dir = 'tests/fixtures/contract/clean/';
const text = (name: string) => readFileSync(dir + name, 'utf8');
const [header = [], ...rows] = text('referrals.csv').trim().split('\n').map((l) => l.split(','));
const referrals = new Uint8Array(parquetWriteBuffer({
  columnData: header.map((name, i) => ({ name, data: rows.map((r) => r[i] || null), type: 'STRING' as const, nullable: true })),
}));
const encode = (s: string) => new TextEncoder().encode(s);
const db = await openNodeDatabase();
try {
  const report = await checkContractFiles(db, {
    'schools.csv': encode(text('schools.csv')), 'referrals.parquet': referrals, 'provision.csv': encode(text('provision.csv')),
  }, { enrichSql: readFileSync('src/db/enrich.sql', 'utf8'), today: '2025-06-30' });
  process.stdout.write(`${JSON.stringify({ issues: issueLines(report), rows: report.files.map((f) => [f.fileName, f.rowsAccepted]) })}\n`);
} finally {
  await db.close();
}
