// One school beside "similar settings" (every OTHER school of the same school type and phase, pooled) and the area:
// referral rates with intervals compared like with like (METHODS §1, §3), its place on the age-adjusted funnel
// (§4), its monthly counts, waits (§2, §8) and provision per 100 pupils.
//
// The school's own type and phase choose its comparators, so the global type, phase and locality filters are
// ignored here; the service filter and the period apply.
//
// Disclosure: the school, its pool and the area are each a cell of their own (the pool's records' keys added up),
// published by the gate; so the school's page and its neighbours' pages cannot be subtracted into a child's count,
// and no pooled figure needs hiding because a member school is small.
import type { ProvisionBySchoolRow, SchoolListRow, WaitsRow } from '../queries/index.ts';
import { cellSum, EMPTY_CELL, type Cell, type CellRow, type CountQuery, type Gate, type Published } from '../disclosure/index.ts';
import {
  compareWithBenchmark, comparisonExplanation, formatNumber, rateInterval, standardisedRatio, wilsonInterval, type Comparison,
} from '../stats/index.ts';
import { expectedFor, funnelSeries, phaseRates, schoolRateParams, type FunnelPoint, type FunnelSeries } from './funnel.ts';
import type { Filters, Period } from './filters.ts';
import { gateOf, HIDDEN_SMALL } from './gate.ts';
import { PER_PUPILS, pupilYears } from './rates.ts';
import { schoolsOf, type SchoolCells } from './school-cells.ts';
import type { AnalyticsSettings } from './settings.ts';
import { spcSeries, type SpcSeries } from './spc.ts';
import { proportionWithin, quantileShown } from './waits.ts';

type Shown = number | null | 'c';
export type ProfileGroup = 'school' | 'similar' | 'area';

export interface ProfileRateRow {
  service: string; group: ProfileGroup; label: string;
  /** Schools pooled in the row. */
  schools: number;
  referrals: number | 'c'; pupils: number;
  /** Crude referrals per 1,000 pupils per year with 95% and 99.8% intervals. */
  rate: Shown; lower95: Shown; upper95: Shown; lower998: Shown; upper998: Shown;
  /** Referrals expected at the area's rate for each age phase, and the ratio observed ÷ expected. */
  expected: number | null; ratio: Shown; ratio_lower95: Shown; ratio_upper95: Shown;
  /** Adjusted for age mix (indirectly standardised: ratio × area crude rate), as on the funnel. */
  adjusted_rate: Shown;
  /** Compared with 1 through the age-adjusted ratio (like for like with the area). */
  vs_area: Comparison | 'c'; vs_area_explanation: string;
  /** The school row only: its crude rate compared with the similar settings' pooled rate. */
  vs_similar: Comparison | 'c'; vs_similar_explanation: string;
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
export const OWN_SMALL_EXPLANATION = HIDDEN_SMALL('referrals');

interface Pool { referrals: Cell; pupils: number; exposure: number; expected: number; schools: number }

function pool(schools: readonly (SchoolCells & { expected: number })[]): Pool {
  const withPupils = schools.filter((s) => s.pupils > 0);
  return {
    referrals: cellSum(schools.map((s) => s.referrals)),
    pupils: withPupils.reduce((sum, s) => sum + s.pupils, 0),
    exposure: withPupils.reduce((sum, s) => sum + pupilYears(s.pupils, s.months), 0),
    expected: schools.reduce((sum, s) => sum + s.expected, 0),
    schools: withPupils.length,
  };
}

const subjectOf = (group: ProfileGroup) => (group === 'school' ? 'this school' : 'similar settings');

function rateRow(service: string, group: ProfileGroup, label: string, p: Pool, areaRate: number | null, similarRate: number | null, hasSimilar: boolean, gate: Gate): ProfileRateRow {
  const shown = gate.count(p.referrals);
  const base = { service, group, label, schools: p.schools, referrals: shown, pupils: p.pupils, expected: p.expected > 0 ? p.expected : null };
  if (shown === 'c') {
    return {
      ...base, rate: 'c', lower95: 'c', upper95: 'c', lower998: 'c', upper998: 'c', ratio: 'c', ratio_lower95: 'c', ratio_upper95: 'c', adjusted_rate: 'c',
      vs_area: group === 'area' ? 'not compared' : 'c', vs_area_explanation: group === 'area' ? 'The area benchmark.' : OWN_SMALL_EXPLANATION,
      vs_similar: group === 'school' ? 'c' : 'not compared', vs_similar_explanation: group === 'school' ? OWN_SMALL_EXPLANATION : '',
    };
  }
  const ci95 = rateInterval(shown, p.exposure, PER_PUPILS, 0.95);
  const ci998 = rateInterval(shown, p.exposure, PER_PUPILS, 0.998);
  const valid = Number.isFinite(ci95.rate);
  const sr = standardisedRatio(shown, p.expected);
  const hasRatio = Number.isFinite(sr.ratio);
  let vsArea: Comparison = 'not compared';
  let vsAreaText = 'The area benchmark.';
  if (group !== 'area') {
    if (!hasRatio) vsAreaText = 'Not compared with the area: no referrals are expected from its pupils\' ages (no pupils).';
    else {
      vsArea = compareWithBenchmark(sr.ci95, sr.ci998, 1);
      const where = vsArea === 'similar' ? 'inside its 95% interval' : vsArea.startsWith('much') ? 'outside its 99.8% interval' : 'outside its 95% interval';
      vsAreaText = `${formatNumber(shown, 0)} referrals against ${formatNumber(p.expected, 1)} expected at the area's rate for each age phase: a ratio of ${formatNumber(sr.ratio, 2)} (95% interval ${formatNumber(sr.ci95.lower, 2)} to ${formatNumber(sr.ci95.upper, 2)}). 1 lies ${where}, so ${subjectOf(group)} ${vsArea === 'similar' ? 'is similar to' : `is ${vsArea} than`} the area for its age mix.`;
    }
  }
  let vsSimilar: Comparison = 'not compared';
  let vsSimilarText = '';
  if (group === 'school') {
    if (!hasSimilar) vsSimilarText = 'Not compared: there is no other school of the same type and phase in the data.';
    else if (similarRate === null) vsSimilarText = 'Not compared: the similar settings\' rate is hidden (fewer than 5 referrals) or has no pupils.';
    else if (!valid) vsSimilarText = 'Not compared with similar settings: no rate could be calculated (no pupils).';
    else {
      vsSimilar = compareWithBenchmark(ci95, ci998, similarRate);
      vsSimilarText = comparisonExplanation(vsSimilar, similarRate, ci95, ci998, { subject: 'this school', benchmarkName: 'similar settings' });
    }
  }
  return {
    ...base,
    rate: valid ? ci95.rate : null, lower95: valid ? ci95.lower : null, upper95: valid ? ci95.upper : null,
    lower998: valid ? ci998.lower : null, upper998: valid ? ci998.upper : null,
    ratio: hasRatio ? sr.ratio : null, ratio_lower95: hasRatio ? sr.ci95.lower : null, ratio_upper95: hasRatio ? sr.ci95.upper : null,
    adjusted_rate: hasRatio && areaRate !== null ? sr.ratio * areaRate : null,
    vs_area: vsArea, vs_area_explanation: vsAreaText, vs_similar: vsSimilar, vs_similar_explanation: vsSimilarText,
  };
}

interface WaitCells { seen: Cell; within: Cell; waiting: Cell; median: number | null; p90: number | null }

function waitsRow(service: string, group: ProfileGroup, label: string, schools: number, w: WaitCells, area: WaitCells, gate: Gate): ProfileWaitsRow {
  const seen = gate.count(w.seen);
  const within = gate.count(w.within);
  const p = proportionWithin(within, seen);
  const areaP = proportionWithin(gate.count(area.within), gate.count(area.seen));
  let vs: Comparison | 'c' = 'not compared';
  let text = group === 'area' ? 'The area benchmark.' : 'Not compared: no child from here had a first contact in the period.';
  if (p.pct === 'c') { vs = group === 'area' ? 'not compared' : 'c'; text = group === 'area' ? text : HIDDEN_SMALL('children seen'); }
  else if (group !== 'area' && typeof p.pct === 'number' && typeof areaP.pct === 'number' && typeof seen === 'number' && typeof within === 'number') {
    const pct = (ci: { lower: number; upper: number }) => ({ lower: ci.lower * 100, upper: ci.upper * 100 });
    const x = Math.min(within, seen);
    const ci95 = pct(wilsonInterval(x, seen, 0.95));
    const ci998 = pct(wilsonInterval(x, seen, 0.998));
    vs = compareWithBenchmark(ci95, ci998, areaP.pct);
    text = comparisonExplanation(vs, areaP.pct, ci95, ci998, { unit: '%', subject: subjectOf(group), measure: 'share seen within 18 weeks' });
  }
  return {
    service, group, label, schools, seen, median_weeks: quantileShown(w.median, seen), p90_weeks: quantileShown(w.p90, seen),
    seen_within_18_weeks: within, pct_within_18_weeks: p.pct, lower95: p.lower, upper95: p.upper,
    waiting: gate.count(w.waiting), vs_area: vs, vs_area_explanation: text,
  };
}

const totalOf = (rows: readonly CellRow<WaitsRow>[], service: string): WaitCells => {
  const r = rows.find((x) => x.service === service && x.school_type === null && x.age_phase === null);
  return { seen: r?.seen ?? EMPTY_CELL, within: r?.seen_within_18_weeks ?? EMPTY_CELL, waiting: r?.waiting ?? EMPTY_CELL, median: r?.median_weeks ?? null, p90: r?.p90_weeks ?? null };
};

function provisionRows(service: string, rows: readonly CellRow<ProvisionBySchoolRow>[], school: SchoolListRow): ProfileProvisionRow[] {
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
  run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings, urn: string,
): Promise<Published<SchoolProfile> | null> {
  const gate = gateOf(settings);
  const school = (await run('schools-list', [])).find((s) => s.urn === urn);
  if (!school) return null;
  const scope: Filters = { ...filters, schoolType: null, agePhase: null, locality: null };
  const base = [filters.service, period.from, period.to] as const;
  const phaseRows = await run('school-rates', schoolRateParams(scope, period));
  const isSimilar = (r: { urn: string; school_type: string; phase: string }) => r.urn !== urn && r.school_type === school.school_type && r.phase === school.phase;
  const trends = await spcSeries(run, scope, period, settings, urn);
  const areaWaitRows = await run('waits', [...base, null, null]);
  const schoolWaitRows = await run('waits', [...base, null, urn]);
  const bySchoolWaits = await run('waits-by-school', [...base]);
  const provision = await run('provision-by-school', [...base, null]);
  // Speech and language therapy first, as the services are usually named.
  const services = [...new Set(phaseRows.map((r) => r.service))].sort((a, b) => Number(b === 'SLT') - Number(a === 'SLT'));
  const similarUrns = new Set(phaseRows.filter(isSimilar).map((r) => r.urn));

  const perService = services.map((service): ServiceProfile => {
    const own = phaseRows.filter((r) => r.service === service);
    const rates = phaseRates(own, gate);
    const schools = schoolsOf(own).map((s) => ({ ...s, expected: expectedFor(s.rolls, s.months, rates) }));
    const area = pool(schools);
    const similar = pool(schools.filter(isSimilar));
    const mine = pool(schools.filter((s) => s.urn === urn));
    const rateOf = (p: Pool) => {
      const v = gate.value(p.referrals);
      return v !== null && p.exposure > 0 ? (v / p.exposure) * PER_PUPILS : null;
    };
    const areaRate = rateOf(area);
    const hasSimilar = similarUrns.size > 0;
    const rateRows = [
      rateRow(service, 'school', school.name, mine, areaRate, rateOf(similar), hasSimilar, gate),
      rateRow(service, 'similar', SIMILAR_LABEL, similar, areaRate, null, hasSimilar, gate),
      rateRow(service, 'area', AREA_LABEL, area, areaRate, null, hasSimilar, gate),
    ];
    const areaWaits = totalOf(areaWaitRows, service);
    const members = bySchoolWaits.filter((r) => r.service === service && similarUrns.has(r.school_urn));
    const pooledWaits: WaitCells = {
      seen: cellSum(members.map((m) => m.seen)), within: cellSum(members.map((m) => m.seen_within_18_weeks)),
      waiting: cellSum(members.map((m) => m.waiting)), median: null, p90: null,
    };
    const waitRows = [
      waitsRow(service, 'school', school.name, 1, totalOf(schoolWaitRows, service), areaWaits, gate),
      waitsRow(service, 'similar', SIMILAR_LABEL, similarUrns.size, pooledWaits, areaWaits, gate),
      waitsRow(service, 'area', AREA_LABEL, new Set(own.map((r) => r.urn)).size, areaWaits, areaWaits, gate),
    ];
    const series = funnelSeries(service, own, gate);
    const point = series.points.find((p) => p.urn === urn) ?? null;
    const ownShown = rateRows[0]?.referrals;
    return {
      service, rates: rateRows, waits: waitRows, provision: provisionRows(service, provision, school),
      funnel: series, funnelPoint: point,
      funnelNote: point ? point.explanation
        : ownShown === 'c' ? 'Not on the funnel plot: fewer than 5 referrals, so its rate is not shown.'
          : mine.pupils === 0 ? `Not on the funnel plot: it has no pupils on roll, so there is no rate (${ownShown === 0 ? 'no' : formatNumber(Number(ownShown), 0)} referrals in the period).`
            : 'Not on the funnel plot: no referrals are expected from its pupils\' ages.',
      trend: trends.find((t) => t.service === service && t.group_kind === 'area') ?? null,
    };
  });
  return gate.publish({ school, period, similarSchools: similarUrns.size, services: perService });
}
