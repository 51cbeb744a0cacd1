// Turning a raw referrals extract (and, from a folder, the other contract tables beside it) into contract CSVs:
// identifiers dropped, ids replaced by keyed pseudonyms, then everything checked by the product's one load path
// (src/db/load-tables.ts: the contract's checks, its identifier scan in every text column — school_urn included —
// and its plausibility rules, as SQL in DuckDB), exactly as the app, `validate` and `report` check files. The
// referrals written are the load path's checked rows (ISO dates, true/false). With --drop-invalid the referrals the
// load path rejects are left out (and counted), and what is left is checked again; a value that looks like an
// identifier is never a row to leave out: it refuses the run. All output is staged and renamed into place only if
// nothing was wrong, so a refused run writes nothing.
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { TABLES, type TableName, type ValidationIssue } from '../../src/contract/index.ts';
import type { ReasonCount } from '../../src/contract/row-tally.ts';
import type { Database } from '../../src/db/database.ts';
import { ContractRefusal, loadContractTables, type CheckReport, type FileReport } from '../../src/db/load-tables.ts';
import { summaryLines } from '../csv/check-report.ts';
import { checkedTextRows } from '../csv/checked-rows.ts';
import { IssueLog, TableReport } from '../csv/issue-log.ts';
import { openCsv, CsvFormatError, type CsvRecord } from '../csv/read-csv.ts';
import { StagedOutput } from '../csv/staged-output.ts';
import { csvLine } from '../csv/write-csv.ts';
import { openEngine, type Engine } from '../engine.ts';
import { enrichSql } from '../load-dir.ts';
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
  /** No date may be before it (default the contract's floor, 2000-01-01), as `validate --date-floor` checks. */
  readonly dateFloor?: string;
  /** Leave out referrals the contract rejects instead of refusing the run. */
  readonly dropInvalid: boolean;
  readonly log: IssueLog;
  readonly note: (line: string) => void;
  /** The DuckDB the checks run on (default native). */
  readonly engine?: Engine;
}

export interface AnonymiseResult {
  /** Files written with their row counts; empty when the run was refused. */
  readonly written: { path: string; rows: number; how: string }[];
  /** Per file: rows kept and rejected, by reason. */
  readonly summary: string[];
  /** Why nothing was written; empty on success. */
  readonly refusals: string[];
}

/** The name the mapped referrals are checked under (the load path knows a table by its file name). */
const MAPPED = 'referrals.csv';
/** Every problem is wanted when rows are to be left out: each names a row. */
const ALL_ISSUES = 1_000_000_000;
const IDENTIFIER = /^looks like (an NHS number|a full postcode|a person's name)\b/;

/** A record the CSV reader could read only in part (a stray quote, say) as its problem, or null. */
function rowProblem(file: string, record: CsvRecord): ValidationIssue | null {
  return record.problem ? { file, line: record.line, column: '(row)', message: record.problem, value: '' } : null;
}

/** The extract mapped to contract rows (pseudonyms in, identifiers out), as CSV lines not yet checked. */
interface MappedExtract {
  /** Rows that could not be mapped (bad NHS number, no date of birth, …) and problems with the file itself. */
  readonly tally: TableReport;
  /** False when the header lacks a required column: no row could be mapped. */
  readonly usable: boolean;
  /** One CSV line per mapped row, the header first. */
  readonly lines: string[];
  /** The extract's line of each mapped row, in order. */
  readonly extractLines: number[];
}

async function mapExtract(options: AnonymiseOptions): Promise<MappedExtract> {
  const file = options.extract;
  options.note(`anonymising ${file}…`);
  const tally = new TableReport(file, 'referrals');
  const fileProblem = (issue: ValidationIssue) => { tally.fileProblems++; options.log.add(issue); };
  const lines = [csvLine(REFERRALS_HEADER)];
  const extractLines: number[] = [];
  const { header, records } = await openCsv(file);
  // An empty extract is one problem, as the load path reports an empty table, not one per column it lacks.
  if (header === null) {
    fileProblem({ file, line: 1, column: '(file)', message: 'is empty', value: '' });
    tally.rowsNotChecked = true;
    return { tally, usable: false, lines, extractLines };
  }
  const mapper = createRawExtractMapper(header, options.key, file);
  for (const column of mapper.missingColumns) {
    fileProblem({ file, line: 1, column, message: 'required column is missing from the header of the extract', value: '' });
  }
  if (mapper.ignoredColumns.length > 0) options.note(`note: not written (not used): ${mapper.ignoredColumns.join(', ')}`);
  if (mapper.missingColumns.length > 0) {
    tally.rowsNotChecked = true;
    return { tally, usable: false, lines, extractLines };
  }
  try {
    for await (const record of records) {
      const mapped = mapper.map(record);
      const problem = rowProblem(file, record);
      const issues = [...(problem ? [problem] : []), ...mapped.issues];
      if (issues.length > 0 || !mapped.cells) {
        issues.forEach((issue) => options.log.add(issue));
        tally.addRow(issues);
        continue;
      }
      lines.push(csvLine(mapped.cells));
      extractLines.push(record.line);
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    fileProblem({ file, line: error.line, column: '(file)', message: `cannot be read past this line: ${error.message}`, value: '' });
  }
  return { tally, usable: true, lines, extractLines };
}

/** Where each mapped row starts in the mapped CSV (a quoted cell may hold a line break), by row. */
function startLines(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let line = 1;
  for (const [i, text] of lines.entries()) {
    if (i > 0) starts.push(line);
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) line++;
  }
  return starts;
}

interface CheckOutcome {
  /** What the load path found in every file. */
  readonly report: CheckReport;
  /** The same report when something was wrong, or null when every file passed (and the output was staged). */
  readonly refusal: CheckReport | null;
  /** What the load path found in the mapped referrals (rows rejected, by reason). */
  readonly referrals: FileReport | null;
}

/**
 * One run of the load path over the pass-through tables (as given) and the mapped referrals. On success it stages
 * the output: the pass-through files copied unchanged and referrals.csv written from the checked rows.
 */
async function checkAndStage(db: Database, options: AnonymiseOptions, mapped: readonly string[], output: StagedOutput, maxIssues: number): Promise<CheckOutcome> {
  const files: Record<string, Uint8Array> = {};
  for (const { path } of options.passThrough) files[path] = new Uint8Array(readFileSync(path));
  files[MAPPED] = new TextEncoder().encode(mapped.join(''));
  const referralsOf = (report: CheckReport) => report.files.find((f) => f.table === 'referrals') ?? null;
  try {
    const loaded = await loadContractTables(db, files, {
      enrichSql: enrichSql(), today: options.today, dateFloor: options.dateFloor, partial: options.passThrough.length === 0, checkOnly: true, maxIssuesPerFile: maxIssues,
      inspectChecked: async (tables) => {
        for (const { table, path } of options.passThrough) await copyFile(path, output.stage(TABLES[table].file));
        const checked = tables.referrals;
        if (checked === undefined) throw new Error('anonymise: the checked referrals are missing');
        const text: string[] = [csvLine(REFERRALS_HEADER)];
        for await (const rows of checkedTextRows(db, TABLES.referrals, checked)) for (const row of rows) text.push(csvLine(row));
        await writeFile(output.stage('referrals.csv'), text.join(''));
      },
    });
    return { report: loaded.report, refusal: null, referrals: referralsOf(loaded.report) };
  } catch (error) {
    if (!(error instanceof ContractRefusal)) throw error;
    return { report: error.report, refusal: error.report, referrals: referralsOf(error.report) };
  }
}

export async function anonymiseExtract(options: AnonymiseOptions): Promise<AnonymiseResult> {
  const output = await StagedOutput.open(options.outDir);
  try {
    const result = await anonymiseInto(output, options);
    if (result.refusals.length > 0) await output.discard();
    else await output.commit();
    return result;
  } catch (error) {
    await output.discard();
    throw error;
  }
}

async function anonymiseInto(output: StagedOutput, options: AnonymiseOptions): Promise<AnonymiseResult> {
  const { extract, log } = options;
  const mapped = await mapExtract(options);
  const refused = (summary: string[], ...refusals: string[]): AnonymiseResult => ({ written: [], summary, refusals });
  if (!mapped.usable || mapped.tally.fileProblems > 0) {
    return refused(mapped.tally.summaryLines(), `${extract} has problems with its header or format`);
  }
  if (mapped.lines.length === 1) {
    // A header and no rows is named as the load path names it; rows that were all rejected are already listed.
    if (mapped.tally.rowsRejected === 0) log.add({ file: extract, line: 1, column: '(file)', message: 'has a header but no rows', value: '' });
    return refused(mapped.tally.summaryLines(), `${extract} has no referral the contract accepts`);
  }
  const starts = startLines(mapped.lines);
  const rowAt = new Map(starts.map((line, row) => [line, row]));
  const extractLineAt = new Map(starts.map((line, row) => [line, mapped.extractLines[row] ?? 0]));
  // The mapped referrals' problems name the extract and its lines, as a user would open them.
  const asExtract = (issue: ValidationIssue): ValidationIssue => (issue.file === MAPPED
    ? { ...issue, file: extract, line: issue.line === 1 ? 1 : extractLineAt.get(issue.line) ?? issue.line } : issue);
  const logReport = (report: CheckReport) => {
    for (const problem of report.setProblems) log.add({ file: problem.fileName, line: 0, column: '(file)', message: problem.message, value: '' });
    for (const file of report.files) {
      file.issues.forEach((issue) => log.add(asExtract(issue)));
      log.addUncounted(file.issueCount - file.issues.length);
    }
  };

  options.note(`checking ${[...options.passThrough.map((t) => t.path), extract].join(', ')}…`);
  const db = await openEngine(options.engine);
  let outcome: CheckOutcome;
  let left = mapped.tally.rowsRejected;
  const reasons = new Map(mapped.tally.rejectedByReason().map((r) => [r.reason, r.rows]));
  let kept = mapped.lines.length - 1;
  try {
    outcome = await checkAndStage(db, options, mapped.lines, output, options.dropInvalid ? ALL_ISSUES : Math.max(log.maxPrinted, 1));
    if (outcome.refusal) {
      logReport(outcome.refusal);
      const refusals = refusalsOf(outcome.refusal, extract, options.dropInvalid, mapped.tally.rowsRejected);
      const rejected = outcome.referrals;
      if (refusals.length > 0 || !rejected) return refused(summaryOf(outcome.refusal, extract, mapped.tally), ...refusals);
      // Only referrals the contract rejects: leave them out, and check what is left.
      const rejectedRows = new Set(rejected.issues.map((issue) => rowAt.get(issue.line) ?? -1).filter((row) => row >= 0));
      left += rejectedRows.size;
      for (const { reason, rows } of rejected.rejectedByReason) reasons.set(reason, (reasons.get(reason) ?? 0) + rows);
      const keptLines = mapped.lines.filter((_, i) => i === 0 || !rejectedRows.has(i - 1));
      kept = keptLines.length - 1;
      if (kept === 0) return refused(summaryOf(outcome.refusal, extract, mapped.tally), `${extract} has no referral the contract accepts`);
      outcome = await checkAndStage(db, options, keptLines, output, Math.max(log.maxPrinted, 1));
      if (outcome.refusal) {
        logReport(outcome.refusal);
        return refused(summaryOf(outcome.refusal, extract, mapped.tally), `${extract} still breaks the contract once the rejected referrals are left out`);
      }
    }
  } finally {
    await db.close();
  }
  if (left > 0 && !options.dropInvalid) return refused(mapped.tally.summaryLines(), `${extract} has ${left} rows the contract rejects (--drop-invalid leaves them out)`);

  // The files about to be written go through the load path once more, from the output folder: what anonymise
  // writes, the app and `report` will accept.
  const gate = await checkStagedOutput(output, options);
  if (gate.length > 0) return refused([], ...gate);
  const summary = [
    ...outcome.report.files.filter((f) => f.table !== 'referrals').flatMap(summaryLines),
    `${extract}: ${kept} rows ok, ${left} rejected`,
    ...[...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, rows]) => `  ${rows} row${rows === 1 ? '' : 's'} rejected for ${reason}`),
  ];
  const rowsOf = (path: string) => outcome.report.files.find((f) => f.fileName === path)?.rowsAccepted ?? 0;
  const written = [
    ...options.passThrough.map(({ table, path }) => ({ path: join(output.dir, TABLES[table].file), rows: rowsOf(path), how: 'checked and copied unchanged' })),
    { path: join(output.dir, 'referrals.csv'), rows: kept, how: `pseudonymised${left > 0 ? `, ${left} rejected rows left out` : ''}` },
  ];
  return { written, summary, refusals: [] };
}

/** Why the run is refused, given the load path's report (none: only referrals to leave out, with --drop-invalid). */
function refusalsOf(report: CheckReport, extract: string, dropInvalid: boolean, unmapped: number): string[] {
  const refusals = report.setProblems.map((p) => p.message);
  const identifiers = report.files.reduce((n, f) => n + f.issues.filter((i) => IDENTIFIER.test(i.message)).length, 0);
  if (identifiers > 0) refusals.push(`${identifiers} value${identifiers === 1 ? ' that looks' : 's that look'} like NHS numbers, full postcodes or names`);
  for (const file of report.files) {
    const name = file.table === 'referrals' ? extract : file.fileName;
    if (file.fileProblems > 0 || file.rowsNotChecked) refusals.push(`${name} has problems with its header or format`);
    else if (file.rowsRejected > 0 && !(dropInvalid && file.table === 'referrals')) {
      refusals.push(`${name} has ${file.rowsRejected + (file.table === 'referrals' ? unmapped : 0)} rows the contract rejects${file.table === 'referrals' ? ' (--drop-invalid leaves them out)' : ''}`);
    }
  }
  return refusals;
}

function summaryOf(report: CheckReport, extract: string, mapping: TableReport): string[] {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.table !== 'referrals') { lines.push(...summaryLines(file)); continue; }
    const reasons = new Map<string, number>(mapping.rejectedByReason().map((r: ReasonCount) => [r.reason, r.rows]));
    for (const { reason, rows } of file.rejectedByReason) reasons.set(reason, (reasons.get(reason) ?? 0) + rows);
    lines.push(`${extract}: ${file.rowsAccepted} rows ok, ${file.rowsRejected + mapping.rowsRejected} rejected`);
    if (file.fileProblems > 0) lines.push(`  header or format: ${file.fileProblems} problem${file.fileProblems === 1 ? '' : 's'}`);
    for (const [reason, rows] of [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`  ${rows} row${rows === 1 ? '' : 's'} rejected for ${reason}`);
  }
  return lines;
}
