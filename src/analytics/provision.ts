// Provision against need (METHODS §8, §10): sessions and therapist hours per 100 pupils a year by school and by
// school type, beside referrals, pupils with SLCN and with EHC plans and the expected need; schools with high need
// and low provision are flagged as possible unmet need, with the rule in words. Counts of children (referrals,
// pupils_slcn, pupils_ehcp) pass the disclosure gate; need and its quartiles are worked out from published counts.
//
// Need measure, per service: SLT uses pupils with speech, language and communication needs (SLCN) as their
// primary need — the school census's own measure of the need SLT serves (EHC plans when SLCN is blank); OT uses
// pupils with EHC plans, because the census has no need category for motor or sensory needs that OT serves and
// plans are where those needs are recorded. Quartiles are taken within each service, so the flags for one
// service never depend on the other or on the service filter.
import type { ProvisionBySchoolRow } from '../queries/index.ts';
import type { CellRow, CountQuery, Gate, Published } from '../disclosure/index.ts';
import { expectedNeed, formatNumber, percentile, type PrevalenceAssumptions } from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
import { gateOf } from './gate.ts';
import { periodParams } from './params.ts';
import type { AnalyticsSettings } from './settings.ts';

type Count = number | null | 'c';
export type ProvisionRow = CellRow<ProvisionBySchoolRow>;

export interface ProvisionSchool {
  urn: string; name: string; school_type: string; phase: string; locality: string; service: string;
  pupils: number; pupils_slcn: Count; pupils_ehcp: Count; referrals: Count;
  sessions_per_100: number | null; hours_per_100: number | null; universal: boolean;
  /** Need per 100 pupils: pupils with SLCN for SLT (EHC plans where SLCN is blank), EHC plans for OT. */
  need_per_100: number | null | 'c';
  need_measure: string;
  /** An estimate from published prevalence (never a count). */
  expected_need: number | null;
  unmet_need: boolean;
  explanation: string;
}

export interface ProvisionByType { service: string; school_type: string; pupils: number; sessions_per_100: number | null; hours_per_100: number | null }

/** Schools smaller than this are left out of the unmet-need quartiles: their rates swing on a handful of pupils. */
export const MIN_PUPILS_FOR_UNMET_NEED = 20;

export const NEED_MEASURE: Record<string, string> = {
  SLT: 'pupils with SLCN as primary need (EHC plans where blank)',
  OT: 'pupils with EHC plans',
};

const per100PerYear = (value: number, pupils: number, months: number) => (pupils > 0 ? (value / pupils) * 100 * (12 / months) : null);

interface PublishedCounts { slcn: Count; ehcp: Count; referrals: Count }

function needOf(row: ProvisionRow, p: PublishedCounts): number | null | 'c' {
  if (row.pupils <= 0) return null;
  const count = row.service === 'SLT' ? (p.slcn ?? p.ehcp) : p.ehcp;
  if (count === 'c') return 'c';
  return count === null ? null : (count / row.pupils) * 100;
}

/** Flags within one service's rows (the quartiles never mix services). */
export function flagUnmetNeed(rows: readonly ProvisionRow[], prevalence: PrevalenceAssumptions, gate: Gate): ProvisionSchool[] {
  const published = rows.map((r): PublishedCounts => ({
    slcn: r.pupils_slcn === null ? null : gate.count(r.pupils_slcn), ehcp: gate.count(r.pupils_ehcp), referrals: gate.count(r.referrals),
  }));
  const needs = rows.map((r, i) => needOf(r, published[i] as PublishedCounts));
  const eligible = rows.map((r, i) => r.pupils >= MIN_PUPILS_FOR_UNMET_NEED && typeof needs[i] === 'number');
  const needValues = needs.filter((n, i): n is number => eligible[i] === true);
  const hours = rows.filter((_, i) => eligible[i]).map((r) => per100PerYear(r.therapist_hours, r.pupils, r.months) ?? 0);
  const highNeed = needValues.length ? percentile(needValues, 0.75) : Infinity;
  const lowHours = hours.length ? percentile(hours, 0.25) : -Infinity;
  return rows.map((r, i) => {
    const p = published[i] as PublishedCounts;
    const need = needs[i] ?? null;
    const hoursPer100 = per100PerYear(r.therapist_hours, r.pupils, r.months);
    const unmet = eligible[i] === true && typeof need === 'number' && hoursPer100 !== null && need >= highNeed && hoursPer100 <= lowHours;
    return {
      urn: r.urn, name: r.name, school_type: r.school_type, phase: r.phase, locality: r.locality, service: r.service,
      pupils: r.pupils, pupils_slcn: p.slcn, pupils_ehcp: p.ehcp, referrals: p.referrals,
      sessions_per_100: per100PerYear(r.sessions, r.pupils, r.months), hours_per_100: hoursPer100,
      universal: r.universal_sessions > 0, need_per_100: need, need_measure: NEED_MEASURE[r.service] ?? '',
      expected_need: r.pupils > 0 ? expectedNeed(r.pupils, r.service === 'SLT' ? prevalence.slt : prevalence.ot, r.imd_decile, prevalence.weightByDeprivation) : null,
      unmet_need: unmet,
      explanation: unmet && typeof need === 'number' && hoursPer100 !== null
        ? `Need (${NEED_MEASURE[r.service]}: ${formatNumber(need, 1)} per 100 pupils) is in the top quarter of ${r.service} schools here (≥ ${formatNumber(highNeed, 1)}) and therapist hours (${formatNumber(hoursPer100, 1)} per 100 pupils a year) are in the bottom quarter (≤ ${formatNumber(lowHours, 1)}), among schools with at least ${MIN_PUPILS_FOR_UNMET_NEED} pupils.`
        : '',
    };
  });
}

export function provisionRows(run: CountQuery, filters: Filters, period: Period): Promise<ProvisionRow[]> {
  return run('provision-by-school', [...periodParams(filters, period), filters.locality]);
}

/** Each school's provision against need, flagged within its service and published, from provision-by-school's rows. */
export function provisionSchools(rows: readonly ProvisionRow[], settings: AnalyticsSettings, prevalence: PrevalenceAssumptions): Published<ProvisionSchool[]> {
  const gate = gateOf(settings);
  const services = [...new Set(rows.map((r) => r.service))];
  return gate.publish(services.flatMap((s) => flagUnmetNeed(rows.filter((r) => r.service === s), prevalence, gate)));
}

export async function provisionBySchool(
  run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings, prevalence: PrevalenceAssumptions,
): Promise<Published<ProvisionSchool[]>> {
  return provisionSchools(await provisionRows(run, filters, period), settings, prevalence);
}

/** Sessions and hours are activity, not counts of children: nothing to perturb, published as they are. */
export function provisionByType(rows: readonly ProvisionRow[], settings: AnalyticsSettings): Published<ProvisionByType[]> {
  const groups = new Map<string, { service: string; school_type: string; pupils: number; sessions: number; hours: number; months: number }>();
  for (const r of rows) {
    const key = `${r.service}|${r.school_type}`;
    const g = groups.get(key) ?? { service: r.service, school_type: r.school_type, pupils: 0, sessions: 0, hours: 0, months: r.months };
    g.pupils += r.pupils; g.sessions += r.sessions; g.hours += r.therapist_hours;
    groups.set(key, g);
  }
  return gateOf(settings).publish([...groups.values()].map((g) => ({
    service: g.service, school_type: g.school_type, pupils: g.pupils,
    sessions_per_100: per100PerYear(g.sessions, g.pupils, g.months), hours_per_100: per100PerYear(g.hours, g.pupils, g.months),
  })));
}

export async function provisionByTypeQuery(run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings): Promise<Published<ProvisionByType[]>> {
  return provisionByType(await provisionRows(run, filters, period), settings);
}
