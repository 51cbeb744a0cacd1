// Funnel plot of schools (METHODS §4): each school's referral rate against its pupils, with 95% and 99.8% limits
// around the pooled area rate. Schools whose count is "c" are not plotted (only counted).
//
// Rates are indirectly standardised for age mix (METHODS §3): referrals fall steeply with age, so against a crude
// area rate nearly every primary sits above the funnel and every secondary below it, which says nothing about the
// schools. Each school's expected count E is what its age-phase rolls would refer at the area's published rate for
// each phase; the point is drawn at the weighted denominator n = E ÷ R (the pupils at the area's age mix who would
// expect E) and the rate O ÷ n = (O ÷ E) × R. With n on the x axis the §4 limits apply unchanged and a point lies
// outside a limit exactly when its exact Poisson interval excludes E. With one age phase filtered, n is the phase
// roll. Every count here — a school's, each phase's, the area's — is published by the gate before use, so no
// figure can be worked back to a hidden school's count (the area total is a perturbed cell of its own).
import type { CountQuery, Gate, Published } from '../disclosure/index.ts';
import { cellSum } from '../disclosure/index.ts';
import { expectedCount, formatNumber, funnelLimits, funnelPosition, rateInterval } from '../stats/index.ts';
import type { Filters, Period } from './filters.ts';
import { gateOf } from './gate.ts';
import { periodParams } from './params.ts';
import { PER_PUPILS, pupilYears } from './rates.ts';
import { phaseTotals, schoolsOf, type SchoolPhaseRow } from './school-cells.ts';
import type { AnalyticsSettings } from './settings.ts';

export type FunnelPosition = ReturnType<typeof funnelPosition>;

export interface FunnelPoint {
  urn: string; name: string; school_type: string; phase: string; locality: string;
  referrals: number;
  /** Pupils on roll (in the age phase, when one is filtered). */
  pupils: number;
  /** Referrals expected from its pupils' ages at the area's rate for each phase. */
  expected: number;
  /** The x of the funnel: pupils weighted for age mix (E ÷ R), in the same units as `limits[].pupils`. */
  denominator: number;
  /** Referrals per 1,000 pupils per year, adjusted for age mix, and its exact 95% interval. */
  rate: number; lower95: number; upper95: number;
  /** The school's crude rate (referrals ÷ its pupils), for reading beside other charts. */
  crude_rate: number;
  position: FunnelPosition;
  explanation: string;
}

export interface FunnelLimitPoint { pupils: number; lower95: number; upper95: number; lower998: number; upper998: number }

export interface FunnelSeries {
  service: string;
  /** Pooled: the published area count ÷ Σ pupil-years × 1,000 (not a mean of school rates). */
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

/** The area's published rate per pupil-year in each age phase (null when the phase's count is "c" or has no pupils). */
export function phaseRates(rows: readonly SchoolPhaseRow[], gate: Gate): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [phase, t] of phaseTotals(rows)) {
    const v = gate.value(t.referrals);
    const exposure = pupilYears(t.pupils, t.months);
    out.set(phase, v !== null && exposure > 0 ? v / exposure : null);
  }
  return out;
}

/** Expected referrals for a school's rolls at the phase rates (a hidden phase rate counts as 0). */
export function expectedFor(rolls: ReadonlyMap<string, number>, months: number, rates: ReadonlyMap<string, number | null>): number {
  const exposure = new Map([...rolls].map(([phase, roll]) => [phase, pupilYears(roll, months)]));
  const shown = new Map([...rates].flatMap(([phase, rate]) => (rate === null ? [] : [[phase, rate] as const])));
  return expectedCount(exposure, shown);
}

export function funnelSeries(service: string, rows: readonly SchoolPhaseRow[], gate: Gate): FunnelSeries {
  const rates = phaseRates(rows, gate);
  const schools = schoolsOf(rows).map((s) => ({ ...s, expected: expectedFor(s.rolls, s.months, rates) }));
  const inFunnel = schools.filter((s) => s.pupils > 0 && s.expected > 0);
  const months = rows[0]?.months ?? 12;
  const areaCount = gate.value(cellSum(inFunnel.map((s) => s.referrals))) ?? 0;
  const totalExposure = inFunnel.reduce((sum, s) => sum + pupilYears(s.pupils, s.months), 0);
  const areaPerPupilYear = totalExposure > 0 ? areaCount / totalExposure : 0;
  const points: FunnelPoint[] = [];
  for (const s of inFunnel) {
    const referrals = gate.value(s.referrals);
    if (referrals === null) continue;
    const exposure = areaPerPupilYear > 0 ? s.expected / areaPerPupilYear : 0;
    const ci = rateInterval(referrals, exposure, PER_PUPILS, 0.95);
    const crude = rateInterval(referrals, pupilYears(s.pupils, s.months), PER_PUPILS, 0.95).rate;
    const position = funnelPosition(referrals, exposure, areaPerPupilYear);
    points.push({
      urn: s.urn, name: s.name, school_type: s.school_type, phase: s.phase, locality: s.locality,
      referrals, pupils: s.pupils, expected: s.expected, denominator: (exposure * 12) / s.months,
      rate: ci.rate, lower95: ci.lower, upper95: ci.upper, crude_rate: crude, position,
      explanation: `${s.name}: ${formatNumber(referrals, 0)} referrals against ${formatNumber(s.expected, 1)} expected for its pupils' ages, a rate of ${formatNumber(ci.rate, 1)} per 1,000 pupils a year adjusted for age mix (crude: ${formatNumber(crude, 1)}) against the area's ${formatNumber(areaPerPupilYear * PER_PUPILS, 1)}; ${POSITION_TEXT[position]}.`,
    });
  }
  const maxPupils = Math.max(0, ...points.map((p) => p.denominator));
  return {
    service, areaRate: areaPerPupilYear * PER_PUPILS, points,
    suppressedSchools: schools.length - points.length,
    limits: funnelCurve(areaPerPupilYear, maxPupils, months),
  };
}

export function schoolRateParams(filters: Filters, period: Period) {
  return [...periodParams(filters, period), filters.locality, filters.agePhase, filters.schoolType] as const;
}

export async function funnel(run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings): Promise<Published<FunnelSeries[]>> {
  const gate = gateOf(settings);
  const rows = await run('school-rates', schoolRateParams(filters, period));
  const services = [...new Set(rows.map((r) => r.service))];
  return gate.publish(services.map((s) => funnelSeries(s, rows.filter((r) => r.service === s), gate)));
}
