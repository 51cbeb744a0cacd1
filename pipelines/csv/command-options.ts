// Options shared by the commands that read contract CSVs (validate, anonymise, to-parquet).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, numberFlag } from '../cli-error.ts';
import { parseDate, tableOfFile, TABLE_NAMES, TABLES, type TableName } from '../../src/contract/index.ts';
import { DEFAULT_DATE_FLOOR } from '../../src/contract/sql-checks.ts';

/** Refuses flags the command does not know, so a typo (--max-error) is not silently ignored. */
export function rejectUnknownFlags(flags: Map<string, string>, known: readonly string[], usage: string): void {
  for (const name of flags.keys()) {
    if (!known.includes(name)) throw new CliError(`unknown option --${name}\nusage: ${usage}`, 2);
  }
}

/** The local calendar date as yyyy-mm-dd. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** --today yyyy-mm-dd, or the real date: no date in the data may be after it. */
export function todayFlag(flags: Map<string, string>): string {
  const raw = flags.get('today');
  if (raw === undefined) return localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || parseDate(raw) !== raw) {
    throw new CliError(`--today must be a real date as yyyy-mm-dd (got ${raw})`, 2);
  }
  return raw;
}

/** --date-floor yyyy-mm-dd, or DEFAULT_DATE_FLOOR: no date in the data may be before it. */
export function dateFloorFlag(flags: Map<string, string>): string {
  const raw = flags.get('date-floor');
  if (raw === undefined) return DEFAULT_DATE_FLOOR;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || parseDate(raw) !== raw) {
    throw new CliError(`--date-floor must be a real date as yyyy-mm-dd (got ${raw})`, 2);
  }
  return raw;
}

export function countFlag(flags: Map<string, string>, name: string, fallback: number): number {
  const n = numberFlag(flags, name, fallback);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number, 0 or more (got ${flags.get(name)})`, 2);
  return n;
}

export function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

export interface ContractFiles {
  /** Each contract table found in the folder, in contract order (schools first), with its path. */
  readonly found: { table: TableName; path: string }[];
  /** Paths of required tables that are missing. */
  readonly missing: string[];
  /** CSV files in the folder that are not contract tables. */
  readonly others: string[];
}

/** The contract CSVs in a folder, matched by file name (schools.csv, referrals.csv, …; any letter case). */
export function contractFilesIn(dir: string): ContractFiles {
  const entries = readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.csv'));
  const found: ContractFiles['found'] = [];
  const missing: string[] = [];
  for (const table of TABLE_NAMES) {
    const name = entries.find((e) => tableOfFile(e)?.name === table);
    if (name) found.push({ table, path: join(dir, name) });
    else if (!TABLES[table].optional) missing.push(join(dir, TABLES[table].file));
  }
  const others = entries.filter((e) => !tableOfFile(e)).map((e) => join(dir, e));
  return { found, missing, others };
}
