// One school beside "similar settings" (every OTHER school of the same school type and phase, pooled) and the area:
// referral rates with intervals and the Fingertips comparison (METHODS §1, §3), its place on the age-adjusted
// funnel (§4), its monthly counts, waits (§2, §8) and provision per 100 pupils; then disclosure control (§7).
//
// The school's own type and phase choose its comparators, so the global type, phase and locality filters are
// ignored here; the service filter and the period apply.
//
// Disclosure: besides primary suppression, a pooled "similar settings" figure is hidden when any school in the pool
// has 1–4 in that count. Each school's own page shows its own count and its pool (the group less itself), so
// across the group's pages the group total could be rebuilt and a small school's count recovered by subtraction.
// The smallest member count is carried as a hidden column so that suppressTable, the one place suppression
// happens, hides the pooled figures (and the comparison that quotes them) exactly as it hides a small count.
import type { ProvisionBySchoolRow, RunQuery, SchoolListRow, SchoolRateRow, WaitsRow } from '../queries/index.ts';
import {
  compareWithBenchmark, comparisonExplanation, rateInterval, suppressTable, wilsonInterval, type Comparison,
} from '../stats/index.ts';
import { funnel, type FunnelPoint, type FunnelSeries } from './funnel.ts';
import type { Filters, Period } from './filters.ts';
import { PER_PUPILS, pupilYears } from './rates.ts';
import type { AnalyticsSettings } from './settings.ts';
import { spcSeries, type SpcSeries } from './spc.ts';

type Shown = number | null | 'c';
export type ProfileGroup = 'school' | 'similar' | 'area';

export interface ProfileRateRow {
  service: string; group: ProfileGroup; label: string;
  /** Schools pooled in the row. */
  schools: number;
  referrals: number | 'c'; pupils: number | 'c';
  /** Referrals per 1,000 pupils per year (crude) with 95% and 99.8% intervals. */
  rate: Shown; lower95: Shown; upper95: Shown; lower998: Shown; upper998: Shown;
  /** Age-adjusted rate (indirectly standardised: observed ÷ expected × area rate), as on the funnel. */
  adjusted_rate: Shown;
  vs_area: Comparison | 'c'; vs_area_explanation: string;
  /** The school row only: compared with the similar settings' pooled rate. */
  vs_similar: Comparison | 'c'; vs_similar_explanation: string;
  /** Hidden helpers for disclosure control (never shown): the smallest positive count in the pool. */
  pool_min: number | null | 'c'; benchmark_pool_min: number | null | 'c';
}

export interface ProfileWaitsRow {
  service: string; group: ProfileGroup; label: string; schools: number;
  seen: number | 'c';
  /** Weeks from referral to first contact; null for a pool of schools (a median cannot be pooled from schools). */
  median_weeks: Shown; p90_weeks: Shown;
  seen_within_18_weeks: number | 'c';
  pct_within_18_weeks: Shown; lower95: Shown; upper95: Shown;
  waiting: number | 'c';
  vs_area: Comparison | 'c'; vs_area_explanation: string;
  pool_min_seen: number | null | 'c'; pool_min_within: number | null | 'c'; pool_min_waiting: number | null | 'c';
}

export interface ProfileProvisionRow {
  service: string; group: ProfileGroup; label: string; schools: number; pupils: number;
  sessions: number; therapist_hours: number;
  /** Per 100 pupils per year. */
  sessions_per_100: number | null; hours_per_100: number | null;
}

export interface ServiceProfile {
  service: string;
  rates: ProfileRateRow[];
  waits: ProfileWaitsRow[];
  provision: ProfileProvisionRow[];
  funnel: FunnelSeries;
  /** The school on the funnel, or null when it is not plotted (then `funnelNote` says why). */
  funnelPoint: FunnelPoint | null;
  funnelNote: string;
  /** The school's own monthly series (counts 1–4 as "c"). */
  trend: SpcSeries | null;
}

export interface SchoolProfile {
  school: SchoolListRow;
  period: Period;
  similarSchools: number;
  services: ServiceProfile[];
}

export const SIMILAR_LABEL = 'Similar settings';
export const AREA_LABEL = 'Area';
export const OWN_SMALL_EXPLANATION = 'Not shown: fewer than 5, so the figure and any comparison are hidden to protect children\'s privacy.';
export const POOL_HIDDEN_EXPLANATION = 'Not shown: a school in this pool has fewer than 5, which could be worked out by subtraction from the pooled figure.';

const RATE_FIGURES = ['rate', 'lower95', 'upper95', 'lower998', 'upper998', 'adjusted_rate', 'vs_area', 'vs_area_explanation', 'vs_similar', 'vs_similar_explanation'];
export const PROFILE_RATE_SUPPRESSION = {
  counts: {
    referrals: RATE_FIGURES,
    pool_min: ['referrals', ...RATE_FIGURES],
    benchmark_pool_min: ['vs_similar', 'vs_similar_explanation'],
  },
  denominators: { pupils: RATE_FIGURES },
  rowDimension: null, columnDimension: null, partition: ['service'], totalsShown: false,
} as const;

const WAIT_FIGURES = ['median_weeks', 'p90_weeks', 'pct_within_18_weeks', 'lower95', 'upper95', 'vs_area', 'vs_area_explanation'];
export const PROFILE_WAITS_SUPPRESSION = {
  counts: {
    seen: WAIT_FIGURES,
    seen_within_18_weeks: ['pct_within_18_weeks', 'lower95', 'upper95', 'vs_area', 'vs_area_explanation'],
    waiting: [],
    pool_min_seen: ['seen', 'seen_within_18_weeks', ...WAIT_FIGURES],
    pool_min_within: ['seen_within_18_weeks', ...WAIT_FIGURES],
    pool_min_waiting: ['waiting'],
  },
  denominators: {},
  rowDimension: null, columnDimension: null, partition: ['service'], totalsShown: false,
} as const;

/** The smallest positive value (a true 0 cannot be revealed by subtraction); null when every value is 0. */
export function smallestPositive(values: readonly number[]): number | null {
  const positive = values.filter((v) => v > 0);
  return positive.length ? Math.min(...positive) : null;
}

interface Pooled { referrals: number; pupils: number; exposure: number; expected: number; schools: number; min: number | null }

function pool(rows: readonly SchoolRateRow[]): Pooled {
  const withPupils = rows.filter((r) => r.pupils > 0);
  return {
    referrals: withPupils.reduce((s, r) => s + r.referrals, 0),
    pupils: withPupils.reduce((s, r) => s + r.pupils, 0),
    exposure: withPupils.reduce((s, r) => s + pupilYears(r.pupils, r.months), 0),
    expected: withPupils.reduce((s, r) => s + r.expected, 0),
    schools: withPupils.length,
    min: smallestPositive(rows.map((r) => r.referrals)),
  };
}

function rateRow(service: string, group: ProfileGroup, label: string, p: Pooled, area: Pooled, similar: Pooled | null): ProfileRateRow {
  const ci95 = rateInterval(p.referrals, p.exposure, PER_PUPILS, 0.95);
  const ci998 = rateInterval(p.referrals, p.exposure, PER_PUPILS, 0.998);
  const valid = Number.isFinite(ci95.rate);
  const subject = group === 'school' ? 'this school' : 'similar settings';
  const compare = (benchmark: number | null, benchmarkName: string): [Comparison, string] => {
    if (benchmark === null || !valid) return ['not compared', `Not compared with ${benchmarkName}: no rate could be calculated (no pupils).`];
    const c = compareWithBenchmark(ci95, ci998, benchmark);
    return [c, comparisonExplanation(c, benchmark, ci95, ci998, { subject, benchmarkName })];
  };
  const areaRate = area.exposure > 0 ? (area.referrals / area.exposure) * PER_PUPILS : null;
  const similarRate = similar && similar.exposure > 0 ? (similar.referrals / similar.exposure) * PER_PUPILS : null;
  const [vsArea, vsAreaText] = group === 'area' ? ['not compared' as const, 'The area benchmark.'] : compare(areaRate, 'the area');
  const [vsSimilar, vsSimilarText] = group !== 'school' ? ['not compared' as const, '']
    : similar && similar.schools > 0 ? compare(similarRate, 'similar settings')
      : ['not compared' as const, 'Not compared: there is no other school of the same type and phase in the data.'];
  return {
    service, group, label, schools: p.schools, referrals: p.referrals, pupils: p.pupils,
    rate: valid ? ci95.rate : null, lower95: valid ? ci95.lower : null, upper95: valid ? ci95.upper : null,
    lower998: valid ? ci998.lower : null, upper998: valid ? ci998.upper : null,
    adjusted_rate: p.expected > 0 && areaRate !== null ? (p.referrals / p.expected) * areaRate : null,
    vs_area: vsArea, vs_area_explanation: vsAreaText, vs_similar: vsSimilar, vs_similar_explanation: vsSimilarText,
    pool_min: group === 'similar' ? p.min : null,
    benchmark_pool_min: group === 'school' && similar ? similar.min : null,
  };
}

/**
 * Hidden explanations replaced by words that give no number away. A pool's are hidden for the pool's reason; a
 * school's for its own small count, except the comparison with the pool when its own count is shown.
 */
function explainHidden<R extends { group: ProfileGroup; referrals?: unknown }>(row: R, keys: readonly (keyof R & string)[]): R {
  const out = { ...row };
  for (const key of keys) {
    if (out[key] !== 'c') continue;
    const poolReason = row.group !== 'school' || (key === 'vs_similar_explanation' && row.referrals !== 'c');
    out[key] = (poolReason ? POOL_HIDDEN_EXPLANATION : OWN_SMALL_EXPLANATION) as R[keyof R & string];
  }
  return out;
}

interface WaitCounts { seen: number; within: number; waiting: number; median: number | null; p90: number | null }
const totalOf = (rows: readonly WaitsRow[], service: string): WaitCounts => {
  const r = rows.find((x) => x.service === service && x.school_type === null && x.age_phase === null);
  return { seen: r?.seen ?? 0, within: r?.seen_within_18_weeks ?? 0, waiting: r?.waiting ?? 0, median: r?.median_weeks ?? null, p90: r?.p90_weeks ?? null };
};

function waitsRow(service: string, group: ProfileGroup, label: string, schools: number, w: WaitCounts, area: WaitCounts, members: WaitCounts[] | null): ProfileWaitsRow {
  const wilson = (level: 0.95 | 0.998) => wilsonInterval(w.within, w.seen, level);
  const ci95 = wilson(0.95);
  const ci998 = wilson(0.998);
  const valid = w.seen > 0;
  const areaPct = area.seen > 0 ? (area.within / area.seen) * 100 : null;
  const pct = (ci: { lower: number; upper: number }) => ({ lower: ci.lower * 100, upper: ci.upper * 100 });
  let vs: Comparison = 'not compared';
  let text = group === 'area' ? 'The area benchmark.' : 'Not compared: no child from here had a first contact in the period.';
  if (group !== 'area' && valid && areaPct !== null) {
    vs = compareWithBenchmark(pct(ci95), pct(ci998), areaPct);
    text = comparisonExplanation(vs, areaPct, pct(ci95), pct(ci998), {
      unit: '%', subject: group === 'school' ? 'this school' : 'similar settings', measure: 'share seen within 18 weeks',
    });
  }
  return {
    service, group, label, schools, seen: w.seen, median_weeks: w.median, p90_weeks: w.p90,
    seen_within_18_weeks: w.within,
    pct_within_18_weeks: valid ? ci95.proportion * 100 : null,
    lower95: valid ? ci95.lower * 100 : null, upper95: valid ? ci95.upper * 100 : null,
    waiting: w.waiting, vs_area: vs, vs_area_explanation: text,
    pool_min_seen: members ? smallestPositive(members.map((m) => m.seen)) : null,
    pool_min_within: members ? smallestPositive(members.map((m) => m.within)) : null,
    pool_min_waiting: members ? smallestPositive(members.map((m) => m.waiting)) : null,
  };
}

const sumWaits = (list: readonly WaitCounts[]): WaitCounts => ({
  seen: list.reduce((s, w) => s + w.seen, 0), within: list.reduce((s, w) => s + w.within, 0),
  waiting: list.reduce((s, w) => s + w.waiting, 0), median: null, p90: null,
});

function provisionRows(service: string, rows: readonly ProvisionBySchoolRow[], school: SchoolListRow): ProfileProvisionRow[] {
  const mine = rows.filter((r) => r.service === service);
  const groups: [ProfileGroup, string, typeof mine][] = [
    ['school', school.name, mine.filter((r) => r.urn === school.urn)],
    ['similar', SIMILAR_LABEL, mine.filter((r) => r.urn !== school.urn && r.school_type === school.school_type && r.phase === school.phase)],
    ['area', AREA_LABEL, mine],
  ];
  return groups.map(([group, label, list]) => {
    const pupils = list.reduce((s, r) => s + r.pupils, 0);
    const sessions = list.reduce((s, r) => s + r.sessions, 0);
    const hours = list.reduce((s, r) => s + r.therapist_hours, 0);
    const months = list[0]?.months ?? 12;
    const per100 = (v: number) => (pupils > 0 ? (v / pupils) * 100 * (12 / months) : null);
    return { service, group, label, schools: list.length, pupils, sessions, therapist_hours: hours, sessions_per_100: per100(sessions), hours_per_100: per100(hours) };
  });
}

export async function schoolProfile(
  run: RunQuery, filters: Filters, period: Period, settings: AnalyticsSettings, urn: string,
): Promise<SchoolProfile | null> {
  const school = (await run('schools-list', [])).find((s) => s.urn === urn);
  if (!school) return null;
  const scope: Filters = { ...filters, schoolType: null, agePhase: null, locality: null };
  const base = [filters.service, period.from, period.to] as const;
  const rates = await run('school-rates', [...base, null, null, null]);
  const isSimilar = (r: { urn: string; school_type: string; phase: string }) => r.urn !== urn && r.school_type === school.school_type && r.phase === school.phase;
  const similarUrns = [...new Set(rates.filter(isSimilar).map((r) => r.urn))];
  const funnels = await funnel(run, scope, period, settings);
  const trends = await spcSeries(run, scope, period, settings, urn);
  // Waits for the pool are summed from each member's own counts: the waits query has no "these schools" filter.
  const rawWaits = (u: string | null) => run('waits', [...base, null, u]);
  const areaWaitRows = await rawWaits(null);
  const schoolWaitRows = await rawWaits(urn);
  const memberWaitRows = await Promise.all(similarUrns.map(rawWaits));
  const provision = await run('provision-by-school', [...base, null]);
  // Speech and language therapy first, as the services are usually named.
  const services = [...new Set(rates.map((r) => r.service))].sort((a, b) => Number(b === 'SLT') - Number(a === 'SLT'));
  const name = school.name;

  const rateRows = services.flatMap((service) => {
    const own = rates.filter((r) => r.service === service);
    const area = pool(own);
    const similar = pool(own.filter(isSimilar));
    const mine = pool(own.filter((r) => r.urn === urn));
    return [
      rateRow(service, 'school', name, mine, area, similar),
      rateRow(service, 'similar', SIMILAR_LABEL, similar, area, null),
      rateRow(service, 'area', AREA_LABEL, area, area, null),
    ];
  });
  const waitRows = services.flatMap((service) => {
    const area = totalOf(areaWaitRows, service);
    const members = memberWaitRows.map((rows) => totalOf(rows, service));
    return [
      waitsRow(service, 'school', name, 1, totalOf(schoolWaitRows, service), area, null),
      waitsRow(service, 'similar', SIMILAR_LABEL, members.length, sumWaits(members), area, members),
      waitsRow(service, 'area', AREA_LABEL, new Set(rates.map((r) => r.urn)).size, area, area, null),
    ];
  });
  const threshold = settings.suppressionThreshold;
  const shownRates = (suppressTable(rateRows, PROFILE_RATE_SUPPRESSION, threshold) as ProfileRateRow[])
    .map((r) => explainHidden(r, ['vs_area_explanation', 'vs_similar_explanation']));
  const shownWaits = (suppressTable(waitRows, PROFILE_WAITS_SUPPRESSION, threshold) as ProfileWaitsRow[])
    .map((r) => explainHidden(r, ['vs_area_explanation']));

  return {
    school, period, similarSchools: similarUrns.length,
    services: services.map((service): ServiceProfile => {
      const series = funnels.find((f) => f.service === service) as FunnelSeries;
      const point = series.points.find((p) => p.urn === urn) ?? null;
      return {
        service,
        rates: shownRates.filter((r) => r.service === service),
        waits: shownWaits.filter((r) => r.service === service),
        provision: provisionRows(service, provision, school),
        funnel: series,
        funnelPoint: point,
        funnelNote: point ? point.explanation : 'Not on the funnel plot: fewer than 5 referrals (or no pupils), so its rate is not shown.',
        trend: trends.find((t) => t.service === service && t.group_kind === 'area') ?? null,
      };
    }),
  };
}
