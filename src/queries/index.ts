// The named questions the app and the `report` command ask, and the row each answers with. The SQL lives beside
// this file, one statement per .sql file; its header comment names each parameter and column with its unit.
import type { QueryParam } from '../db/database.ts';

export interface PeriodRow { first_month: string | null; last_month: string | null; months: number; referrals: number; schools: number }
export interface RatesByTypePhaseRow {
  service: string; school_type: string | null; age_phase: string | null; referrals: number; pupils: number; months: number;
}
export interface SchoolRateRow {
  urn: string; name: string; school_type: string; phase: string; locality: string; service: string; referrals: number;
  pupils: number; expected: number; pupils_slcn: number | null; pupils_ehcp: number; imd_decile: number | null; months: number;
}
export interface MonthlyReferralsRow {
  month: string; service: string; group_kind: 'area' | 'school_type' | 'age_phase'; group_value: string | null; referrals: number;
}
export interface WaitsRow {
  service: string; school_type: string | null; age_phase: string | null; seen: number; median_weeks: number | null;
  p90_weeks: number | null; seen_within_18_weeks: number; waiting: number; waiting_over_18_weeks: number;
  waiting_over_52_weeks: number; as_of: string;
}
export interface WaitingListAgeRow { service: string; band: string; band_order: number; waiting: number }
/** waits-monthly.sql: per service and month; each count x has its cell key x_ckey (METHODS §7). */
export interface WaitsMonthlyRow {
  month: string; service: string; seen: number; seen_ckey: number; seen_within_target: number; seen_within_target_ckey: number;
  median_weeks: number | null; waiting: number; waiting_ckey: number;
}
export interface ProvisionBySchoolRow {
  urn: string; name: string; school_type: string; phase: string; locality: string; service: string; pupils: number;
  pupils_slcn: number | null; pupils_ehcp: number; imd_decile: number | null; sessions: number; therapist_hours: number;
  universal_sessions: number; referrals: number; months: number;
}
export interface ProgrammeImpactRow {
  adopter_urn: string; adopter_name: string; programme: string; adoption_month: string; group_kind: 'adopter' | 'comparison';
  schools: number; period: 'before' | 'after'; referrals: number; pupil_months: number; months: number;
}
export interface WorkforceMonthlyRow { month: string; service: string; fte_in_post: number; fte_vacant: number }
export interface DemandSummaryRow {
  service: string; referrals: number; accepted: number; direct_hours: number; waiting: number; months: number;
}
export interface SchoolListRow { urn: string; name: string; school_type: string; phase: string; locality: string; pupils_on_roll: number }

/** Query name (= file name without .sql) → the row it returns. */
export interface QueryRows {
  'period': PeriodRow;
  'referral-rates-by-type-phase': RatesByTypePhaseRow;
  'school-rates': SchoolRateRow;
  'monthly-referrals': MonthlyReferralsRow;
  'waits': WaitsRow;
  'waiting-list-age': WaitingListAgeRow;
  'provision-by-school': ProvisionBySchoolRow;
  'programme-impact': ProgrammeImpactRow;
  'workforce-monthly': WorkforceMonthlyRow;
  'schools-list': SchoolListRow;
  'demand-summary': DemandSummaryRow;
  'waits-monthly': WaitsMonthlyRow;
}
export type QueryName = keyof QueryRows;
export const QUERY_NAMES = [
  'period', 'referral-rates-by-type-phase', 'school-rates', 'monthly-referrals', 'waits', 'waiting-list-age',
  'provision-by-school', 'programme-impact', 'workforce-monthly', 'schools-list',
  'demand-summary', 'waits-monthly',
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
