// The contract's rules across the cells of one row, as DuckDB SQL over the typed columns (src/contract/sql-checks.ts
// runs them, only on rows whose cells each passed). `message` is NULL when the row is fine; `value` is what the
// message points at. Column rules (types, ranges, dates in range, identifiers) are generated from tables.ts instead.
import type { TableName } from './types.ts';

export interface RowRule {
  readonly column: string;
  /** SQL: the problem in the user's words, or NULL. */
  readonly message: string;
  /** SQL: the value reported with the problem. */
  readonly value: string;
}

const notBefore = (column: string, earlier: string): RowRule => ({
  column,
  message: `CASE WHEN ${column} < ${earlier} THEN 'is before ${earlier} (' || strftime(${earlier}, '%Y-%m-%d') || ')' END`,
  value: `strftime(${column}, '%Y-%m-%d')`,
});

const notMoreThanRoll = (column: string): RowRule => ({
  column,
  message: `CASE WHEN ${column} > pupils_on_roll THEN 'is more than pupils_on_roll' END`,
  value: column,
});

// The same reading of blank roll columns as src/db/enrich.sql: all blank → the whole roll is in the school's
// phase; some given → a blank column of the school's own phase holds the rest, other blanks are 0.
const GIVEN_ROLL = 'coalesce(roll_early_years, 0) + coalesce(roll_primary, 0) + coalesce(roll_secondary, 0) + coalesce(roll_post16, 0)';
const OWN_ROLL_BLANK = `CASE phase WHEN 'early_years' THEN roll_early_years IS NULL WHEN 'primary' THEN roll_primary IS NULL `
  + `WHEN 'secondary' THEN roll_secondary IS NULL WHEN 'post16' THEN roll_post16 IS NULL ELSE false END`;
const ALL_ROLLS_BLANK = 'roll_early_years IS NULL AND roll_primary IS NULL AND roll_secondary IS NULL AND roll_post16 IS NULL';

export const ROW_RULES: Record<TableName, readonly RowRule[]> = {
  schools: [
    {
      column: 'pupils_on_roll',
      message: `CASE WHEN ${ALL_ROLLS_BLANK} THEN NULL `
        + `WHEN ${OWN_ROLL_BLANK} AND ${GIVEN_ROLL} > pupils_on_roll THEN 'is less than the phase rolls given (' || (${GIVEN_ROLL}) || ')' `
        + `WHEN NOT (${OWN_ROLL_BLANK}) AND ${GIVEN_ROLL} <> pupils_on_roll THEN 'does not equal the sum of the phase rolls (' || (${GIVEN_ROLL}) || ')' END`,
      value: 'pupils_on_roll',
    },
    notMoreThanRoll('pupils_ehcp'),
    notMoreThanRoll('pupils_slcn'),
  ],
  referrals: [
    notBefore('first_contact_date', 'referral_date'),
    notBefore('discharge_date', 'first_contact_date'),
    notBefore('discharge_date', 'referral_date'),
    {
      column: 'year_group',
      message: "CASE WHEN year_group IS NULL AND age_at_referral IS NULL THEN 'year_group or age_at_referral is required' END",
      value: "''",
    },
  ],
  provision: [],
  workforce: [],
};
