// The named questions the app and the `report` command ask, and the row each answers with. The SQL lives beside
// this file, one statement per .sql file; its header comment names each parameter and column with its unit.
import type { QueryParam } from '../db/database.ts';

export interface PeriodRow { first_month: string | null; last_month: string | null; months: number; referrals: number; schools: number }
// A count of children `x` always comes with `x_ckey`, its cell key (METHODS §7); the analytics layer receives the
// pair sealed as one Cell (src/disclosure/count-query.ts) and never the bare count.
export interface RatesByTypePhaseRow {
  service: string; school_type: string | null; age_phase: string | null; referrals: number; referrals_ckey: number;
  pupils: number; months: number;
}
export interface SchoolRateRow {
  urn: string; name: string; school_type: string; phase: string; locality: string; service: string;
  age_phase: string | null; roll: number; referrals: number; referrals_ckey: number; months: number;
}
export interface MonthlyReferralsRow {
  month: string; service: string; group_kind: 'area' | 'school_type' | 'age_phase'; group_value: string | null;
  referrals: number; referrals_ckey: number;
}
export interface WaitsRow {
  service: string; school_type: string | null; age_phase: string | null; seen: number; seen_ckey: number;
  median_weeks: number | null; p90_weeks: number | null; seen_within_18_weeks: number; seen_within_18_weeks_ckey: number;
  waiting: number; waiting_ckey: number; waiting_over_18_weeks: number; waiting_over_18_weeks_ckey: number;
  waiting_over_52_weeks: number; waiting_over_52_weeks_ckey: number; as_of: string;
}
export interface WaitsBySchoolRow {
  service: string; school_urn: string; seen: number; seen_ckey: number; seen_within_18_weeks: number;
  seen_within_18_weeks_ckey: number; waiting: number; waiting_ckey: number;
}
export interface OutsideAgeRangeRow {
  urn: string; name: string; age_low: number; age_high: number; referrals: number; youngest: string; oldest: string;
}
export interface WaitingListAgeRow { service: string; band: string; band_order: number; waiting: number; waiting_ckey: number }
/** waits-monthly.sql: per service and month; each count x has its cell key x_ckey (METHODS §7). */
export interface WaitsMonthlyRow {
  month: string; service: string; seen: number; seen_ckey: number; seen_within_target: number; seen_within_target_ckey: number;
  median_weeks: number | null; waiting: number; waiting_ckey: number;
}
export interface ProvisionBySchoolRow {
  urn: string; name: string; school_type: string; phase: string; locality: string; service: string; pupils: number;
  pupils_slcn: number | null; pupils_slcn_ckey: number; pupils_ehcp: number; pupils_ehcp_ckey: number;
  imd_decile: number | null; sessions: number; therapist_hours: number;
  universal_sessions: number; referrals: number; referrals_ckey: number; months: number;
}
export interface ProgrammeImpactRow {
  adopter_urn: string; adopter_name: string; programme: string; adoption_month: string; group_kind: 'adopter' | 'comparison';
  schools: number; period: 'before' | 'after'; referrals: number; referrals_ckey: number; pupil_months: number; months: number;
}
export interface WorkforceMonthlyRow { month: string; service: string; fte_in_post: number; fte_vacant: number }
export interface DemandSummaryRow {
  service: string; referrals: number; referrals_ckey: number; accepted: number; accepted_ckey: number;
  direct_hours: number; waiting: number; waiting_ckey: number; months: number;
}
export interface SchoolListRow { urn: string; name: string; school_type: string; phase: string; locality: string; pupils_on_roll: number }

/** Query name (= file name without .sql) → the row it returns. */
export interface QueryRows {
  'period': PeriodRow;
  'referral-rates-by-type-phase': RatesByTypePhaseRow;
  'school-rates': SchoolRateRow;
  'monthly-referrals': MonthlyReferralsRow;
  'waits': WaitsRow;
  'waits-by-school': WaitsBySchoolRow;
  'referrals-outside-age-range': OutsideAgeRangeRow;
  'waiting-list-age': WaitingListAgeRow;
  'provision-by-school': ProvisionBySchoolRow;
  'programme-impact': ProgrammeImpactRow;
  'workforce-monthly': WorkforceMonthlyRow;
  'schools-list': SchoolListRow;
  'demand-summary': DemandSummaryRow;
  'context-local-waits': ContextLocalWaitsRow;
  'waits-monthly': WaitsMonthlyRow;
}
export type QueryName = keyof QueryRows;
export const QUERY_NAMES = [
  'period', 'referral-rates-by-type-phase', 'school-rates', 'monthly-referrals', 'waits', 'waiting-list-age',
  'provision-by-school', 'programme-impact', 'workforce-monthly', 'schools-list',
  'demand-summary', 'waits-by-school', 'context-local-waits', 'referrals-outside-age-range', 'waits-monthly',
] as const satisfies readonly QueryName[];

/** Runs a named query with positional parameters, in the browser or in Node. */
export type RunQuery = <N extends QueryName>(name: N, params: readonly QueryParam[]) => Promise<QueryRows[N][]>;

/** Source of a query's SQL text: Vite's ?raw glob in the browser, the file system in Node. */
export type SqlSource = (name: QueryName) => string;

export function createQueryRunner(
  query: (sql: string, params: readonly QueryParam[]) => Promise<unknown[]>,
  sql: SqlSource,
): RunQuery {
  return async (name, params) => (await query(sql(name), params)) as never;
}

/** context-local-waits.sql: the local waiting list at each month end (counts, with their cell keys). */
export interface ContextLocalWaitsRow {
  month: string; service: string; waiting: number; waiting_over_18_weeks: number; waiting_ckey: number; waiting_over_18_weeks_ckey: number;
}
