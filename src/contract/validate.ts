// Validating a table against the contract, one row at a time, so a million-row file streams through in Node and
// an upload is checked in the browser by the same code. Cross-row checks (duplicate keys, unknown schools) keep
// only the keys seen, not the rows.
import { parseCell } from './cells.ts';
import { TABLES } from './tables.ts';
import { ROLL_COLUMN_OF_PHASE, type AgePhase } from './values.ts';
import type { TableName, TableSpec, ValidationIssue } from './types.ts';

export interface ValidationContext {
  /** Dates after this (yyyy-mm-dd) are "in the future". */
  readonly today: string;
  /** URNs in schools; when given, school_urn must be one of them. */
  readonly knownUrns?: ReadonlySet<string>;
}

export interface RowResult {
  /** The row's cells normalised (ISO dates, true/false), in contract column order; null when rejected. */
  readonly row: string[] | null;
  readonly issues: ValidationIssue[];
}

export interface HeaderResult {
  readonly issues: ValidationIssue[];
  /** For each contract column, its index in the file's header (-1 when an optional column is absent). */
  readonly columnIndex: number[];
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function checkHeader(table: TableSpec, file: string, header: readonly string[]): HeaderResult {
  const names = header.map((h, i) => (i === 0 ? stripBom(h) : h).trim().toLowerCase());
  const issues: ValidationIssue[] = [];
  const issue = (column: string, message: string, value = '') => issues.push({ file, line: 1, column, message, value });
  const columnIndex = table.columns.map((c) => names.indexOf(c.name));
  table.columns.forEach((c, i) => {
    if (columnIndex[i] === -1 && c.required) issue(c.name, 'required column is missing from the header');
  });
  names.forEach((n, i) => {
    if (!table.columns.some((c) => c.name === n)) issue(n || `column ${i + 1}`, 'is not a column of the contract (remove it)', header[i] ?? '');
    else if (names.indexOf(n) !== i) issue(n, 'appears twice in the header');
  });
  return { issues, columnIndex };
}

type RowRule = (cells: Record<string, string>, ctx: ValidationContext) => { column: string; message: string; value: string } | null;

const notInFuture = (column: string): RowRule => (cells, ctx) =>
  cells[column] && cells[column] > ctx.today ? { column, message: `is in the future (after ${ctx.today})`, value: cells[column] } : null;
const knownSchool: RowRule = (cells, ctx) =>
  ctx.knownUrns && !ctx.knownUrns.has(cells.school_urn ?? '')
    ? { column: 'school_urn', message: 'is not the URN of any school in schools.csv', value: cells.school_urn ?? '' } : null;
const notBefore = (column: string, earlier: string): RowRule => (cells) =>
  cells[column] && cells[earlier] && cells[column] < cells[earlier]
    ? { column, message: `is before ${earlier} (${cells[earlier]})`, value: cells[column] } : null;

const ROW_RULES: Record<TableName, RowRule[]> = {
  schools: [
    // The same reading of blank roll columns as src/db/enrich.sql: all blank → the whole roll is in the school's
    // phase; some given → a blank column of the school's own phase holds the rest, other blanks are 0.
    (cells) => {
      const rolls = Object.values(ROLL_COLUMN_OF_PHASE).map((c) => cells[c] ?? '');
      if (rolls.every((r) => r === '')) return null;
      const given = rolls.reduce((s, r) => s + Number(r || 0), 0);
      const roll = Number(cells.pupils_on_roll);
      const ownColumn = ROLL_COLUMN_OF_PHASE[cells.phase as AgePhase] as string | undefined;
      const ownBlank = ownColumn !== undefined && (cells[ownColumn] ?? '') === '';
      if (ownBlank ? given <= roll : given === roll) return null;
      return { column: 'pupils_on_roll', value: cells.pupils_on_roll ?? '',
        message: ownBlank ? `is less than the phase rolls given (${given})` : `does not equal the sum of the phase rolls (${given})` };
    },
    (cells) => Number(cells.pupils_ehcp) > Number(cells.pupils_on_roll)
      ? { column: 'pupils_ehcp', message: 'is more than pupils_on_roll', value: cells.pupils_ehcp ?? '' } : null,
    (cells) => cells.pupils_slcn && Number(cells.pupils_slcn) > Number(cells.pupils_on_roll)
      ? { column: 'pupils_slcn', message: 'is more than pupils_on_roll', value: cells.pupils_slcn } : null,
  ],
  referrals: [
    knownSchool,
    notInFuture('referral_date'),
    notInFuture('first_contact_date'),
    notInFuture('discharge_date'),
    notBefore('first_contact_date', 'referral_date'),
    notBefore('discharge_date', 'first_contact_date'),
    notBefore('discharge_date', 'referral_date'),
    (cells) => !cells.year_group && !cells.age_at_referral
      ? { column: 'year_group', message: 'year_group or age_at_referral is required', value: '' } : null,
  ],
  provision: [knownSchool, (cells, ctx) => (cells.month ?? '') > ctx.today.slice(0, 7)
    ? { column: 'month', message: `is in the future (after ${ctx.today.slice(0, 7)})`, value: cells.month ?? '' } : null],
  workforce: [],
};

/** A stateful validator for one file: feed it rows in order; it remembers keys to find duplicates. */
export function createTableValidator(tableName: TableName, file: string, header: readonly string[], ctx: ValidationContext) {
  const table = TABLES[tableName];
  const headerResult = checkHeader(table, file, header);
  const seenKeys = new Set<string>();
  const keyIndexes = table.key.map((k) => table.columns.findIndex((c) => c.name === k));

  function checkRow(raw: readonly string[], line: number): RowResult {
    const issues: ValidationIssue[] = [];
    const cells: Record<string, string> = {};
    const row = table.columns.map((spec, i) => {
      const at = headerResult.columnIndex[i] ?? -1;
      const rawValue = at >= 0 ? raw[at] ?? '' : '';
      const parsed = parseCell(rawValue, spec);
      if (!parsed.ok) {
        issues.push({ file, line, column: spec.name, message: parsed.message, value: rawValue });
        return '';
      }
      cells[spec.name] = parsed.value;
      return parsed.value;
    });
    if (raw.length !== header.length) {
      issues.push({ file, line, column: '(row)', message: `has ${raw.length} cells but the header has ${header.length}`, value: '' });
    }
    if (issues.length === 0) {
      for (const rule of ROW_RULES[tableName]) {
        const problem = rule(cells, ctx);
        if (problem) issues.push({ file, line, ...problem });
      }
    }
    if (issues.length === 0) {
      const key = keyIndexes.map((i) => row[i]).join('\u0000');
      if (seenKeys.has(key)) {
        issues.push({ file, line, column: table.key.join('+'), message: 'duplicates an earlier row\'s key', value: key.replaceAll('\u0000', ' / ') });
      }
      seenKeys.add(key);
    }
    return { row: issues.length === 0 ? row : null, issues };
  }

  return { table, headerIssues: headerResult.issues, checkRow };
}

export function formatIssue(issue: ValidationIssue): string {
  return `${issue.file}:${issue.line}: ${issue.column}: ${issue.message}${issue.value ? ` (${issue.value})` : ''}`;
}
