// The data contract: the four CSV tables, their columns, types, allowed values and keys. The app, the pipelines
// and the tests all import this one module; sample-data/README.md documents each column in the same words.
import type { ColumnSpec, TableName, TableSpec } from './types.ts';
import {
  DELIVERY_MODELS, OUTCOMES, REFERRAL_SOURCES, SCHOOL_PHASES, SCHOOL_TYPES, SERVICES, YEAR_GROUPS,
} from './values.ts';

const text = (name: string, required: boolean, description: string): ColumnSpec =>
  ({ name, type: 'string', required, description });
const oneOf = (name: string, allowed: readonly string[], required: boolean, description: string): ColumnSpec =>
  ({ name, type: 'enum', allowed, required, description });
const count = (name: string, required: boolean, description: string, max = 1_000_000): ColumnSpec =>
  ({ name, type: 'integer', required, min: 0, max, description });
const date = (name: string, required: boolean, description: string): ColumnSpec =>
  ({ name, type: 'date', required, description });

const BLANK_ROLL = 'Blank: if all four roll columns are blank, the roll is split evenly over the year groups of the '
  + 'school\'s statutory age range (age_low to age_high; defaults by phase when those are blank too); otherwise a blank '
  + 'column of the school\'s own phase holds the rest of the roll and any other blank is 0.';

export const schools: TableSpec = {
  name: 'schools',
  file: 'schools.csv',
  description: 'One row per school or setting in the area, with its pupil numbers (the denominators).',
  optional: false,
  key: ['urn'],
  columns: [
    text('urn', true, 'Unique reference number of the school (DfE URN, or a local code for settings without one).'),
    text('name', true, 'School or setting name.'),
    oneOf('school_type', SCHOOL_TYPES, true, 'Kind of setting.'),
    oneOf('phase', SCHOOL_PHASES, true, 'Phase of education the school offers.'),
    text('locality', true, 'Locality or area team the school belongs to.'),
    count('pupils_on_roll', true, 'Pupils on roll at the January census (headcount).'),
    count('pupils_slcn', false, 'Pupils whose primary SEN need is speech, language and communication needs; blank if unknown.'),
    count('pupils_ehcp', true, 'Pupils with an education, health and care plan.'),
    { name: 'imd_decile', type: 'integer', required: false, min: 1, max: 10,
      description: 'Index of Multiple Deprivation decile of the school postcode (1 = most deprived); blank if unknown.' },
    count('roll_early_years', false, `Pupils on roll in nursery and reception (N1, N2, R). ${BLANK_ROLL}`),
    count('roll_primary', false, `Pupils on roll in years 1–6. ${BLANK_ROLL}`),
    count('roll_secondary', false, `Pupils on roll in years 7–11. ${BLANK_ROLL}`),
    count('roll_post16', false, `Pupils on roll in years 12–14. ${BLANK_ROLL}`),
    { name: 'age_low', type: 'integer', required: false, min: 2, max: 19,
      description: 'Statutory lowest age (as the DfE register\'s StatutoryLowAge): pupils aged age_low on 31 August are the youngest year group (2 = N1, 4 = R, 11 = year 7). Blank: the phase default (primary 4, secondary 11, all-through 4, nursery 2, post-16 16).' },
    { name: 'age_high', type: 'integer', required: false, min: 3, max: 25,
      description: 'Statutory highest age (StatutoryHighAge): the oldest year group is pupils aged age_high − 1 on 31 August (11 → year 6, 16 → year 11, 18 → year 13). Blank: the phase default (primary 11, secondary 16, all-through 18, nursery 5, post-16 19).' },
  ],
};

export const referrals: TableSpec = {
  name: 'referrals',
  file: 'referrals.csv',
  description: 'One row per referral of a child to speech and language therapy or occupational therapy.',
  optional: false,
  key: ['referral_id'],
  columns: [
    text('referral_id', true, 'Pseudonymised referral identifier.'),
    text('pupil_pseudo_id', true, 'Keyed pseudonym of the child (the same child has the same pseudonym under one key).'),
    text('school_urn', true, 'URN of the school the child attends; must exist in schools.'),
    oneOf('service', SERVICES, true, 'SLT (speech and language therapy) or OT (occupational therapy).'),
    date('referral_date', true, 'Date the referral was received (yyyy-mm-dd; dd/mm/yyyy accepted and converted).'),
    oneOf('year_group', YEAR_GROUPS, false, 'National curriculum year group (N1, N2, R, 1–14); blank if age_at_referral is given.'),
    { name: 'age_at_referral', type: 'integer', required: false, min: 0, max: 25,
      description: 'Age in whole years at referral; blank if year_group is given.' },
    oneOf('referral_source', REFERRAL_SOURCES, true, 'Who made the referral.'),
    { name: 'has_ehcp', type: 'boolean', required: true, description: 'Whether the child had an EHC plan at referral (true/false; yes/no, y/n, 1/0 accepted).' },
    oneOf('outcome', OUTCOMES, true, 'What happened to the referral (pending = not yet triaged).'),
    date('first_contact_date', false, 'Date of first therapy contact; blank while waiting.'),
    date('discharge_date', false, 'Date of discharge from the service; blank while open.'),
  ],
};

export const provision: TableSpec = {
  name: 'provision',
  file: 'provision.csv',
  description: 'Therapy delivered in each school each month, by service and delivery model.',
  optional: false,
  key: ['school_urn', 'month', 'service', 'delivery_model', 'programme'],
  columns: [
    text('school_urn', true, 'URN of the school; must exist in schools.'),
    { name: 'month', type: 'month', required: true, description: 'Calendar month (yyyy-mm).' },
    oneOf('service', SERVICES, true, 'SLT or OT.'),
    oneOf('delivery_model', DELIVERY_MODELS, true, 'Universal (whole class/school), targeted (small group) or specialist (individual).'),
    text('programme', false, 'Named programme, e.g. Talk Boost; blank if none.'),
    count('sessions', true, 'Sessions delivered in the month.'),
    { name: 'therapist_hours', type: 'number', required: true, min: 0, max: 100_000, description: 'Therapist hours delivered in the month.' },
  ],
};

export const workforce: TableSpec = {
  name: 'workforce',
  file: 'workforce.csv',
  description: 'Optional: therapists in post and vacant each month, by service (whole-time equivalents).',
  optional: true,
  key: ['month', 'service'],
  columns: [
    { name: 'month', type: 'month', required: true, description: 'Calendar month (yyyy-mm).' },
    oneOf('service', SERVICES, true, 'SLT or OT.'),
    { name: 'fte_in_post', type: 'number', required: true, min: 0, max: 10_000, description: 'Whole-time equivalent therapists in post.' },
    { name: 'fte_vacant', type: 'number', required: true, min: 0, max: 10_000, description: 'Whole-time equivalent vacant posts.' },
  ],
};

export const TABLES: Record<TableName, TableSpec> = { schools, referrals, provision, workforce };
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export function tableOfFile(fileName: string): TableSpec | undefined {
  const base = fileName.split(/[\\/]/).pop()?.toLowerCase().replace(/\.(csv|parquet)$/, '');
  return TABLE_NAMES.map((n) => TABLES[n]).find((t) => t.name === base);
}

/** The DuckDB type each contract column type is loaded as. */
export const DUCKDB_TYPE: Readonly<Record<ColumnSpec['type'], string>> = {
  string: 'VARCHAR', enum: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE', date: 'DATE', month: 'VARCHAR', boolean: 'BOOLEAN',
};

/** The DuckDB column types of a table, as read_csv's `columns={...}` literal. */
export function duckdbColumns(table: TableSpec): string {
  return `{${table.columns.map((c) => `'${c.name}': '${DUCKDB_TYPE[c.type]}'`).join(', ')}}`;
}
