// The last check before anonymise writes anything: the staged output files are loaded through the product's one
// load path (src/db/load-tables.ts, the contract's checks as SQL in DuckDB), exactly as the app and `report` will
// load them. Any problem is printed as `file:line: column: problem` and refuses the run.
import { readFileSync } from 'node:fs';
import { formatIssue } from '../../src/contract/index.ts';
import { checkContractFiles } from '../../src/db/load-tables.ts';
import type { IssueLog } from '../csv/issue-log.ts';
import type { StagedOutput } from '../csv/staged-output.ts';
import { openEngine, type Engine } from '../engine.ts';
import { enrichSql } from '../load-dir.ts';

/** Refusal reasons (none when the output passes). */
export async function checkStagedOutput(output: StagedOutput, options: { today: string; dateFloor?: string; log: IssueLog; passThrough: readonly unknown[]; engine?: Engine }): Promise<string[]> {
  const files = Object.fromEntries(output.stagedFiles().map(({ path, temporary }) => [path, new Uint8Array(readFileSync(temporary))]));
  const db = await openEngine(options.engine);
  try {
    const report = await checkContractFiles(db, files, { enrichSql: enrichSql(), today: options.today, dateFloor: options.dateFloor, partial: options.passThrough.length === 0 });
    if (report.ok) return [];
    for (const issue of report.files.flatMap((f) => f.issues)) options.log.add(issue);
    const count = report.files.reduce((n, f) => n + f.issueCount, 0) + report.setProblems.length;
    return [`the output fails the load check the app uses (${count} problem${count === 1 ? '' : 's'}${count ? `, first: ${formatIssue(report.files.flatMap((f) => f.issues)[0] ?? { file: '', line: 0, column: '', message: report.setProblems[0]?.message ?? '', value: '' })}` : ''})`];
  } finally {
    await db.close();
  }
}
