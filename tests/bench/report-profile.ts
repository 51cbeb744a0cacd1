// Where `report` spends its time after the files are read (native DuckDB by default): the load path's check, the
// derived tables (enrich.sql), each named query of the figures, the statistics in JavaScript, and writing the JSON
// or CSV. Prints one line per phase and the queries by total time. Figures, not pass/fail.
//   tsx tests/bench/report-profile.ts DIR [native|wasm] [json|csv]
import { buildReport, DEFAULT_SETTINGS, NO_FILTERS } from '../../src/analytics/index.ts';
import { countQuery } from '../../src/disclosure/index.ts';
import { createQueryRunner, QUERY_NAMES } from '../../src/queries/index.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import { loadContractTables } from '../../src/db/load-tables.ts';
import { reportAsCsv } from '../../pipelines/commands/report.ts';
import { openEngine, type Engine } from '../../pipelines/engine.ts';
import { enrichSql, readContractDirectory } from '../../pipelines/load-dir.ts';
import type { Database, QueryParam, ResultRow } from '../../src/db/database.ts';

const [dir = '', engine = 'native', format = 'json'] = process.argv.slice(2);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
let mark = performance.now();
const phase = (label: string) => { const now = performance.now(); console.log(`${label.padEnd(44)} ${seconds(now - mark).padStart(8)}`); mark = now; };

const files = readContractDirectory(dir);
phase('read the files');
const db = await openEngine(engine as Engine);
phase(`open ${engine} DuckDB`);
// Every statement timed by its first line (the load path's and the figures' alike).
const byStatement = new Map<string, { n: number; ms: number; rows: number }>();
const names = new Map<string, string>(QUERY_NAMES.map((n) => [diskSql(n).trim(), `${n}.sql`]));
const labelOf = (sql: string) => names.get(sql.trim())
  ?? (sql.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('--')) ?? sql).trim().slice(0, 90);
const timedDb: Database = {
  ...db,
  query: async <T extends ResultRow>(sql: string, params?: readonly QueryParam[]): Promise<T[]> => {
    const started = performance.now();
    let rows = 0;
    try {
      const result = await db.query<T>(sql, params);
      rows = result.length;
      return result;
    } finally {
      const key = labelOf(sql);
      const entry = byStatement.get(key) ?? { n: 0, ms: 0, rows: 0 };
      entry.n++; entry.ms += performance.now() - started; entry.rows += rows;
      byStatement.set(key, entry);
    }
  },
  registerFile: (n, b) => db.registerFile(n, b),
  insertArrowTable: (n, t) => db.insertArrowTable(n, t),
  copyFileToBuffer: (n) => db.copyFileToBuffer(n),
  dropFile: (n) => db.dropFile(n),
  close: () => db.close(),
};
let checked = 0;
await loadContractTables(timedDb, files, {
  enrichSql: enrichSql(), today: '2030-01-01',
  onProgress: (p) => { if (p.stage === 'deriving-views') { checked = performance.now(); } },
});
console.log(`${'check every file (the load path)'.padEnd(44)} ${seconds(checked - mark).padStart(8)}`);
mark = checked;
phase('swap in + derived tables (enrich.sql)');
let queryMs = 0;
const runQuery = countQuery(createQueryRunner(async (sql, params) => {
  const started = performance.now();
  try { return await timedDb.query(sql, params); } finally { queryMs += performance.now() - started; }
}, diskSql));
const report = await buildReport(runQuery, NO_FILTERS, { settings: DEFAULT_SETTINGS, schoolUrn: null });
const buildMs = performance.now() - mark;
console.log(`${'  of which the figures\' queries'.padEnd(44)} ${seconds(queryMs).padStart(8)}`);
console.log(`${'  of which statistics in JavaScript'.padEnd(44)} ${seconds(buildMs - queryMs).padStart(8)}`);
phase('buildReport');
const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportAsCsv(report);
phase(`${format} text (${(text.length / 1e6).toFixed(1)} MB)`);
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await db.close();
phase('close');
console.log('statements by total time (load, derive and figures):');
for (const [sql, { n, ms, rows }] of [...byStatement].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(`  ${seconds(ms).padStart(8)} ×${String(n).padStart(3)} ${String(rows).padStart(7)} rows  ${sql}`);
