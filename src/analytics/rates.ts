// Referral rates per 1,000 pupils per year by service × school type × age phase, with 95% and 99.8% intervals and
// the Fingertips comparison with the area (METHODS §1, §3), then disclosure control (§7).
import type { RunQuery, RatesByTypePhaseRow } from '../queries/index.ts';
import {
  compareWithBenchmark, comparisonExplanation, rateInterval, suppressTable, type Comparison,
} from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
import type { AnalyticsSettings } from './settings.ts';
import { periodParams } from './params.ts';

export const PER_PUPILS = 1000;
export const SUPPRESSED_EXPLANATION = 'Not shown: too few referrals or pupils (or hidden so that a small number cannot be worked out from a total).';

export interface RateCell {
  service: string;
  /** null = all school types (a margin of the heat table). */
  school_type: string | null;
  age_phase: string | null;
  referrals: number | 'c';
  pupils: number | 'c';
  /** Referrals per 1,000 pupils per year. */
  rate: number | null | 'c';
  lower95: number | null | 'c';
  upper95: number | null | 'c';
  lower998: number | null | 'c';
  upper998: number | null | 'c';
  comparison: Comparison | 'c';
  explanation: string;
}

/** Pupils × years: the denominator of a yearly rate over a period of `months`. */
export function pupilYears(pupils: number, months: number): number {
  return (pupils * months) / 12;
}

export function rateCell(row: RatesByTypePhaseRow, benchmark: number | null): RateCell {
  const exposure = pupilYears(row.pupils, row.months);
  const ci95 = rateInterval(row.referrals, exposure, PER_PUPILS, 0.95);
  const ci998 = rateInterval(row.referrals, exposure, PER_PUPILS, 0.998);
  const valid = exposure > 0;
  const isArea = row.school_type === null && row.age_phase === null;
  const comparison: Comparison = !valid || isArea || benchmark === null
    ? 'not compared' : compareWithBenchmark(ci95, ci998, benchmark);
  return {
    service: row.service, school_type: row.school_type, age_phase: row.age_phase,
    referrals: row.referrals, pupils: row.pupils,
    rate: valid ? ci95.rate : null,
    lower95: valid ? ci95.lower : null, upper95: valid ? ci95.upper : null,
    lower998: valid ? ci998.lower : null, upper998: valid ? ci998.upper : null,
    comparison,
    explanation: isArea ? 'The area benchmark.' : comparisonExplanation(comparison, benchmark ?? NaN, ci95, ci998),
  };
}

const RATE_COLUMNS = ['rate', 'lower95', 'upper95', 'lower998', 'upper998', 'comparison', 'explanation'];
export const RATE_SUPPRESSION = {
  counts: { referrals: RATE_COLUMNS },
  denominators: { pupils: RATE_COLUMNS },
  rowDimension: 'school_type',
  columnDimension: 'age_phase',
  partition: ['service'],
} as const;

export async function ratesByTypePhase(run: RunQuery, filters: Filters, period: Period, settings: AnalyticsSettings): Promise<RateCell[]> {
  const rows = await run('referral-rates-by-type-phase', [...periodParams(filters, period), filters.locality]);
  const cells = rows.map((row) => {
    const area = rows.find((r) => r.service === row.service && r.school_type === null && r.age_phase === null);
    const benchmark = area ? rateCell(area, null).rate : null;
    return rateCell(row, typeof benchmark === 'number' ? benchmark : null);
  });
  return (suppressTable(cells, RATE_SUPPRESSION, settings.suppressionThreshold) as RateCell[]).map((cell) =>
    (cell.explanation === 'c' ? { ...cell, explanation: SUPPRESSED_EXPLANATION } : cell));
}
