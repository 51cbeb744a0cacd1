// The Data view's side of the one load path: the chosen files go as they are to the session, which checks and
// loads them in DuckDB (src/db/load-tables.ts: the same checks as the pipeline's `validate`, run as SQL in the
// engine's worker, so the page stays responsive). No React and no DOM here.
import { ContractRefusal, type CheckReport } from '../../db/load-tables.ts';
import type { FileData } from '../../db/file-data.ts';

export type { FileReport, ReasonCount, FileFormat, SetProblem, CheckReport as ValidationResult } from '../../db/load-tables.ts';
export { issueLines, localDay } from '../../db/load-tables.ts';

export interface ChosenFile {
  readonly name: string;
  /** The File itself in the browser (read by DuckDB in its worker, never copied whole into the page), or bytes. */
  readonly data: FileData;
}

/** The chosen files keyed by name, as the loader takes them. */
export function filesByName(files: readonly ChosenFile[]): Record<string, FileData> {
  const byName: Record<string, FileData> = {};
  const seen = new Set<string>();
  for (const file of files) {
    // Two files of the same name (from two folders) must both reach the check, which refuses the pair.
    let name = file.name;
    for (let n = 2; seen.has(name); n++) name = `${file.name} (${n})`;
    seen.add(name);
    byName[name] = file.data;
  }
  return byName;
}

/** The report of a refused load, or null for any other failure (which the caller rethrows). */
export function refusalReport(error: unknown): CheckReport | null {
  return error instanceof ContractRefusal ? error.report : null;
}
