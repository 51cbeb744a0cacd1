// Provision against need (METHODS §8, §10): sessions and therapist hours per 100 pupils a year by school and by
// school type, beside referrals, pupils with SLCN and with EHC plans and the expected need; schools with high need
// and low provision are flagged as possible unmet need, with the rule in words.
import type { ProvisionBySchoolRow, RunQuery } from '../queries/index.ts';
import { expectedNeed, percentile, suppressTable, type PrevalenceAssumptions } from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
import { periodParams } from './params.ts';
import type { AnalyticsSettings } from './settings.ts';

type Count = number | null | 'c';

export interface ProvisionSchool {
  urn: string; name: string; school_type: string; phase: string; locality: string; service: string;
  pupils: number; pupils_slcn: Count; pupils_ehcp: Count; referrals: Count;
  sessions_per_100: number | null; hours_per_100: number | null; universal: boolean;
  /** Need per 100 pupils: pupils with SLCN for SLT (EHC plans where SLCN is blank), EHC plans for OT. */
  need_per_100: number | null | 'c';
  /** An estimate from published prevalence (never a count). */
  expected_need: number | null;
  unmet_need: boolean;
  explanation: string;
}

export interface ProvisionByType { service: string; school_type: string; pupils: number; sessions_per_100: number | null; hours_per_100: number | null }

/** Schools smaller than this are left out of the unmet-need quartiles: their rates swing on a handful of pupils. */
export const MIN_PUPILS_FOR_UNMET_NEED = 20;

const per100PerYear = (value: number, pupils: number, months: number) => (pupils > 0 ? (value / pupils) * 100 * (12 / months) : null);

function needOf(row: ProvisionBySchoolRow): number | null {
  if (row.pupils <= 0) return null;
  const count = row.service === 'SLT' ? (row.pupils_slcn ?? row.pupils_ehcp) : row.pupils_ehcp;
  return (count / row.pupils) * 100;
}

export function flagUnmetNeed(rows: ProvisionBySchoolRow[], prevalence: PrevalenceAssumptions): Omit<ProvisionSchool, never>[] {
  const eligible = rows.filter((r) => r.pupils >= MIN_PUPILS_FOR_UNMET_NEED);
  const needs = eligible.map(needOf).filter((n): n is number => n !== null);
  const hours = eligible.map((r) => per100PerYear(r.therapist_hours, r.pupils, r.months) ?? 0);
  const highNeed = needs.length ? percentile(needs, 0.75) : Infinity;
  const lowHours = hours.length ? percentile(hours, 0.25) : -Infinity;
  return rows.map((r) => {
    const need = needOf(r);
    const hoursPer100 = per100PerYear(r.therapist_hours, r.pupils, r.months);
    const unmet = r.pupils >= MIN_PUPILS_FOR_UNMET_NEED && need !== null && hoursPer100 !== null
      && need >= highNeed && hoursPer100 <= lowHours;
    return {
      urn: r.urn, name: r.name, school_type: r.school_type, phase: r.phase, locality: r.locality, service: r.service,
      pupils: r.pupils, pupils_slcn: r.pupils_slcn, pupils_ehcp: r.pupils_ehcp, referrals: r.referrals,
      sessions_per_100: per100PerYear(r.sessions, r.pupils, r.months), hours_per_100: hoursPer100,
      universal: r.universal_sessions > 0, need_per_100: need,
      expected_need: r.pupils > 0 ? expectedNeed(r.pupils, r.service === 'SLT' ? prevalence.slt : prevalence.ot, r.imd_decile, prevalence.weightByDeprivation) : null,
      unmet_need: unmet,
      explanation: unmet
        ? `Need (${need?.toFixed(1)} per 100 pupils) is in the area's top quarter (≥ ${highNeed.toFixed(1)}) and therapist hours (${hoursPer100?.toFixed(1)} per 100 pupils a year) are in its bottom quarter (≤ ${lowHours.toFixed(1)}), among schools with at least ${MIN_PUPILS_FOR_UNMET_NEED} pupils.`
        : '',
    };
  });
}

export const PROVISION_SUPPRESSION = {
  counts: { pupils_slcn: ['need_per_100'], pupils_ehcp: ['need_per_100'], referrals: [] },
  denominators: {},
  rowDimension: null,
  columnDimension: null,
  partition: ['service'],
} as const;

export function provisionRows(run: RunQuery, filters: Filters, period: Period): Promise<ProvisionBySchoolRow[]> {
  return run('provision-by-school', [...periodParams(filters, period), filters.locality]);
}

/** Each school's provision against need, flagged and suppressed, from the rows of provision-by-school. */
export function provisionSchools(rows: ProvisionBySchoolRow[], settings: AnalyticsSettings, prevalence: PrevalenceAssumptions): ProvisionSchool[] {
  return suppressTable(flagUnmetNeed(rows, prevalence), PROVISION_SUPPRESSION, settings.suppressionThreshold) as ProvisionSchool[];
}

export async function provisionBySchool(
  run: RunQuery, filters: Filters, period: Period, settings: AnalyticsSettings, prevalence: PrevalenceAssumptions,
): Promise<ProvisionSchool[]> {
  return provisionSchools(await provisionRows(run, filters, period), settings, prevalence);
}

export function provisionByType(rows: ProvisionBySchoolRow[]): ProvisionByType[] {
  const groups = new Map<string, { service: string; school_type: string; pupils: number; sessions: number; hours: number; months: number }>();
  for (const r of rows) {
    const key = `${r.service}|${r.school_type}`;
    const g = groups.get(key) ?? { service: r.service, school_type: r.school_type, pupils: 0, sessions: 0, hours: 0, months: r.months };
    g.pupils += r.pupils; g.sessions += r.sessions; g.hours += r.therapist_hours;
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    service: g.service, school_type: g.school_type, pupils: g.pupils,
    sessions_per_100: per100PerYear(g.sessions, g.pupils, g.months), hours_per_100: per100PerYear(g.hours, g.pupils, g.months),
  }));
}

export async function provisionByTypeQuery(run: RunQuery, filters: Filters, period: Period): Promise<ProvisionByType[]> {
  return provisionByType(await provisionRows(run, filters, period));
}
