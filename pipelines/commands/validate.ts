// `validate DIR|FILE`: checks contract files (CSV or Parquet) through the app's own load path (the contract's
// checks as SQL in DuckDB) and prints every problem as `file:line: column: what is wrong (value)`, then a summary
// per file. Problems are this command's result, so they go to stdout; exit 1 if there are any, 0 when clean, 2 on
// bad usage.
import { existsSync, readFileSync } from 'node:fs';
import { CliError, parseArgs } from '../cli-error.ts';
import { tableOfFile } from '../../src/contract/index.ts';
import { checkContractFiles } from '../../src/db/load-tables.ts';
import { engineFlag, openEngine } from '../engine.ts';
import { printCheckReport } from '../csv/check-report.ts';
import { countFlag, dateFloorFlag, isDirectory, rejectUnknownFlags, todayFlag } from '../csv/command-options.ts';
import { enrichSql, readContractDirectory } from '../load-dir.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import type { Database } from '../../src/db/database.ts';
import type { OutsideAgeRangeRow } from '../../src/queries/index.ts';

/**
 * Warnings, not refusals (issue 12): schools that receive referrals from year groups outside their statutory age
 * range, counted on the checked tables. Their referrals fall in an age phase the school's rolls may not cover.
 */
async function ageRangeWarnings(db: Database, tables: Partial<Record<string, string>>): Promise<string[]> {
  if (!tables.schools || !tables.referrals) return [];
  await db.query(`CREATE OR REPLACE TEMP VIEW schools AS SELECT * FROM "${tables.schools}"`);
  await db.query(`CREATE OR REPLACE TEMP VIEW referrals AS SELECT * FROM "${tables.referrals}"`);
  try {
    const rows = await db.query<OutsideAgeRangeRow & Record<string, string | number>>(diskSql('referrals-outside-age-range'));
    return rows.map((r) => `warning: schools.csv: ${r.urn} (${r.name}) has ${r.referrals} referral${r.referrals === 1 ? '' : 's'} from year groups outside its age range ${r.age_low}–${r.age_high} (${r.youngest === r.oldest ? `year group ${r.youngest}` : `year groups ${r.youngest} to ${r.oldest}`}): they count in an age phase its rolls may not cover`);
  } finally {
    await db.query('DROP VIEW IF EXISTS schools');
    await db.query('DROP VIEW IF EXISTS referrals');
  }
}

export const usage = 'validate DIR|FILE [--today yyyy-mm-dd] [--date-floor yyyy-mm-dd] [--max-errors N] [--engine native|wasm]  '
  + '(a folder needs schools.csv, referrals.csv and provision.csv; workforce.csv is optional; --max-errors caps the problems printed, default 200)';

const print = (line: string) => process.stdout.write(`${line}\n`);

export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  rejectUnknownFlags(flags, ['today', 'date-floor', 'max-errors', 'engine'], usage);
  const engine = engineFlag(flags);
  if (positional.length !== 1) throw new CliError(`usage: ${usage}`, 2);
  const [path = ''] = positional;
  if (!existsSync(path)) throw new CliError(`${path} does not exist`, 2);
  const today = todayFlag(flags);
  const dateFloor = dateFloorFlag(flags);
  const maxPrinted = countFlag(flags, 'max-errors', 200);
  const folder = isDirectory(path);
  if (!folder && !tableOfFile(path)) {
    throw new CliError(`cannot tell which table ${path} is: name it schools.csv, referrals.csv, provision.csv or workforce.csv`, 2);
  }
  const files = folder ? readContractDirectory(path) : { [path]: new Uint8Array(readFileSync(path)) };
  process.stderr.write(`checking ${Object.keys(files).join(', ') || path}…\n`);
  const db = await openEngine(engine);
  try {
    let warnings: string[] = [];
    const report = await checkContractFiles(db, files, {
      enrichSql: enrichSql(), today, dateFloor, partial: !folder, maxIssuesPerFile: Math.max(maxPrinted, 1),
      inspectChecked: async (tables) => { warnings = await ageRangeWarnings(db, tables); },
    });
    const problems = printCheckReport(report, print, maxPrinted, folder ? path : undefined);
    warnings.forEach(print);
    const count = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
    const failing = report.files.filter((f) => f.fileProblems + f.rowsRejected > 0).length + report.setProblems.length;
    print(problems === 0 ? `clean: ${count(report.files.length)} checked`
      : `${problems} problem${problems === 1 ? '' : 's'} in ${failing} of ${count(report.files.length + report.setProblems.filter((p) => p.kind === 'missing').length)}`);
    return problems === 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}
