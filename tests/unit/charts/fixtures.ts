// Small hand-made inputs for the chart tests, in the analytics layer's output shapes. Each one holds at least one
// suppressed ('c') and one missing (null) value, so every test can check they are not drawn.
import type { FunnelSeries } from '../../../src/analytics/funnel.ts';
import type { ProgrammeImpact } from '../../../src/analytics/programme.ts';
import type { ProvisionByType } from '../../../src/analytics/provision.ts';
import { comparedWithText, kindOf, type RateCell } from '../../../src/analytics/rates.ts';
import type { SpcSeries } from '../../../src/analytics/spc.ts';
import type { WaitingListBand, WaitsCell } from '../../../src/analytics/waits.ts';
import type { WorkforcePlan } from '../../../src/analytics/workforce.ts';

const rate = (service: string, school_type: string | null, age_phase: string | null, r: number | null | 'c', comparison: RateCell['comparison'], referrals: number | 'c' = 40, pupils = 1500): RateCell => {
  const kind = kindOf({ school_type, age_phase });
  const allAges = kind === 'type, all ages';
  const scaled = (f: number) => (typeof r === 'number' ? r * f : r);
  return {
    service, school_type, age_phase, kind, referrals, pupils, rate: r,
    lower95: scaled(0.8), upper95: scaled(1.25), lower998: scaled(0.7), upper998: scaled(1.4),
    expected: allAges && typeof r === 'number' ? 50 : null,
    ratio: allAges ? (typeof r === 'number' ? 0.8 : r) : null,
    ratio_lower95: null, ratio_upper95: null, ratio_lower998: null, ratio_upper998: null,
    adjusted_rate: allAges ? (typeof r === 'number' ? r * 0.9 : r) : null,
    compared_with: comparedWithText(kind, age_phase), benchmark: null,
    comparison, explanation: `Explanation for ${school_type ?? 'all'} × ${age_phase ?? 'all'}.`,
  };
};

export const rateCells: RateCell[] = [
  rate('SLT', 'mainstream', 'primary', 31.2, 'higher', 120, 3846),
  rate('SLT', 'mainstream', 'secondary', 18.4, 'similar'),
  rate('SLT', 'special', 'primary', 97.5, 'much higher', 39, 400),
  rate('SLT', 'special', 'secondary', 'c', 'c', 'c', 80),
  rate('SLT', 'independent', 'primary', 9.1, 'lower'),
  rate('SLT', 'early_years', 'early_years', 4.2, 'much lower'),
  rate('SLT', 'alternative_provision', 'secondary', null, 'not compared', 0, 0),
  rate('SLT', 'mainstream', null, 22.0, 'similar'),
  rate('SLT', 'special', null, 'c', 'c', 'c', 480),
  rate('SLT', null, 'primary', 25.3, 'higher'),
  rate('SLT', null, 'secondary', 16.0, 'lower'),
  rate('SLT', null, null, 21.0, 'not compared', 500, 23809),
  rate('OT', 'mainstream', 'primary', 77.7, 'much higher'),
];

const point = (urn: string, name: string, pupils: number, referrals: number, r: number, position: FunnelSeries['points'][number]['position']) => ({
  urn, name, school_type: 'mainstream', phase: 'primary', locality: 'North', referrals, pupils,
  expected: (r / 1000) * pupils, denominator: pupils, rate: r, crude_rate: r, lower95: r * 0.7, upper95: r * 1.4, position, explanation: `${name}: ${position}.`,
});

export const funnelSeries: FunnelSeries = {
  service: 'SLT', areaRate: 20,
  points: [
    point('100001', 'Ash Primary', 420, 8, 19.0, 'within'),
    point('100002', 'Beech Academy', 1200, 40, 33.3, 'above 95%'),
    point('100003', 'Cedar School', 90, 12, 133.3, 'above 99.8%'),
    point('100004', 'Damson Primary', 600, 5, 8.3, 'below 95%'),
    point('100005', 'Elm High', 1800, 10, 5.6, 'below 99.8%'),
    point('100006', 'Fir Special', 60, 0, 0, 'within'),
  ],
  suppressedSchools: 3,
  limits: [50, 100, 200, 500, 1000, 2000, 2500].map((pupils) => {
    const sd = 20 * Math.sqrt(1000 / (20 * pupils));
    return { pupils, lower95: Math.max(0, 20 - 1.96 * sd), upper95: 20 + 1.96 * sd, lower998: Math.max(0, 20 - 3.09 * sd), upper998: 20 + 3.09 * sd };
  }),
};

const months = (from: string, n: number) => Array.from({ length: n }, (_, i) => {
  const [y, m] = from.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + i;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
});

const spcValues = [30, 32, 29, 31, 55, 30, null, 28, 33, 31, 30, 29, 34, 36, 38];
export const spcSeriesFixture: SpcSeries = {
  service: 'SLT', group_kind: 'area', group_value: null, series: 'seasonally_adjusted', seriesNote: 'Adjusted.',
  screened: true, mean: 32.6, upperProcessLimit: 42.0, lowerProcessLimit: 23.2, upperTwoSigma: 38.9, lowerTwoSigma: 26.3,
  trial: false, tooFewForSpc: null, icon: 'common' as SpcSeries['icon'], trend: null as unknown as SpcSeries['trend'],
  period: 'month', changePoints: [], proposed: [], monthly: [],
  segments: [{ from: '2023-01', to: '2024-03', mean: 32.6, upperProcessLimit: 42.0, lowerProcessLimit: 23.2, upperTwoSigma: 38.9, lowerTwoSigma: 26.3, trial: false }],
  points: months('2023-01', spcValues.length).map((month, i) => {
    const value = spcValues[i] ?? null;
    return {
      month, lastMonth: month, value, referrals: value === null ? 'c' : Math.round(value), judged: value !== null, segment: 0,
      rule: i === 4 ? 'outside_limits' : i === 13 ? 'two_of_three' : i === 3 ? 'shift' : null,
      side: i === 4 || i === 13 ? 'high' : i === 3 ? 'low' : null,
    } as SpcSeries['points'][number];
  }),
};

const waits = (school_type: string | null, age_phase: string | null, pct: number | null | 'c', median: number | null | 'c', p90: number | null | 'c', service = 'SLT'): WaitsCell => ({
  service, school_type, age_phase, seen: pct === 'c' ? 'c' : pct === null ? 0 : 120,
  median_weeks: median, p90_weeks: p90, seen_within_18_weeks: pct === 'c' ? 'c' : typeof pct === 'number' ? Math.round(pct * 1.2) : 0,
  pct_within_18_weeks: pct, lower95: typeof pct === 'number' ? pct - 8 : pct, upper95: typeof pct === 'number' ? pct + 7 : pct,
  waiting: 30, waiting_over_18_weeks: 10, waiting_over_52_weeks: 'c', as_of: '2024-03-31',
});

export const waitsCells: WaitsCell[] = [
  waits(null, null, 64.0, 12.5, 30.0),
  waits('special', null, 'c', 'c', 'c'),
  waits('mainstream', null, 70.0, 11.0, 26.0),
  waits('independent', null, null, null, null),
  waits('college', null, 45.5, 19.0, 41.0),
  waits(null, 'primary', 72.5, 10.0, 24.0),
  waits(null, 'secondary', 55.0, 15.0, 36.0),
  waits('mainstream', 'primary', 80.0, 9.0, 20.0),
  waits('mainstream', null, 20.0, 30.0, 60.0, 'OT'),
];

export const waitingBands: WaitingListBand[] = [
  { service: 'SLT', band: '0–6 weeks', waiting: 140 },
  { service: 'SLT', band: '6–18 weeks', waiting: 95 },
  { service: 'SLT', band: '18–52 weeks', waiting: 31 },
  { service: 'SLT', band: 'over 52 weeks', waiting: 'c' },
  { service: 'OT', band: '0–6 weeks', waiting: 50 },
];

export const provisionRows: ProvisionByType[] = [
  { service: 'SLT', school_type: 'special', pupils: 480, sessions_per_100: 410.2, hours_per_100: 205.5 },
  { service: 'SLT', school_type: 'mainstream', pupils: 12000, sessions_per_100: 35.1, hours_per_100: 14.2 },
  { service: 'OT', school_type: 'mainstream', pupils: 12000, sessions_per_100: 12.0, hours_per_100: 6.5 },
  { service: 'OT', school_type: 'special', pupils: 480, sessions_per_100: 150.0, hours_per_100: 88.0 },
  { service: 'SLT', school_type: 'early_years', pupils: 0, sessions_per_100: null, hours_per_100: null },
];

const impact = (urn: string, name: string, a0: number | null | 'c', a1: number | null | 'c', verdict: string): ProgrammeImpact => ({
  adopter_urn: urn, adopter_name: name, programme: 'Talk Boost', adoption_month: '2023-09', service: 'SLT', comparison_schools: 12,
  adopter_before: a0, adopter_after: a1, comparison_before: 24.0, comparison_after: 26.0,
  adopter_referrals_before: a0 === 'c' ? 'c' : 20, adopter_referrals_after: a1 === 'c' ? 'c' : 12,
  ratio: typeof a0 === 'number' && typeof a1 === 'number' ? (a1 / a0) / (26 / 24) : a0 === 'c' ? 'c' : null,
  lower95: typeof a0 === 'number' ? 0.31 : a0 === 'c' ? 'c' : null, upper95: typeof a0 === 'number' ? 1.05 : a0 === 'c' ? 'c' : null,
  verdict,
});

export const programmeRows: ProgrammeImpact[] = [
  impact('200001', 'Hazel Primary', 40.0, 24.0, 'No clear change relative to 12 comparison schools.'),
  impact('200002', 'Ivy Infants', 'c', 'c', 'Too few referrals to show (fewer than 5 before or after).'),
  impact('200003', 'Juniper Primary', 18.0, 30.0, 'Referrals rose by 54% relative to 12 comparison schools.'),
  impact('200004', 'Kale Primary', null, 22.0, 'Not enough data before and after adoption to compare.'),
];

export const forecastHistory = months('2023-04', 12).map((month, i) => ({ month, value: i === 4 ? ('c' as const) : 60 + i * 2 }));

export const workforcePlan = {
  service: 'SLT', forecastMethod: 'seasonal naive with drift',
  forecast: months('2024-04', 6).map((month, i) => ({ month, forecast: 84 + i, lower: 60 + i, upper: 108 + i })),
  demandPerWeek: 14, acceptedShare: 0.8, cvDemand: 0.2, hoursPerReferral: 6, hoursPerReferralSource: 'derived',
  waiting: 266, targetQueue: 250, targetCapacityPerWeek: 15, reliefCapacityPerWeek: 16, pressure: 1.1,
  fteForTarget: 4, fteForRelief: 4.3, fteInPost: 3.6, fteVacant: 0.4,
  assumptions: { targetWaitWeeks: 18, productiveHoursPerFte: 22.5, hoursPerReferral: null, cvCapacity: 0.1 },
} as WorkforcePlan;

export const settingRows = [
  { label: 'Oak Primary', rate: 34.5, lower95: 25.0, upper95: 46.0, kind: 'school' as const },
  { label: 'Similar mainstream primaries', rate: 24.0, lower95: 21.0, upper95: 27.5, kind: 'similar' as const },
  { label: 'Similar schools in North locality', rate: 'c' as const, lower95: 'c' as const, upper95: 'c' as const, kind: 'similar' as const },
  { label: 'Whole area', rate: 21.0, lower95: 20.1, upper95: 21.9, kind: 'area' as const },
];

export const monthlyPoints = months('2023-09', 8).map((month, i) => ({ month, referrals: i === 2 || i === 5 ? ('c' as const) : 10 + i * 3 }));
