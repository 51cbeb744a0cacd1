// The contract's checks as DuckDB SQL, generated from the column specs in tables.ts and the row rules in
// row-rules.ts, so the one contract drives every load (the app's upload, validate, report, to-parquet). Each table
// is first read with every cell as text into a staging table (`raw`, one row per record, rowid = record order);
// cellIssuesSql finds the cells that break the contract, typedSelectSql turns the text into the contract's types
// (trimmed; dd/mm/yyyy → DATE; yes/no, y/n, 1/0 → BOOLEAN), and rowIssuesSql runs the row rules over the typed rows.
import { ID_COLUMNS, IDENTIFIER_HINT, identifierSql } from './identifiers.ts';
import { ROW_RULES } from './row-rules.ts';
import { DUCKDB_TYPE } from './tables.ts';
import type { ColumnSpec, TableSpec } from './types.ts';

/** Settings of the plausibility checks; dates are yyyy-mm-dd. */
export interface CheckSettings {
  /** No date may be after this day. */
  readonly today: string;
  /** No date may be before this day (spreadsheet zero dates, typing slips): default DEFAULT_DATE_FLOOR. */
  readonly dateFloor: string;
}

export const DEFAULT_DATE_FLOOR = '2000-01-01';
/** Longest cell accepted, in characters: every contract value is a code, a number, a date or a short name. */
export const MAX_CELL_CHARS = 1_000;

const TRUE_WORDS = ['true', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'no', 'n', '0'];

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
export const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
const list = (values: readonly string[]) => values.map(sqlString).join(', ');

/** Which columns a setting is on for: all (true), none (false), or those named. */
export type ColumnsWhere = boolean | ReadonlySet<string>;
const isOn = (which: ColumnsWhere, column: string) => (typeof which === 'boolean' ? which : which.has(column));

/** Messages whose value is never repeated back (it may be an identifier, or unprintable). */
export const WITHHELD = '(value not shown)';

/** The problem with the type of the trimmed text `t` whose typed value is `v` (NULL when unreadable). */
function typeProblemSql(spec: ColumnSpec, t: string, v: string): string | null {
  switch (spec.type) {
    case 'string': return null;
    case 'enum': return `CASE WHEN ${t} NOT IN (${list(spec.allowed ?? [])}) THEN ${sqlString(`must be one of ${spec.allowed?.join(', ')}`)} END`;
    case 'integer': return `CASE WHEN NOT regexp_full_match(${t}, '-?\\d{1,12}') THEN 'must be a whole number' END`;
    case 'number': return `CASE WHEN NOT regexp_full_match(${t}, '-?(\\d{1,15}\\.?\\d*|\\.\\d+)') THEN 'must be a number' END`;
    case 'date': return `CASE WHEN ${v} IS NULL THEN 'must be a date as yyyy-mm-dd or dd/mm/yyyy' END`;
    case 'month': return `CASE WHEN NOT regexp_full_match(${t}, '\\d{4}-(0[1-9]|1[0-2])') THEN 'must be a month as yyyy-mm' END`;
    case 'boolean': return `CASE WHEN ${v} IS NULL THEN 'must be true or false' END`;
  }
}

/** Column types whose typed value the checks compute once, beside the text. */
const TYPED_FIRST = new Set<ColumnSpec['type']>(['integer', 'number', 'date', 'boolean']);
const typedName = (spec: ColumnSpec) => ident(`_typed_${spec.name}`);

/** The typed value of the trimmed text `t` (NULL when blank or unreadable). */
function typedSql(spec: ColumnSpec, t: string): string {
  switch (spec.type) {
    case 'integer': return `TRY_CAST(${t} AS INTEGER)`;
    case 'number': return `TRY_CAST(${t} AS DOUBLE)`;
    // ISO first (DuckDB's own cast), then dd/mm/yyyy for what is left.
    case 'date': return `coalesce(TRY_CAST(${t} AS DATE), CASE WHEN regexp_full_match(${t}, '\\d{1,2}/\\d{1,2}/\\d{4}') THEN try_strptime(${t}, '%d/%m/%Y')::DATE END)`;
    case 'boolean': return `(CASE WHEN lower(${t}) IN (${list(TRUE_WORDS)}) THEN true WHEN lower(${t}) IN (${list(FALSE_WORDS)}) THEN false END)`;
    default: return `NULLIF(${t}, '')`;
  }
}

function rangeProblemSql(spec: ColumnSpec, t: string, value: string, settings: CheckSettings): string | null {
  const parts: string[] = [];
  if (spec.min !== undefined) parts.push(`WHEN ${value} < ${spec.min} THEN ${sqlString(`must be at least ${spec.min}`)}`);
  if (spec.max !== undefined) parts.push(`WHEN ${value} > ${spec.max} THEN ${sqlString(`must be at most ${spec.max}`)}`);
  if (spec.type === 'date') {
    parts.push(`WHEN ${value} < DATE ${sqlString(settings.dateFloor)} THEN ${sqlString(`is before ${settings.dateFloor}, the earliest date accepted`)}`);
    parts.push(`WHEN ${value} > DATE ${sqlString(settings.today)} THEN ${sqlString(`is in the future (after ${settings.today})`)}`);
  }
  if (spec.type === 'month') {
    parts.push(`WHEN ${t} < ${sqlString(settings.dateFloor.slice(0, 7))} THEN ${sqlString(`is before ${settings.dateFloor.slice(0, 7)}, the earliest month accepted`)}`);
    parts.push(`WHEN ${t} > ${sqlString(settings.today.slice(0, 7))} THEN ${sqlString(`is in the future (after ${settings.today.slice(0, 7)})`)}`);
  }
  return parts.length ? `CASE ${parts.join(' ')} END` : null;
}

/**
 * SQL for the first problem of one raw text cell `c`, or NULL, as two expressions: `withheld` (problems whose
 * value is never repeated: control characters, over-long cells, identifiers) and `message`. For the types in
 * TYPED_FIRST they read the typed value from the column `_typed_<name>` (see cellIssuesSql).
 */
export function cellProblemSql(spec: ColumnSpec, c: string, settings: CheckSettings, controls = true, t = `trim(${c})`): { message: string; withheld: string } {
  const v = TYPED_FIRST.has(spec.type) ? typedName(spec) : typedSql(spec, t);
  const withheld = `CASE WHEN ${c} IS NULL THEN NULL `
    + (controls ? `WHEN regexp_matches(${c}, '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]') THEN ${sqlString(`has a control character (such as a NUL byte) ${WITHHELD}`)} ` : '')
    + `WHEN length(${c}) > ${MAX_CELL_CHARS} THEN ${sqlString(`is longer than ${MAX_CELL_CHARS} characters ${WITHHELD}`)} `
    + (spec.type === 'string' ? `ELSE ${identifierSql(spec.name, c, (kind) => sqlString(`looks like ${kind}: no file may hold one ${WITHHELD}`))} ` : '')
    + 'END';
  const checks = [typeProblemSql(spec, t, v), rangeProblemSql(spec, t, v, settings)].filter((s): s is string => s !== null);
  const blank = spec.required ? "'is required'" : 'NULL';
  const message = `CASE WHEN ${c} IS NULL OR ${t} = '' THEN ${blank} ELSE coalesce(${checks.join(', ') || 'NULL'}) END`;
  return { message, withheld };
}


/**
 * Every cell problem in the staging table `raw` (all contract columns as VARCHAR): one row per problem,
 * (record, ord, column, message, value), with `value` NULL where it is withheld. Rows are first filtered with
 * cheap tests (the typed values computed once, the text columns searched together for anything identifier-like)
 * and only the few that fail get the full per-cell work; `controls` false skips the search for control
 * characters (when the caller has already found the file has none); `only` names a table of the records to check
 * (those typedFlaggedSql flagged: the others are known to pass).
 */
export function cellIssuesSql(table: TableSpec, raw: string, settings: CheckSettings, controls = true, only?: string): string {
  const checks = table.columns.map((spec) => cellProblemSql(spec, ident(spec.name), settings, controls));
  const items = table.columns.map((spec, ord) => {
    const { message, withheld } = checks[ord] as { message: string; withheld: string };
    return `{ord: ${ord}, col: ${sqlString(spec.name)}, w: ${withheld}, m: ${message}, v: ${ident(spec.name)}}`;
  });
  return `SELECT record, p.ord, p.col AS column_name, coalesce(p.w, p.m) AS message, CASE WHEN p.w IS NULL THEN p.v END AS value `
    + `FROM (SELECT record, unnest(list_filter([${items.join(', ')}], x -> x.w IS NOT NULL OR x.m IS NOT NULL)) AS p `
    + `FROM (SELECT rowid AS record, *${typedFirstSql(table)} FROM ${ident(raw)}${onlySql('rowid', only)}) WHERE ${suspectSql(table, settings, controls, checks)})`;
}

/** A WHERE clause keeping the rows whose `column` is a record of the table `only` (or none, to keep every row). */
const onlySql = (column: string, only?: string, and = false) => (only ? ` ${and ? 'AND' : 'WHERE'} ${column} IN (SELECT record FROM ${ident(only)})` : '');

/** The typed values of the TYPED_FIRST columns, computed once as `_typed_<name>` beside the text columns (from
 * the trimmed text `_trim_<name>` when `trimmed`, else trimming here). */
function typedFirstSql(table: TableSpec, trimmed = false): string {
  return table.columns.filter((c) => TYPED_FIRST.has(c.type)).map((c) => `, ${typedSql(c, trimOf(c, trimmed))} AS ${typedName(c)}`).join('');
}

/** The trimmed text of a column: the column `_trim_<name>` computed once, or trim() of the text. */
const trimOf = (spec: ColumnSpec, trimmed: boolean) => (trimmed ? ident(`_trim_${spec.name}`) : `trim(${ident(spec.name)})`);

/**
 * SQL true for a raw row that may hold a cell problem (and for every row that does): the cheap tests of
 * cellIssuesSql's first pass, over the text columns and their `_typed_<name>` values.
 */
function suspectSql(table: TableSpec, settings: CheckSettings, controls: ColumnsWhere,
  checks = table.columns.map((spec) => cellProblemSql(spec, ident(spec.name), settings, isOn(controls, spec.name)))): string {
  const texts = table.columns.filter((c) => c.type === 'string');
  const ids = texts.filter((c) => ID_COLUMNS.has(c.name));
  const mayHoldControls = table.columns.filter((c) => isOn(controls, c.name));
  return [
    ...checks.map(({ message }) => `(${message}) IS NOT NULL`),
    ...table.columns.map((c) => `strlen(${ident(c.name)}) > ${MAX_CELL_CHARS}`),
    ...(mayHoldControls.length ? [`regexp_matches(concat_ws(',', ${mayHoldControls.map((c) => ident(c.name)).join(', ')}), '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]')`] : []),
    ...(texts.length ? [`regexp_matches(concat_ws(',', ${texts.map((c) => ident(c.name)).join(', ')}), ${sqlString(IDENTIFIER_HINT)})`] : []),
    ...(ids.length ? [`contains(concat_ws(',', ${ids.map((c) => ident(c.name)).join(', ')}), ' ')`] : []),
  ].join(' OR ');
}

/**
 * The one pass over the staging table `raw` for a file that is most likely clean: its rows in the contract's types
 * (as typedSelectSql, `record` first) plus `_flag`, true for every row that may break a cell check
 * (cellIssuesSql's first pass), a row rule, or — when `schools` names the typed schools table — the known-URN
 * rule. When no row is flagged and no key repeats, the file is clean and neither cellIssuesSql nor rowIssuesSql
 * need run; otherwise they run as before, so the problems found and their messages do not depend on this pass.
 * With `source` (SQL of a relation with the columns of `raw`, such as a read_csv of the file) the rows are read
 * from it instead and carry no `record`: the table created from them in file order has it as its rowid.
 * `padded` false (no cell starts or ends with anything trim() removes: ByteScan.padded) leaves the cells untrimmed,
 * the same values for less work. Either setting may instead name the columns it is on for (a Parquet file's text
 * columns: its typed columns' text never holds a control character or padding).
 */
export function typedFlaggedSql(table: TableSpec, raw: string, settings: CheckSettings, schools: string | null, controls: ColumnsWhere = true,
  source?: string, padded: ColumnsWhere = true): string {
  // Each cell trimmed once (`_trim_<name>`), then typed once (`_typed_<name>`); the checks and the typed columns
  // read those.
  const columns = table.columns.map((spec) => {
    const value = TYPED_FIRST.has(spec.type) ? typedName(spec) : typedSql(spec, trimOf(spec, true));
    return `CAST(${value} AS ${DUCKDB_TYPE[spec.type]}) AS ${ident(spec.name)}`;
  });
  const checks = table.columns.map((spec) => cellProblemSql(spec, ident(spec.name), settings, isOn(controls, spec.name), trimOf(spec, true)));
  const trims = table.columns.map((spec) => `, ${isOn(padded, spec.name) ? `trim(${ident(spec.name)})` : ident(spec.name)} AS ${trimOf(spec, true)}`).join('');
  const rows = ROW_RULES[table.name].map((rule) => `(${rule.message}) IS NOT NULL`);
  const unknown = unknownUrnSql(table, schools);
  if (unknown) rows.push(unknown);
  return `SELECT * EXCLUDE (_cell_flag), coalesce(_cell_flag, false)${rows.map((r) => ` OR ${r}`).join('')} AS _flag FROM (`
    + `SELECT ${source ? '' : 'record, '}${columns.join(', ')}, (${suspectSql(table, settings, controls, checks)}) AS _cell_flag `
    + `FROM (SELECT *${typedFirstSql(table, true)} FROM (SELECT ${source ? '' : 'rowid AS record, '}*${trims} FROM ${source ?? ident(raw)})))`;
}

/** SQL true for a typed row whose school_urn is not a URN of the typed schools table `schools` (null: no check,
 * or a table without school_urn gives null). */
export function unknownUrnSql(table: TableSpec, schools: string | null): string | null {
  return schools && table.columns.some((c) => c.name === 'school_urn')
    ? `coalesce(NOT (school_urn IN (SELECT urn FROM ${ident(schools)})), false)` : null;
}

/** SQL counting the keys that more than one row of `typed` holds. */
export function duplicateKeysSql(table: TableSpec, typed: string): string {
  return `SELECT count(*) AS n FROM (SELECT 1 FROM ${ident(typed)} GROUP BY ${table.key.map(ident).join(', ')} HAVING count(*) > 1)`;
}

/** The staging table's rows in the contract's types and column order, with `record` (the rowid of `raw`) first. */
export function typedSelectSql(table: TableSpec, raw: string): string {
  const columns = table.columns.map((spec) => `CAST(${typedSql(spec, `trim(${ident(spec.name)})`)} AS ${DUCKDB_TYPE[spec.type]}) AS ${ident(spec.name)}`);
  return `SELECT rowid AS record, ${columns.join(', ')} FROM ${ident(raw)}`;
}

/**
 * Row rules (and duplicate keys) over the typed table `typed`, for the records with no cell problem in `cellIssues`;
 * `schools` names the typed schools table whose URNs school_urn must match, or null to skip that check (when
 * schools.csv itself is missing or refused, one error there is enough). `duplicates` false skips the search for
 * rows that repeat an earlier row's key (when duplicateKeysSql found none: a hash count, far cheaper than sorting);
 * `only` (with `duplicates` false) names a table of the records to check, the rest being known to pass.
 */
export function rowIssuesSql(table: TableSpec, typed: string, cellIssues: string, schools: string | null, duplicates = true, only?: string): string {
  const rules = ROW_RULES[table.name].map((rule, i) => `{ord: ${100 + i}, col: ${sqlString(rule.column)}, m: ${rule.message}, v: (${rule.value})::VARCHAR}`);
  const key = table.key.map(ident).join(', ');
  const keyText = table.key.map((k) => `coalesce(${ident(k)}::VARCHAR, '')`).join(" || ' / ' || ");
  rules.push(`{ord: 200, col: ${sqlString(table.key.join('+'))}, m: CASE WHEN _dup > 1 THEN 'duplicates an earlier row''s key' END, v: ${keyText}}`);
  const hasUrn = table.columns.some((c) => c.name === 'school_urn');
  if (hasUrn && schools) {
    rules.push(`{ord: 300, col: 'school_urn', m: CASE WHEN NOT _known THEN 'is not the URN of any school in schools.csv' END, v: school_urn}`);
  }
  const known = hasUrn && schools ? `, school_urn IN (SELECT urn FROM ${ident(schools)}) AS _known` : '';
  return `SELECT record, p.ord, p.col AS column_name, p.m AS message, p.v AS value FROM (`
    + `SELECT record, unnest(list_filter([${rules.join(', ')}], x -> x.m IS NOT NULL)) AS p FROM (`
    + `SELECT *, ${duplicates ? `row_number() OVER (PARTITION BY ${key} ORDER BY record)` : '1'} AS _dup${known} FROM ${ident(typed)} `
    + `WHERE record NOT IN (SELECT record FROM ${ident(cellIssues)})${onlySql('record', only, true)}))`;
}
