// Turning a raw referrals extract (and, from a folder, the other contract tables beside it) into contract CSVs:
// identifiers dropped, ids replaced by keyed pseudonyms, every row checked by the contract, every value written
// checked for NHS numbers and full postcodes. All output is staged and renamed into place only if nothing was
// wrong, so a refused run writes nothing.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createTableValidator, TABLES, type TableName, type ValidationIssue,
} from '../../src/contract/index.ts';
import { checkTableFile, collectColumn, rowProblem } from '../csv/check-table.ts';
import { IssueLog, TableReport } from '../csv/issue-log.ts';
import { openCsv, CsvFormatError } from '../csv/read-csv.ts';
import { StagedOutput } from '../csv/staged-output.ts';
import { createCsvWriter } from '../csv/write-csv.ts';
import type { Engine } from '../engine.ts';
import { findIdentifierIn } from './identifiers.ts';
import { checkStagedOutput } from './output-gate.ts';
import { createRawExtractMapper, REFERRALS_HEADER } from './raw-extract.ts';

export interface AnonymiseOptions {
  /** The raw referrals extract. */
  readonly extract: string;
  /** Contract tables to check and copy unchanged (schools first: its URNs check the others). */
  readonly passThrough: readonly { table: TableName; path: string }[];
  readonly outDir: string;
  readonly key: Uint8Array;
  readonly today: string;
  /** Leave out referrals the contract rejects instead of refusing the run. */
  readonly dropInvalid: boolean;
  readonly log: IssueLog;
  readonly note: (line: string) => void;
  /** The DuckDB the output check runs on (default native). */
  readonly engine?: Engine;
}

export interface AnonymiseResult {
  /** Files written with their row counts; empty when the run was refused. */
  readonly written: { path: string; rows: number; how: string }[];
  readonly reports: TableReport[];
  /** Why nothing was written; empty on success. */
  readonly refusals: string[];
}

/** Reports every value that looks like a direct identifier, without the value. */
class IdentifierScan {
  found = 0;
  constructor(private readonly log: IssueLog) {}

  check(file: string, line: number, columns: readonly string[], cells: readonly string[]): void {
    cells.forEach((value, i) => {
      const kind = value ? findIdentifierIn(columns[i]?.trim().toLowerCase() ?? '', value) : null;
      if (!kind) return;
      this.found++;
      this.log.add({ file, line, column: columns[i] ?? `column ${i + 1}`, value: '',
        message: `looks like ${kind}: no output may hold one (value not shown)` });
    });
  }
}

export async function anonymiseExtract(options: AnonymiseOptions): Promise<AnonymiseResult> {
  const output = await StagedOutput.open(options.outDir);
  try {
    const scan = new IdentifierScan(options.log);
    const knownUrns = options.passThrough.some((t) => t.table === 'schools') ? new Set<string>() : undefined;
    const reports: TableReport[] = [];
    const written: AnonymiseResult['written'] = [];
    for (const { table, path } of options.passThrough) {
      const report = await passThroughTable(table, path, { ...options, knownUrns, scan });
      reports.push(report);
      if (!report.clean) continue;
      await copyFile(path, output.stage(TABLES[table].file));
      written.push({ path: join(output.dir, TABLES[table].file), rows: report.rowsAccepted, how: 'checked and copied unchanged' });
    }
    const referrals = await anonymiseReferrals({ ...options, knownUrns, scan, target: output.stage('referrals.csv') });
    reports.push(referrals);
    const left = referrals.rowsRejected > 0 ? `, ${referrals.rowsRejected} rejected rows left out` : '';
    written.push({ path: join(output.dir, 'referrals.csv'), rows: referrals.rowsAccepted, how: `pseudonymised${left}` });

    const refusals = refusalsOf(reports, scan.found, options.dropInvalid);
    // The files about to be written go through the product's one load path too (the contract's checks as SQL in
    // DuckDB): what anonymise writes, the app and `report` will accept.
    if (refusals.length === 0) refusals.push(...await checkStagedOutput(output, options));
    if (refusals.length > 0) {
      await output.discard();
      return { written: [], reports, refusals };
    }
    await output.commit();
    return { written, reports, refusals };
  } catch (error) {
    await output.discard();
    throw error;
  }
}

function refusalsOf(reports: readonly TableReport[], identifiers: number, dropInvalid: boolean): string[] {
  const refusals: string[] = [];
  if (identifiers > 0) refusals.push(`${identifiers} value${identifiers === 1 ? ' that looks' : 's that look'} like NHS numbers, full postcodes or names`);
  for (const report of reports) {
    const rejectedAllowed = dropInvalid && report.table === 'referrals';
    if (report.fileProblems > 0 || report.rowsNotChecked) refusals.push(`${report.file} has problems with its header or format`);
    else if (report.rowsRejected > 0 && !rejectedAllowed) refusals.push(`${report.file} has ${report.rowsRejected} rows the contract rejects${report.table === 'referrals' ? ' (--drop-invalid leaves them out)' : ''}`);
    else if (report.table === 'referrals' && report.rowsAccepted === 0) refusals.push(`${report.file} has no referral the contract accepts`);
  }
  return refusals;
}

interface PassThroughContext {
  readonly today: string;
  readonly knownUrns: Set<string> | undefined;
  readonly scan: IdentifierScan;
  readonly log: IssueLog;
  readonly note: (line: string) => void;
}

async function passThroughTable(table: TableName, path: string, ctx: PassThroughContext): Promise<TableReport> {
  ctx.note(`checking ${path}…`);
  const collectUrns = table === 'schools' && ctx.knownUrns ? collectColumn('urn', ctx.knownUrns) : undefined;
  return checkTableFile(path, {
    table,
    displayName: path,
    context: { today: ctx.today, knownUrns: table === 'schools' ? undefined : ctx.knownUrns },
    onIssue: (issue) => ctx.log.add(issue),
    onRecord: (record, header) => {
      collectUrns?.(record, header);
      ctx.scan.check(path, record.line, header, record.cells);
    },
  });
}

interface ReferralsContext extends PassThroughContext {
  readonly extract: string;
  readonly key: Uint8Array;
  readonly target: string;
}

async function anonymiseReferrals(ctx: ReferralsContext): Promise<TableReport> {
  const file = ctx.extract;
  ctx.note(`anonymising ${file}…`);
  const report = new TableReport(file, 'referrals');
  const fileProblem = (issue: ValidationIssue) => { report.fileProblems++; ctx.log.add(issue); };
  const { header, records } = await openCsv(file);
  const mapper = createRawExtractMapper(header ?? [], ctx.key, file);
  for (const column of mapper.missingColumns) {
    fileProblem({ file, line: 1, column, message: 'required column is missing from the header of the extract', value: '' });
  }
  if (mapper.ignoredColumns.length > 0) ctx.note(`note: not written (not used): ${mapper.ignoredColumns.join(', ')}`);
  if (mapper.missingColumns.length > 0) {
    report.rowsNotChecked = true;
    return report;
  }
  const validator = createTableValidator('referrals', file, REFERRALS_HEADER, { today: ctx.today, knownUrns: ctx.knownUrns });
  const writer = createCsvWriter(ctx.target);
  try {
    await writer.write(REFERRALS_HEADER);
    for await (const record of records) {
      const mapped = mapper.map(record);
      const checked = mapped.cells ? validator.checkRow(mapped.cells, record.line) : { row: null, issues: [] };
      const problem = rowProblem(file, record);
      const issues = [...(problem ? [problem] : []), ...mapped.issues, ...checked.issues];
      issues.forEach((issue) => ctx.log.add(issue));
      report.addRow(issues);
      if (issues.length > 0 || !checked.row) continue;
      ctx.scan.check(file, record.line, REFERRALS_HEADER, checked.row);
      await writer.write(checked.row);
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    fileProblem({ file, line: error.line, column: '(file)', message: `cannot be read past this line: ${error.message}`, value: '' });
  } finally {
    await writer.close();
  }
  return report;
}
