// Bench baseline: native DuckDB (@duckdb/node-api, the same DuckDB 1.4.3 as the wasm build we ship) doing the plain
// work the load path is measured against: typed read_csv of referrals.csv, then a group-by school × month × service.
// Prints the seconds taken (after the engine has started).
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbColumns, TABLES } from '../../src/contract/index.ts';

const file = process.argv[2] ?? '';
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const started = performance.now();
await conn.run(`CREATE TABLE referrals AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, auto_detect = false, `
  + `columns = ${duckdbColumns(TABLES.referrals)}, dateformat = '%Y-%m-%d')`);
const groups = await conn.runAndReadAll("SELECT school_urn, strftime(referral_date, '%Y-%m') AS month, service, count(*) AS n FROM referrals GROUP BY ALL");
console.log(`${((performance.now() - started) / 1000).toFixed(2)} s, ${groups.getRows().length} groups`);
