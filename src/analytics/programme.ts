// Universal programme impact: difference in differences on the rate-ratio scale. For each school that adopted a
// programme, the ratio of its referral rate after ÷ before, divided by the same ratio in comparison schools (same
// type and phase, never adopting) over the same calendar windows. The 95% interval is on the log scale with
// Poisson variances, SE = √(1/a₁ + 1/a₀ + 1/c₁ + 1/c₀). Chosen because referrals are counts with schools of very
// different sizes: a ratio of rates uses each school's pupils as exposure and needs no model fitting.
// Every referral count (adopter and comparison group, before and after) passes the disclosure gate first; the
// rates, ratio, interval and verdict are worked out from the published counts.
import type { ProgrammeImpactRow } from '../queries/index.ts';
import type { CellRow, CountQuery, Gate, Published } from '../disclosure/index.ts';
import { Z } from '../stats/index.ts';
import type { Filters } from './filters.ts';
import { gateOf } from './gate.ts';
import type { AnalyticsSettings } from './settings.ts';

type Shown = number | null | 'c';

export interface ProgrammeImpact {
  adopter_urn: string; adopter_name: string; programme: string; adoption_month: string; service: string;
  comparison_schools: number;
  /** Referrals per 1,000 pupils a year, before and after adoption, in the adopter and the comparison schools. */
  adopter_before: Shown; adopter_after: Shown; comparison_before: Shown; comparison_after: Shown;
  adopter_referrals_before: number | 'c'; adopter_referrals_after: number | 'c';
  /** (adopter after/before) ÷ (comparison after/before), with a 95% interval; 1 = no difference. */
  ratio: Shown; lower95: Shown; upper95: Shown;
  verdict: string;
}

const ratePer1000Year = (referrals: number, pupilMonths: number) => (pupilMonths > 0 ? (referrals / pupilMonths) * 12 * 1000 : null);

type ImpactRow = CellRow<ProgrammeImpactRow>;

export function differenceInDifferences(rows: readonly ImpactRow[], service: string, gate: Gate): Omit<ProgrammeImpact, 'verdict'>[] {
  const windows = rows.map((r) => ({ ...r, referrals: gate.count(r.referrals) }));
  const adopters = [...new Set(rows.map((r) => r.adopter_urn))];
  return adopters.map((urn) => {
    const own = windows.filter((r) => r.adopter_urn === urn);
    const cell = (group: 'adopter' | 'comparison', period: 'before' | 'after') =>
      own.find((r) => r.group_kind === group && r.period === period);
    const a0 = cell('adopter', 'before'), a1 = cell('adopter', 'after');
    const c0 = cell('comparison', 'before'), c1 = cell('comparison', 'after');
    const first = own[0] as (typeof windows)[number];
    const rate = (r: (typeof windows)[number] | undefined): Shown => (r ? (r.referrals === 'c' ? 'c' : ratePer1000Year(r.referrals, r.pupil_months)) : null);
    const counts = [a0, a1, c0, c1].map((r) => r?.referrals ?? 0);
    const hidden = counts.some((c) => c === 'c');
    const computable = !hidden && [a0, a1, c0, c1].every((r) => r && r.pupil_months > 0) && counts.every((c) => typeof c === 'number' && c > 0);
    let ratio: Shown = hidden ? 'c' : null, lower: Shown = hidden ? 'c' : null, upper: Shown = hidden ? 'c' : null;
    if (computable) {
      const [ra0, ra1, rc0, rc1] = [rate(a0), rate(a1), rate(c0), rate(c1)] as [number, number, number, number];
      ratio = (ra1 / ra0) / (rc1 / rc0);
      const se = Math.sqrt((counts as number[]).reduce((s, c) => s + 1 / c, 0));
      lower = Math.exp(Math.log(ratio) - Z[0.95] * se);
      upper = Math.exp(Math.log(ratio) + Z[0.95] * se);
    }
    return {
      adopter_urn: urn, adopter_name: first.adopter_name, programme: first.programme, adoption_month: first.adoption_month, service,
      comparison_schools: c0?.schools ?? 0,
      adopter_before: rate(a0), adopter_after: rate(a1), comparison_before: rate(c0), comparison_after: rate(c1),
      adopter_referrals_before: a0?.referrals ?? 0, adopter_referrals_after: a1?.referrals ?? 0,
      ratio, lower95: lower, upper95: upper,
    };
  });
}

export function verdictOf(impact: Omit<ProgrammeImpact, 'verdict'>): string {
  const { ratio, lower95: lower, upper95: upper, comparison_schools: n } = impact;
  if (ratio === 'c') return 'Not shown: fewer than 5 referrals before or after adoption (in the school or its comparison schools), to protect children\'s privacy.';
  if (n === 0) return 'Not compared: no other school of the same type and phase here went without a universal programme, so there is nothing to compare with.';
  if (typeof ratio !== 'number' || typeof lower !== 'number' || typeof upper !== 'number') {
    return 'Not enough data before and after adoption to compare.';
  }
  const interval = `the 95% interval (${lower.toFixed(2)} to ${upper.toFixed(2)})`;
  if (upper < 1) return `Referrals fell by ${((1 - ratio) * 100).toFixed(0)}% relative to ${n} comparison schools; ${interval} is below 1.`;
  if (lower > 1) return `Referrals rose by ${((ratio - 1) * 100).toFixed(0)}% relative to ${n} comparison schools; ${interval} is above 1.`;
  return `No clear change relative to ${n} comparison schools: ${interval} includes 1.`;
}

export async function programmeImpact(run: CountQuery, filters: Filters, settings: AnalyticsSettings): Promise<Published<ProgrammeImpact[]>> {
  const gate = gateOf(settings);
  const services = filters.service ? [filters.service] : ['SLT', 'OT'];
  const out: ProgrammeImpact[] = [];
  for (const service of services) {
    const rows = await run('programme-impact', [service, settings.programmeWindowMonths, filters.locality]);
    out.push(...differenceInDifferences(rows, service, gate).map((impact) => ({ ...impact, verdict: verdictOf(impact) })));
  }
  return gate.publish(out);
}
