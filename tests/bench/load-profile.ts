// Where the load path's time goes: loads a folder of contract files through src/db/load-tables.ts on either engine
// and prints the time of each statement, slowest first (not run by `npm run bench`; for looking into a figure).
//   tsx tests/bench/load-profile.ts DIR [native|wasm]
import { enrichSql, readContractDirectory } from '../../pipelines/load-dir.ts';
import { openEngine, type Engine } from '../../pipelines/engine.ts';
import type { Database, QueryParam, ResultRow } from '../../src/db/database.ts';
import { loadContractTables } from '../../src/db/load-tables.ts';

const [dir = '', engine = 'native'] = process.argv.slice(2);
const inner = await openEngine(engine as Engine);
const times: { ms: number; what: string }[] = [];
async function clocked<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try { return await work(); } finally { times.push({ ms: performance.now() - started, what: what.replace(/\s+/g, ' ').slice(0, 100) }); }
}
const db: Database = {
  ...inner,
  readsParquet: inner.readsParquet,
  query: <T extends ResultRow>(sql: string, params?: readonly QueryParam[]) => clocked(sql, () => inner.query<T>(sql, params)),
  registerFile: (name: string, bytes: Uint8Array) => clocked(`registerFile ${name}`, () => inner.registerFile(name, bytes)),
};
const read = performance.now();
const files = readContractDirectory(dir);
const load = performance.now();
await loadContractTables(db, files, { enrichSql: enrichSql(), today: '2030-01-01' });
const done = performance.now();
console.log(`${engine}: reading the files ${(load - read).toFixed(0)} ms, load ${(done - load).toFixed(0)} ms, of which statements ${times.reduce((n, t) => n + t.ms, 0).toFixed(0)} ms`);
for (const t of times.sort((a, b) => b.ms - a.ms).slice(0, 15)) console.log(`${t.ms.toFixed(0).padStart(8)} ms  ${t.what}`);
await inner.close();
