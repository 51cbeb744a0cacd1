// Bench: the product's one load path (src/db/load-tables.ts) on DuckDB-wasm under Node, on a folder of contract
// files: every contract check, the identifier scan, then the swap and the derived tables. Prints the seconds taken
// after the engine has started (and the CPU time this process spent in them), and the rows loaded. With --steps, also every statement that took over 100 ms
// (the first 110 characters of its SQL) and the memory DuckDB holds after it, so the time and memory can be put
// down to the step that spends them.
import { readContractDirectory, enrichSql } from '../../pipelines/load-dir.ts';
import { loadContractTables } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';
import type { Database } from '../../src/db/database.ts';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '';
const steps = process.argv.includes('--steps');
const files = readContractDirectory(dir);
const engine = await openNodeDatabase();
const slow: string[] = [];
const db: Database = steps ? {
  ...engine,
  async query(sql, params) {
    const t = performance.now();
    try { return await engine.query(sql, params); } finally {
      const ms = performance.now() - t;
      if (ms > 100) {
        // What DuckDB holds after the statement (tables and buffers), as its own duckdb_memory() counts it.
        const [{ mb = 0 } = {}] = await engine.query<{ mb: number }>('SELECT (sum(memory_usage_bytes) / 1e6)::INTEGER AS mb FROM duckdb_memory()');
        slow.push(`${ms.toFixed(0).padStart(7)} ms ${String(mb).padStart(5)} MB held  ${sql.replace(/\s+/g, ' ').slice(0, 110)}`);
      }
    }
  },
} as Database : engine;
const started = performance.now();
const cpu = process.cpuUsage();
const loaded = await loadContractTables(db, files, { enrichSql: enrichSql(), today: '2030-01-01' });
// CPU time too: on a shared machine the wall time varies with the load average far more than the work done.
const { user, system } = process.cpuUsage(cpu);
console.log(`${((performance.now() - started) / 1000).toFixed(2)} s (CPU ${((user + system) / 1e6).toFixed(2)} s), ${loaded.rowCounts.referrals} referrals`);
if (steps) console.log(slow.join('\n'));
