// `validate DIR|FILE`: checks contract CSVs with the contract's own rules and prints every problem as
// `file:line: column: what is wrong (value)`, then a summary per file. Problems are this command's result, so they go
// to stdout; exit 1 if there are any, 0 when clean, 2 on bad usage.
import { existsSync } from 'node:fs';
import { CliError, parseArgs } from '../cli-error.ts';
import { tableOfFile, type TableName } from '../../src/contract/index.ts';
import { checkTableFile, collectColumn } from '../csv/check-table.ts';
import {
  contractFilesIn, countFlag, isDirectory, rejectUnknownFlags, todayFlag,
} from '../csv/command-options.ts';
import { IssueLog, type TableReport } from '../csv/issue-log.ts';

export const usage = 'validate DIR|FILE [--today yyyy-mm-dd] [--max-errors N]  '
  + '(a folder needs schools.csv, referrals.csv and provision.csv; workforce.csv is optional; --max-errors caps the problems printed, default 200)';

const print = (line: string) => process.stdout.write(`${line}\n`);

interface Target {
  readonly table: TableName;
  readonly path: string;
}

function targetsOf(path: string): { targets: Target[]; missing: string[] } {
  if (isDirectory(path)) {
    const { found, missing, others } = contractFilesIn(path);
    for (const other of others) process.stderr.write(`note: ignoring ${other} (not a table of the contract)\n`);
    return { targets: found, missing };
  }
  const table = tableOfFile(path);
  if (!table) {
    throw new CliError(`cannot tell which table ${path} is: name it schools.csv, referrals.csv, provision.csv or workforce.csv`, 2);
  }
  return { targets: [{ table: table.name, path }], missing: [] };
}

export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  rejectUnknownFlags(flags, ['today', 'max-errors'], usage);
  if (positional.length !== 1) throw new CliError(`usage: ${usage}`, 2);
  const [path = ''] = positional;
  if (!existsSync(path)) throw new CliError(`${path} does not exist`, 2);
  const today = todayFlag(flags);
  const log = new IssueLog(print, { maxPrinted: countFlag(flags, 'max-errors', 200) });

  const { targets, missing } = targetsOf(path);
  for (const file of missing) print(`${file}: required file is missing`);
  // Schools come first: their URNs are the only valid school_urn values in referrals and provision.
  const knownUrns = targets.some((t) => t.table === 'schools') ? new Set<string>() : undefined;
  const reports: TableReport[] = [];
  for (const { table, path: file } of targets) {
    process.stderr.write(`checking ${file}…\n`);
    const report = await checkTableFile(file, {
      table,
      displayName: file,
      context: { today, knownUrns: table === 'schools' ? undefined : knownUrns },
      onIssue: (issue) => log.add(issue),
      onRecord: table === 'schools' && knownUrns ? collectColumn('urn', knownUrns) : undefined,
    });
    reports.push(report);
  }

  const note = log.unprintedNote();
  if (note) print(note);
  for (const report of reports) report.summaryLines().forEach((line) => print(line));
  const problems = log.total + missing.length;
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  const failing = reports.filter((r) => !r.clean).length + missing.length;
  print(problems === 0 ? `clean: ${files(reports.length)} checked`
    : `${problems} problem${problems === 1 ? '' : 's'} in ${failing} of ${files(reports.length + missing.length)}`);
  return problems === 0 ? 0 : 1;
}
