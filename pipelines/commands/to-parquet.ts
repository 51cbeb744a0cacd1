// `to-parquet DIR OUT`: writes each contract CSV in DIR as OUT/<table>.parquet, typed from the contract (see
// pipelines/csv/parquet-table.ts for the types). Every row is checked by the contract on the way; if any is
// rejected nothing is written. The files written go to stdout; problems and progress to stderr.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, parseArgs } from '../cli-error.ts';
import { TABLES } from '../../src/contract/index.ts';
import { checkTableFile, collectColumn } from '../csv/check-table.ts';
import {
  contractFilesIn, countFlag, isDirectory, rejectUnknownFlags, todayFlag,
} from '../csv/command-options.ts';
import { IssueLog, type TableReport } from '../csv/issue-log.ts';
import { ParquetTableWriter } from '../csv/parquet-table.ts';
import { StagedOutput } from '../csv/staged-output.ts';

export const usage = 'to-parquet DIR OUT [--today yyyy-mm-dd] [--max-errors N]  '
  + '(DIR holds the contract CSVs; writes OUT/schools.parquet, OUT/referrals.parquet, … only if every row passes the contract)';

const say = (line: string) => process.stderr.write(`${line}\n`);

export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  rejectUnknownFlags(flags, ['today', 'max-errors'], usage);
  if (positional.length !== 2) throw new CliError(`usage: ${usage}`, 2);
  const [dir = '', outDir = ''] = positional;
  if (!existsSync(dir) || !isDirectory(dir)) throw new CliError(`${dir} is not a folder`, 2);
  const today = todayFlag(flags);
  const log = new IssueLog(say, { maxPrinted: countFlag(flags, 'max-errors', 200) });
  const { found, missing } = contractFilesIn(dir);
  if (missing.length > 0) throw new CliError(`required file missing: ${missing.join(', ')}`, 1);

  const output = await StagedOutput.open(outDir);
  const reports: TableReport[] = [];
  const written: { path: string; rows: number }[] = [];
  try {
    const knownUrns = new Set<string>();
    for (const { table, path } of found) {
      say(`converting ${path}…`);
      const name = `${table}.parquet`;
      const parquet = new ParquetTableWriter(output.stage(name), TABLES[table]);
      const report = await checkTableFile(path, {
        table,
        displayName: path,
        context: { today, knownUrns: table === 'schools' ? undefined : knownUrns },
        onIssue: (issue) => log.add(issue),
        onRecord: table === 'schools' ? collectColumn('urn', knownUrns) : undefined,
        onValidRow: (row) => parquet.add(row),
      });
      parquet.close();
      reports.push(report);
      written.push({ path: join(output.dir, name), rows: parquet.rows });
    }
  } catch (error) {
    await output.discard();
    throw error;
  }
  const hidden = log.unprintedNote();
  if (hidden) say(hidden);
  if (reports.some((r) => !r.clean)) {
    for (const report of reports) report.summaryLines().forEach(say);
    await output.discard();
    say(`refused, nothing written to ${outDir}: fix the problems above (validate ${dir} lists them all)`);
    return 1;
  }
  await output.commit();
  for (const { path, rows } of written) process.stdout.write(`wrote ${path} (${rows} rows)\n`);
  return 0;
}
