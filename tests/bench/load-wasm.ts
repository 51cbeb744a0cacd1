// Bench: the product's one load path (src/db/load-tables.ts) on DuckDB-wasm under Node, on a folder of contract
// files: every contract check, the identifier scan, then the swap and the derived tables. Prints the seconds taken
// after the engine has started, and the rows loaded.
import { readContractDirectory, enrichSql } from '../../pipelines/load-dir.ts';
import { loadContractTables } from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';

const files = readContractDirectory(process.argv[2] ?? '');
const db = await openNodeDatabase();
const started = performance.now();
const loaded = await loadContractTables(db, files, { enrichSql: enrichSql(), today: '2030-01-01' });
console.log(`${((performance.now() - started) / 1000).toFixed(2)} s, ${loaded.rowCounts.referrals} referrals`);
