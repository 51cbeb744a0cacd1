// Funnel plot of schools (METHODS §4): each school's referral rate against its pupils, with 95% and 99.8% limits
// around the pooled area rate. Schools whose count is suppressed are not plotted (only counted).
//
// Rates are indirectly standardised for age mix: referrals fall steeply with age, so against a crude area rate
// nearly every primary sits above the funnel and every secondary below it, which says nothing about the schools.
// Each school's expected count E is what its age-phase rolls would refer at the area's rate for each phase; the
// point is drawn at the weighted denominator n = E ÷ R (the pupils at the area's age mix who would expect E) and
// the rate O ÷ n = (O ÷ E) × R. With n on the x axis the §4 limits apply unchanged and a point lies outside a limit
// exactly when its exact Poisson interval excludes E. With one age phase filtered, n is the phase roll.
import type { RunQuery, SchoolRateRow } from '../queries/index.ts';
import { funnelLimits, funnelPosition, rateInterval } from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
import { periodParams } from './params.ts';
import { PER_PUPILS, pupilYears } from './rates.ts';
import type { AnalyticsSettings } from './settings.ts';

export type FunnelPosition = ReturnType<typeof funnelPosition>;

export interface FunnelPoint {
  urn: string; name: string; school_type: string; phase: string; locality: string;
  referrals: number;
  /** Pupils on roll (in the age phase, when one is filtered). */
  pupils: number;
  /** The x of the funnel: pupils weighted for age mix (E ÷ R), in the same units as `limits[].pupils`. */
  denominator: number;
  /** Referrals per 1,000 pupils per year, standardised for age mix, and its exact 95% interval. */
  rate: number; lower95: number; upper95: number;
  position: FunnelPosition;
  explanation: string;
}

export interface FunnelLimitPoint { pupils: number; lower95: number; upper95: number; lower998: number; upper998: number }

export interface FunnelSeries {
  service: string;
  /** Pooled: Σ referrals ÷ Σ pupil-years × 1,000 (not a mean of school rates). */
  areaRate: number;
  points: FunnelPoint[];
  /** Schools with 1–4 referrals (not plotted: small numbers) and with no pupils in the phase. */
  suppressedSchools: number;
  limits: FunnelLimitPoint[];
}

const POSITION_TEXT: Record<FunnelPosition, string> = {
  'within': 'within the 95% limits: consistent with the area rate',
  'above 95%': 'above the upper 95% limit (but within 99.8%): higher than the area',
  'above 99.8%': 'above the upper 99.8% limit: much higher than the area',
  'below 95%': 'below the lower 95% limit (but within 99.8%): lower than the area',
  'below 99.8%': 'below the lower 99.8% limit: much lower than the area',
};

/** Limits sampled on a log-spaced grid of denominators, for drawing the funnel. */
export function funnelCurve(areaRatePerPupilYear: number, maxPupils: number, months: number, steps = 60): FunnelLimitPoint[] {
  const minPupils = 5;
  const top = Math.max(maxPupils * 1.1, minPupils * 2);
  const out: FunnelLimitPoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const pupils = minPupils * (top / minPupils) ** (i / steps);
    const exposure = pupilYears(pupils, months);
    const l95 = funnelLimits(areaRatePerPupilYear, exposure, 0.95);
    const l998 = funnelLimits(areaRatePerPupilYear, exposure, 0.998);
    out.push({
      pupils, lower95: l95.lower * PER_PUPILS, upper95: l95.upper * PER_PUPILS,
      lower998: l998.lower * PER_PUPILS, upper998: l998.upper * PER_PUPILS,
    });
  }
  return out;
}

/**
 * Schools with 1–4 referrals are not plotted. The area rate and the plotted schools give the hidden schools'
 * total by subtraction, so when exactly one school is hidden, the next smallest school is hidden too.
 */
export function withoutRecoverable(rows: SchoolRateRow[], threshold: number): SchoolRateRow[] {
  const small = (r: SchoolRateRow) => r.referrals > 0 && r.referrals < threshold;
  const hidden = new Set(rows.filter(small));
  if (hidden.size === 1) {
    const next = rows.filter((r) => !hidden.has(r) && r.referrals > 0).sort((a, b) => a.referrals - b.referrals)[0];
    if (next) hidden.add(next);
  }
  return rows.filter((r) => !hidden.has(r));
}

function seriesOf(service: string, rows: SchoolRateRow[], threshold: number): FunnelSeries {
  const withPupils = rows.filter((r) => r.pupils > 0 && r.expected > 0);
  const totalReferrals = withPupils.reduce((s, r) => s + r.referrals, 0);
  const totalExposure = withPupils.reduce((s, r) => s + pupilYears(r.pupils, r.months), 0);
  const areaPerPupilYear = totalExposure > 0 ? totalReferrals / totalExposure : 0;
  const shown = withoutRecoverable(withPupils, threshold);
  const points = shown.map((r): FunnelPoint => {
    const exposure = areaPerPupilYear > 0 ? r.expected / areaPerPupilYear : 0;
    const ci = rateInterval(r.referrals, exposure, PER_PUPILS, 0.95);
    const position = funnelPosition(r.referrals, exposure, areaPerPupilYear);
    return {
      urn: r.urn, name: r.name, school_type: r.school_type, phase: r.phase, locality: r.locality,
      referrals: r.referrals, pupils: r.pupils, denominator: (exposure * 12) / r.months,
      rate: ci.rate, lower95: ci.lower, upper95: ci.upper, position,
      explanation: `${r.name}: ${r.referrals} referrals against ${r.expected.toFixed(1)} expected for its age mix, a rate of ${ci.rate.toFixed(1)} per 1,000 pupils a year (adjusted for age) against the area's ${(areaPerPupilYear * PER_PUPILS).toFixed(1)}; ${POSITION_TEXT[position]}.`,
    };
  });
  const maxPupils = Math.max(0, ...points.map((p) => p.denominator));
  return {
    service, areaRate: areaPerPupilYear * PER_PUPILS, points,
    suppressedSchools: rows.length - shown.length,
    limits: funnelCurve(areaPerPupilYear, maxPupils, rows[0]?.months ?? 12),
  };
}

export async function funnel(run: RunQuery, filters: Filters, period: Period, settings: AnalyticsSettings): Promise<FunnelSeries[]> {
  const rows = await run('school-rates', [...periodParams(filters, period), filters.locality, filters.agePhase, filters.schoolType]);
  const services = [...new Set(rows.map((r) => r.service))];
  return services.map((s) => seriesOf(s, rows.filter((r) => r.service === s), settings.suppressionThreshold));
}

