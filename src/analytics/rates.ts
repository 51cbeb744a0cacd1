// Referral rates per 1,000 pupils per year by service × school type × age phase, with 95% and 99.8% intervals,
// compared like with like (METHODS §1, §3): a school type × age phase cell against all school types at the same
// age phase; a school type's all-ages figure as an indirectly age-standardised ratio (observed ÷ expected from the
// area's rate in each phase) against 1; the "all school types" row is the benchmark, shown, not compared; the
// area's all-ages rate is crude and the benchmark of nothing but itself. Counts pass the disclosure gate first,
// and every rate, interval, comparison and sentence is worked out from the published counts.
import { LABELS } from '../contract/values.ts';
import type { Cell, CountQuery, Published } from '../disclosure/index.ts';
import {
  compareWithBenchmark, comparisonExplanation, expectedCount, formatNumber, rateInterval, standardisedRatio, type Comparison,
} from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
import { gateOf, HIDDEN_SMALL } from './gate.ts';
import type { AnalyticsSettings } from './settings.ts';
import { periodParams } from './params.ts';

export const PER_PUPILS = 1000;
export const SUPPRESSED_EXPLANATION = HIDDEN_SMALL('referrals');

type Shown = number | null | 'c';
export type RateCellKind = 'area' | 'phase benchmark' | 'type and phase' | 'type, all ages';

export interface RateCell {
  service: string;
  /** null = all school types (a margin of the heat table). */
  school_type: string | null;
  age_phase: string | null;
  kind: RateCellKind;
  referrals: number | 'c';
  pupils: number;
  /** Crude referrals per 1,000 pupils per year, with its intervals. */
  rate: Shown; lower95: Shown; upper95: Shown; lower998: Shown; upper998: Shown;
  /** A school type's all-ages figure: referrals expected at the area's rate for each age phase, ratio and interval. */
  expected: number | null;
  ratio: Shown; ratio_lower95: Shown; ratio_upper95: Shown; ratio_lower998: Shown; ratio_upper998: Shown;
  /** ratio × the area's crude rate: "referrals per 1,000, adjusted for age mix". */
  adjusted_rate: Shown;
  /** What the cell is compared with, in one line, and its value (a rate, or 1 for a ratio). */
  compared_with: string;
  benchmark: number | null;
  comparison: Comparison | 'c';
  explanation: string;
}

/** Pupils × years: the denominator of a yearly rate over a period of `months`. */
export function pupilYears(pupils: number, months: number): number {
  return (pupils * months) / 12;
}

const phaseName = (p: string) => (LABELS[p] ?? p).toLowerCase();
const typeName = (t: string) => LABELS[t] ?? t;

export function kindOf(row: { school_type: string | null; age_phase: string | null }): RateCellKind {
  if (row.school_type === null) return row.age_phase === null ? 'area' : 'phase benchmark';
  return row.age_phase === null ? 'type, all ages' : 'type and phase';
}

export function comparedWithText(kind: RateCellKind, agePhase: string | null): string {
  switch (kind) {
    case 'area': return 'Not compared: the whole area, all ages (a crude rate).';
    case 'phase benchmark': return `The benchmark for ${phaseName(agePhase ?? '')} age: shown, not compared.`;
    case 'type and phase': return `Compared with all school types at ${phaseName(agePhase ?? '')} age.`;
    case 'type, all ages': return 'Compared with 1: referrals expected if each age phase referred at the area\'s rate for that phase.';
  }
}

interface PublishedCount { value: number | null; shown: number | 'c' }

type CountedRow = { service: string; school_type: string | null; age_phase: string | null; referrals: Cell; pupils: number; months: number };

function blank(row: CountedRow, kind: RateCellKind, shown: number | 'c'): RateCell {
  return {
    service: row.service, school_type: row.school_type, age_phase: row.age_phase, kind,
    referrals: shown, pupils: row.pupils,
    rate: null, lower95: null, upper95: null, lower998: null, upper998: null,
    expected: null, ratio: null, ratio_lower95: null, ratio_upper95: null, ratio_lower998: null, ratio_upper998: null,
    adjusted_rate: null, compared_with: comparedWithText(kind, row.age_phase), benchmark: null,
    comparison: 'not compared', explanation: '',
  };
}

/** One cell's figures from its published count; `phaseRate` holds the area's published rate per pupil-year by phase. */
export function rateCell(row: CountedRow, count: PublishedCount, context: { phaseRate: Map<string, number | null>; typePhases: readonly CountedRow[]; areaRate: number | null }): RateCell {
  const kind = kindOf(row);
  const out = blank(row, kind, count.shown);
  if (count.value === null) {
    const hide = { rate: 'c', lower95: 'c', upper95: 'c', lower998: 'c', upper998: 'c', comparison: 'c' } as const;
    const ratioHide = kind === 'type, all ages' ? { ratio: 'c', ratio_lower95: 'c', ratio_upper95: 'c', ratio_lower998: 'c', ratio_upper998: 'c', adjusted_rate: 'c' } as const : {};
    return { ...out, ...hide, ...ratioHide, explanation: SUPPRESSED_EXPLANATION };
  }
  const exposure = pupilYears(row.pupils, row.months);
  if (!(exposure > 0)) return { ...out, explanation: 'Not compared: no pupils of this age in these schools, so there is no rate.' };
  const ci95 = rateInterval(count.value, exposure, PER_PUPILS, 0.95);
  const ci998 = rateInterval(count.value, exposure, PER_PUPILS, 0.998);
  const withRate = { ...out, rate: ci95.rate, lower95: ci95.lower, upper95: ci95.upper, lower998: ci998.lower, upper998: ci998.upper };
  const subject = `${row.school_type ? `${typeName(row.school_type)} settings` : 'All settings'}${row.age_phase ? ` (${phaseName(row.age_phase)} age)` : ''}`;
  if (kind === 'area') return { ...withRate, explanation: 'The area as a whole, all ages: a crude rate, the benchmark of nothing but itself.' };
  if (kind === 'phase benchmark') return { ...withRate, explanation: `The benchmark for every school type at ${phaseName(row.age_phase ?? '')} age.` };
  if (kind === 'type and phase') {
    const per = context.phaseRate.get(row.age_phase ?? '');
    if (per === null || per === undefined) return { ...withRate, explanation: 'Not compared: the benchmark for this age phase is hidden (fewer than 5 referrals) or has no pupils.' };
    const benchmark = per * PER_PUPILS;
    const comparison = compareWithBenchmark(ci95, ci998, benchmark);
    return {
      ...withRate, benchmark, comparison,
      explanation: comparisonExplanation(comparison, benchmark, ci95, ci998, { subject, benchmarkName: `all school types at ${phaseName(row.age_phase ?? '')} age` }),
    };
  }
  // A school type at all ages: observed ÷ expected from the area's phase rates, compared with 1.
  const hiddenRate = context.typePhases.some((p) => p.pupils > 0 && (context.phaseRate.get(p.age_phase ?? '') ?? null) === null);
  if (hiddenRate) return { ...withRate, explanation: 'Not compared: the area\'s rate for one of its age phases is hidden (fewer than 5 referrals), so no expected count.' };
  const rates = new Map([...context.phaseRate].flatMap(([phase, rate]) => (rate === null ? [] : [[phase, rate] as const])));
  const expected = expectedCount(new Map(context.typePhases.map((p) => [p.age_phase ?? '', pupilYears(p.pupils, p.months)])), rates);
  const sr = standardisedRatio(count.value, expected);
  if (!Number.isFinite(sr.ratio)) return { ...withRate, expected, explanation: 'Not compared: no referrals are expected from its pupils\' ages.' };
  const comparison = compareWithBenchmark(sr.ci95, sr.ci998, 1);
  return {
    ...withRate, benchmark: 1, expected, comparison,
    ratio: sr.ratio, ratio_lower95: sr.ci95.lower, ratio_upper95: sr.ci95.upper, ratio_lower998: sr.ci998.lower, ratio_upper998: sr.ci998.upper,
    adjusted_rate: context.areaRate === null ? null : sr.ratio * context.areaRate,
    explanation: `${subject}: ${formatNumber(count.value, 0)} referrals against ${formatNumber(expected, 1)} expected if each age phase referred at the area's rate for that phase — a ratio of ${formatNumber(sr.ratio, 2)} (95% interval ${formatNumber(sr.ci95.lower, 2)} to ${formatNumber(sr.ci95.upper, 2)}; 99.8% ${formatNumber(sr.ci998.lower, 2)} to ${formatNumber(sr.ci998.upper, 2)}). ${comparison === 'similar' ? '1 lies inside the 95% interval, so this is about as many as expected for its age mix.' : `1 lies outside the ${comparison.startsWith('much') ? '99.8%' : '95%'} interval, so this is ${comparison} than expected for its age mix.`}`,
  };
}

/** Every cell of one service, from published counts. */
export function serviceCells(rows: readonly CountedRow[], count: (c: Cell) => PublishedCount): RateCell[] {
  const published = new Map(rows.map((r) => [r, count(r.referrals)]));
  const phaseRate = new Map<string, number | null>();
  for (const r of rows) {
    if (r.school_type !== null || r.age_phase === null) continue;
    const v = published.get(r)?.value ?? null;
    const exposure = pupilYears(r.pupils, r.months);
    phaseRate.set(r.age_phase, v !== null && exposure > 0 ? v / exposure : null);
  }
  const area = rows.find((r) => r.school_type === null && r.age_phase === null);
  const areaValue = area ? published.get(area)?.value ?? null : null;
  const areaExposure = area ? pupilYears(area.pupils, area.months) : 0;
  const areaRate = areaValue !== null && areaExposure > 0 ? (areaValue / areaExposure) * PER_PUPILS : null;
  return rows.map((r) => rateCell(r, published.get(r) as PublishedCount, {
    phaseRate, areaRate,
    typePhases: r.school_type !== null && r.age_phase === null ? rows.filter((x) => x.school_type === r.school_type && x.age_phase !== null) : [],
  }));
}

export async function ratesByTypePhase(run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings): Promise<Published<RateCell[]>> {
  const gate = gateOf(settings);
  const rows = await run('referral-rates-by-type-phase', [...periodParams(filters, period), filters.locality]);
  const count = (c: Cell) => ({ value: gate.value(c), shown: gate.count(c) });
  const services = [...new Set(rows.map((r) => r.service))];
  return gate.publish(services.flatMap((s) => serviceCells(rows.filter((r) => r.service === s), count)));
}
