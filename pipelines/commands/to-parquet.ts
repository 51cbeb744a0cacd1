// `to-parquet DIR OUT`: checks the contract CSVs in DIR through the app's own load path (every check as SQL in
// DuckDB; any problem and nothing is written) and writes each checked table as OUT/<table>.parquet, typed from the
// contract: string, enum, month → VARCHAR (UTF-8 byte array), integer → INT32, number → DOUBLE, boolean → BOOLEAN,
// date → INT32 with the DATE type. On native DuckDB the checked table goes straight to disk with DuckDB's own
// `COPY … TO … (FORMAT parquet)`; the wasm build has no Parquet writer, so `--engine wasm` reads the rows back a
// batch at a time and writes them with hyparquet-writer (pipelines/csv/parquet-table.ts). Either file loads to the
// same tables through every Parquet entry point (tests/integration/to-parquet-writers.test.ts). The files written
// go to stdout; problems and progress to stderr.
import { join } from 'node:path';
import { CliError, parseArgs } from '../cli-error.ts';
import { DUCKDB_TYPE, TABLES, TABLE_NAMES, type TableName, type TableSpec } from '../../src/contract/index.ts';
import { ident, sqlString } from '../../src/contract/sql-checks.ts';
import type { Database } from '../../src/db/database.ts';
import { ContractRefusal, loadContractTables } from '../../src/db/load-tables.ts';
import { printCheckReport } from '../csv/check-report.ts';
import { checkedTextRows } from '../csv/checked-rows.ts';
import { countFlag, dateFloorFlag, isDirectory, rejectUnknownFlags, todayFlag } from '../csv/command-options.ts';
import { ParquetTableWriter, TABLE_METADATA_KEY } from '../csv/parquet-table.ts';
import { StagedOutput } from '../csv/staged-output.ts';
import { engineFlag, openEngine } from '../engine.ts';
import { enrichSql, readContractDirectory } from '../load-dir.ts';

export const usage = 'to-parquet DIR OUT [--today yyyy-mm-dd] [--date-floor yyyy-mm-dd] [--max-errors N] [--engine native|wasm]  '
  + '(DIR holds the contract CSVs; writes OUT/schools.parquet, OUT/referrals.parquet, … only if every row passes the contract)';

const say = (line: string) => process.stderr.write(`${line}\n`);
/** Rows per row group, from either writer; also the batch the wasm path reads back at a time. */
export const ROW_GROUP_ROWS = 100_000;

/** The checked table's columns in contract order, each as the contract's DuckDB type. */
function typedColumns(table: TableSpec): string {
  return table.columns.map((c) => `CAST(${ident(c.name)} AS ${DUCKDB_TYPE[c.type]}) AS ${ident(c.name)}`).join(', ');
}

/** Native DuckDB: the checked table written by DuckDB's Parquet writer, in file order (COPY keeps insertion order). */
async function copyTable(db: Database, table: TableSpec, checked: string, path: string): Promise<void> {
  await db.query(`COPY (SELECT ${typedColumns(table)} FROM ${ident(checked)}) TO ${sqlString(path)} `
    + `(FORMAT parquet, ROW_GROUP_SIZE ${ROW_GROUP_ROWS}, KV_METADATA {${sqlString(TABLE_METADATA_KEY)}: ${sqlString(table.name)}})`);
}

/** The wasm build: the checked table read back a row group at a time (in file order) and written in JS. */
async function writeTable(db: Database, table: TableSpec, checked: string, path: string): Promise<void> {
  const writer = new ParquetTableWriter(path, table, ROW_GROUP_ROWS);
  for await (const rows of checkedTextRows(db, table, checked, ROW_GROUP_ROWS)) for (const row of rows) writer.add(row);
  writer.close();
}

export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  rejectUnknownFlags(flags, ['today', 'date-floor', 'max-errors', 'engine'], usage);
  const engine = engineFlag(flags);
  if (positional.length !== 2) throw new CliError(`usage: ${usage}`, 2);
  const [dir = '', outDir = ''] = positional;
  if (!isDirectory(dir)) throw new CliError(`${dir} is not a folder`, 2);
  const maxPrinted = countFlag(flags, 'max-errors', 200);
  const files = readContractDirectory(dir);
  const db = await openEngine(engine);
  let output: StagedOutput | null = null;
  try {
    say(`checking ${dir}…`);
    let loaded;
    try {
      // Checked as `validate` checks (no derived tables: they are not written), and each table written from its
      // checked staging table while it is still there; nothing is renamed into OUT unless every file passed.
      loaded = await loadContractTables(db, files, {
        enrichSql: enrichSql(), today: todayFlag(flags), dateFloor: dateFloorFlag(flags), maxIssuesPerFile: Math.max(maxPrinted, 1),
        checkOnly: true,
        inspectChecked: async (tables) => {
          const staged = await StagedOutput.open(outDir);
          output = staged;
          for (const name of TABLE_NAMES) {
            const checked = tables[name];
            if (checked === undefined) continue;
            const path = staged.stage(`${name}.parquet`);
            if (db.writesParquet) await copyTable(db, TABLES[name], checked, path);
            else await writeTable(db, TABLES[name], checked, path);
          }
        },
      });
    } catch (error) {
      await (output as StagedOutput | null)?.discard();
      if (!(error instanceof ContractRefusal)) throw error;
      printCheckReport(error.report, say, maxPrinted);
      say(`refused, nothing written to ${outDir}: fix the problems above (validate ${dir} lists them all)`);
      return 1;
    }
    const staged = output as StagedOutput | null;
    if (!staged) throw new Error('to-parquet: the checked tables were never written');
    const written = TABLE_NAMES.filter((n: TableName) => !loaded.absentTables.includes(n))
      .map((name) => ({ path: join(staged.dir, `${name}.parquet`), rows: loaded.rowCounts[name] }));
    await staged.commit();
    for (const { path, rows } of written) process.stdout.write(`wrote ${path} (${rows} rows)\n`);
    return 0;
  } finally {
    await db.close();
  }
}
