// `to-parquet DIR OUT`: loads the contract CSVs in DIR through the app's own load path (every check as SQL in
// DuckDB; any problem and nothing is written) and writes each table from DuckDB as OUT/<table>.parquet, typed from
// the contract (see pipelines/csv/parquet-table.ts for the types). The files written go to stdout; problems and
// progress to stderr.
import { join } from 'node:path';
import { CliError, parseArgs } from '../cli-error.ts';
import { TABLES, TABLE_NAMES, type TableSpec } from '../../src/contract/index.ts';
import { ident } from '../../src/contract/sql-checks.ts';
import type { Database } from '../../src/db/database.ts';
import { ContractRefusal, loadContractTables } from '../../src/db/load-tables.ts';
import { printCheckReport } from '../csv/check-report.ts';
import { countFlag, dateFloorFlag, isDirectory, rejectUnknownFlags, todayFlag } from '../csv/command-options.ts';
import { ParquetTableWriter } from '../csv/parquet-table.ts';
import { StagedOutput } from '../csv/staged-output.ts';
import { engineFlag, openEngine } from '../engine.ts';
import { enrichSql, readContractDirectory } from '../load-dir.ts';

export const usage = 'to-parquet DIR OUT [--today yyyy-mm-dd] [--date-floor yyyy-mm-dd] [--max-errors N] [--engine native|wasm]  '
  + '(DIR holds the contract CSVs; writes OUT/schools.parquet, OUT/referrals.parquet, … only if every row passes the contract)';

const say = (line: string) => process.stderr.write(`${line}\n`);
const BATCH_ROWS = 100_000;

/** A loaded table's rows as the contract's normalised text (ISO dates, true/false), a batch at a time. */
function textSelect(table: TableSpec): string {
  return table.columns.map((c) => {
    const col = ident(c.name);
    const text = c.type === 'date' ? `strftime(${col}, '%Y-%m-%d')` : `CAST(${col} AS VARCHAR)`;
    return `coalesce(${text}, '') AS ${col}`;
  }).join(', ');
}

async function writeTable(db: Database, table: TableSpec, path: string): Promise<number> {
  const writer = new ParquetTableWriter(path, table, BATCH_ROWS);
  for (let offset = 0; ; offset += BATCH_ROWS) {
    const rows = await db.query(`SELECT ${textSelect(table)} FROM ${ident(table.name)} LIMIT ${BATCH_ROWS} OFFSET ${offset}`);
    for (const row of rows) writer.add(table.columns.map((c) => String(row[c.name] ?? '')));
    if (rows.length < BATCH_ROWS) break;
  }
  writer.close();
  return writer.rows;
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
  try {
    say(`checking and loading ${dir}…`);
    let loaded;
    try {
      loaded = await loadContractTables(db, files, { enrichSql: enrichSql(), today: todayFlag(flags), dateFloor: dateFloorFlag(flags), maxIssuesPerFile: Math.max(maxPrinted, 1) });
    } catch (error) {
      if (!(error instanceof ContractRefusal)) throw error;
      printCheckReport(error.report, say, maxPrinted);
      say(`refused, nothing written to ${outDir}: fix the problems above (validate ${dir} lists them all)`);
      return 1;
    }
    const output = await StagedOutput.open(outDir);
    const written: { path: string; rows: number }[] = [];
    try {
      for (const name of TABLE_NAMES.filter((n) => !loaded.absentTables.includes(n))) {
        const file = `${name}.parquet`;
        written.push({ path: join(output.dir, file), rows: await writeTable(db, TABLES[name], output.stage(file)) });
      }
    } catch (error) {
      await output.discard();
      throw error;
    }
    await output.commit();
    for (const { path, rows } of written) process.stdout.write(`wrote ${path} (${rows} rows)\n`);
    return 0;
  } finally {
    await db.close();
  }
}
