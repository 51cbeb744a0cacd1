// One SPC series as the Demand view draws it (METHODS §5, §6), a pure function of counts: the series is judged
// monthly (seasonally adjusted when there is enough history), as 3-month totals when it is sparse, or not at all;
// change points re-baseline the limits; proposed change points say where a sustained shift starts.
// Every value is computed from PUBLISHED counts (`publish` turns a true count into what may be shown), so a hidden
// month is never charted, judged or used in a limit.
import { poissonCountInterval } from './intervals.ts';
import { addMonths } from './months.ts';
import { proposeChangePoints, segmentedXmr } from './rebaseline.ts';
import { seasonalIndices, seasonallyAdjust } from './seasonal.ts';
import { adjustQuarters, sparseDecision, threeMonthPeriods } from './sparse.ts';
import { variationIcon, type SpcRule } from './spc.ts';
import { rateTrend } from './trend.ts';

export interface SpcPoint {
  /** First month of the period (yyyy-mm). */
  month: string;
  /** Last month of the period (= month for a monthly series). */
  lastMonth: string;
  /** The count as published ("c" when 1–4). */
  referrals: number | 'c';
  /** The value charted: seasonally adjusted or raw (null when hidden). */
  value: number | null;
  rule: SpcRule | null;
  side: 'high' | 'low' | null;
  /** False for a point drawn but not judged by the rules (hidden, low-season month, or too few for SPC). */
  judged: boolean;
  /** Which re-baselined segment the point belongs to. */
  segment: number;
}

export interface SpcSegment {
  from: string;
  to: string;
  mean: number; upperProcessLimit: number; lowerProcessLimit: number; upperTwoSigma: number; lowerTwoSigma: number;
  trial: boolean;
}

export interface SpcProposal {
  month: string;
  side: 'high' | 'low';
  before: number;
  after: number;
  runLength: number;
  /** Why it is proposed, in words. */
  reason: string;
}

export interface SpcSeries {
  service: string;
  group_kind: 'area' | 'school_type' | 'age_phase';
  group_value: string | null;
  /** 'month', 'quarter' (3-month totals, sparse series), or 'none' (counts only: too few referrals for SPC). */
  period: 'month' | 'quarter' | 'none';
  /** Which series the limits and rules were computed on, and why (e.g. under 24 months: not adjusted). */
  series: 'seasonally_adjusted' | 'raw';
  seriesNote: string;
  screened: boolean;
  /** The latest segment's mean and limits (limits are the values; draw them truncated at 0). */
  mean: number; upperProcessLimit: number; lowerProcessLimit: number; upperTwoSigma: number; lowerTwoSigma: number;
  trial: boolean;
  /** Set when no point is judged (too few referrals for SPC). */
  tooFewForSpc: string | null;
  /** Change points in force (first month of each new segment). */
  changePoints: string[];
  /** Change points the tool proposes beyond those in force. */
  proposed: SpcProposal[];
  segments: SpcSegment[];
  icon: ReturnType<typeof variationIcon>;
  trend: ReturnType<typeof rateTrend>;
  points: SpcPoint[];
  /** The published monthly counts, whatever the period charted (for the forecast's history and tables). */
  monthly: { month: string; referrals: number | 'c' }[];
}

export const spcSeriesKey = (s: { service: string; group_kind: string; group_value: string | null }): string =>
  `${s.service}.${s.group_kind}${s.group_value ? `.${s.group_value}` : ''}`;

export interface SpcSeriesOptions {
  adjust: boolean;
  screen: boolean;
  /** Series key → first months of new segments, as the user accepted or set them. */
  changePoints?: Readonly<Record<string, readonly string[]>>;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthText = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/** Adjusted months with a seasonal index under this (August, about a third of an average month) are not judged. */
export const LOW_SEASON_INDEX = 0.5;

const periodWord = (p: 'month' | 'quarter' | 'none') => (p === 'quarter' ? '3-month period' : 'month');

export function buildSpcSeries<C = number>(
  group: Pick<SpcSeries, 'service' | 'group_kind' | 'group_value'>,
  months: readonly { month: string; count: C }[],
  publish: (trueCount: C) => number | 'c',
  options: SpcSeriesOptions,
  add?: (counts: readonly C[]) => C,
): SpcSeries {
  const monthly = months.map((m) => ({ month: m.month, lastMonth: m.month, count: publish(m.count) }));
  const quarterly = threeMonthPeriods(months, add).map((q) => ({ month: q.month, lastMonth: q.lastMonth, count: publish(q.count) }));
  const decision = sparseDecision(monthly.map((m) => m.count), quarterly.map((q) => q.count));
  const periods = decision.period === 'quarter' ? quarterly : monthly;
  const counts = periods.map((p) => (p.count === 'c' ? null : p.count));
  const raw = counts.map((c) => c ?? 0);

  let values = raw;
  let series: SpcSeries['series'] = 'raw';
  let seriesNote = options.adjust ? (decision.reason ?? '') : 'Raw counts (seasonal adjustment switched off).';
  let minIndex = decision.period === 'quarter' ? 4 : 12;
  // Periods the rules judge: every drawn one, except low-season months of an adjusted series (their few referrals,
  // tripled by adjustment, would give the latest-month verdict from noise).
  let judgedMask = counts.map((c) => c !== null && decision.period !== 'none');
  if (decision.period === 'month' && options.adjust) {
    const input = periods.map((p, i) => ({ month: p.month, value: raw[i] as number }));
    const adjusted = seasonallyAdjust(input);
    seriesNote = adjusted.reason;
    if (adjusted.adjusted) {
      values = adjusted.points.map((p) => p.value);
      series = 'seasonally_adjusted';
      const lowSeason = adjusted.points.filter((p) => p.index < LOW_SEASON_INDEX).map((p) => formatMonthName(p.month));
      judgedMask = judgedMask.map((j, i) => j && (adjusted.points[i] as { index: number }).index >= LOW_SEASON_INDEX);
      if (lowSeason.length) seriesNote += ` ${[...new Set(lowSeason)].join(' and ')} (under half an average month) is drawn but not judged.`;
      const from = seasonalIndices(input).baseline?.from;
      // Never re-baseline inside the seasonal baseline's first year.
      if (from) minIndex = Math.max(minIndex, periods.findIndex((p) => p.month === addMonths(from, 12)));
    }
  } else if (decision.period === 'quarter' && options.adjust) {
    const adjusted = adjustQuarters(raw);
    seriesNote = `${decision.reason} ${adjusted.reason}`;
    if (adjusted.adjusted) {
      values = adjusted.values;
      series = 'seasonally_adjusted';
      minIndex = Math.max(minIndex, adjusted.baselineStart + 4);
    }
  }
  const judged = periods.flatMap((_, i) => (judgedMask[i] ? [i] : []));
  const judgedValues = judged.map((i) => values[i] as number);
  const key = spcSeriesKey(group);
  const wanted = options.changePoints?.[key] ?? [];
  const position = (month: string) => judged.findIndex((i) => (periods[i] as { month: string }).month >= month);
  const accepted = judged.length ? wanted.map(position).filter((i) => i > 0) : [];
  const chart = segmentedXmr(judgedValues, accepted, { screen: options.screen });
  const monthAt = (j: number) => (periods[judged[j] as number] as { month: string }).month;
  const proposed = judged.length
    ? proposeChangePoints(judgedValues, { screen: options.screen, minIndex: Math.max(0, position(periods[minIndex]?.month ?? '9999')), accepted: chart.changePoints }).map((p) => {
      const month = monthAt(p.index);
      return {
        month, side: p.side, before: p.before, after: p.after, runLength: p.runLength,
        reason: `${p.runLength} ${periodWord(decision.period)}s in a row from ${monthText(month)} to the latest sit ${p.side === 'high' ? 'above' : 'below'} the mean `
          + `(a sustained shift): about ${Math.round(p.before)} a ${periodWord(decision.period)} before, ${Math.round(p.after)} since.`,
      };
    })
    : [];
  const segments = judged.length && decision.period !== 'none' ? chart.segments.map((s) => ({
    from: monthAt(s.start), to: (periods[judged[s.end - 1] as number] as { lastMonth: string }).lastMonth,
    mean: s.mean, upperProcessLimit: s.upperProcessLimit, lowerProcessLimit: s.lowerProcessLimit,
    upperTwoSigma: s.upperTwoSigma, lowerTwoSigma: s.lowerTwoSigma, trial: s.trial,
  })) : [];
  const last = chart.segments.at(-1);
  const tooFewForSpc = decision.period === 'none' ? decision.reason
    : !last ? 'Too few referrals for SPC: no period can be judged.' : last.tooFewForSpc;
  const lastPoints = chart.points.filter((p) => p.segment === chart.segments.length - 1);
  const icon = last && tooFewForSpc === null ? variationIcon({ ...last, tooFewForSpc, points: lastPoints }) : 'common_cause';
  const labelOf = new Map(judged.map((i, j) => [i, chart.points[j]]));
  const cps = chart.changePoints.map(monthAt);
  const segmentOf = (month: string) => cps.filter((m) => m <= month).length;
  const centre = decision.period === 'none' ? NaN : (last?.mean ?? NaN);
  return {
    ...group, period: decision.period, series, seriesNote, screened: options.screen,
    mean: centre, upperProcessLimit: last?.upperProcessLimit ?? NaN, lowerProcessLimit: last?.lowerProcessLimit ?? NaN,
    upperTwoSigma: last?.upperTwoSigma ?? NaN, lowerTwoSigma: last?.lowerTwoSigma ?? NaN, trial: last?.trial ?? true,
    tooFewForSpc,
    changePoints: cps,
    proposed,
    segments,
    icon,
    trend: recentTrend(periods.map((p) => p.count), values, raw),
    monthly: monthly.map((m) => ({ month: m.month, referrals: m.count })),
    points: periods.map((p, i) => {
      const label = tooFewForSpc === null ? labelOf.get(i) : undefined;
      return {
        month: p.month, lastMonth: p.lastMonth, referrals: p.count,
        value: counts[i] === null ? null : (values[i] ?? null),
        rule: label?.rule ?? null, side: label?.side ?? null,
        judged: label !== undefined,
        segment: segmentOf(p.month),
      };
    }),
  };
}

const formatMonthName = (m: string) => ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(m.slice(5, 7)) - 1] as string;

/** The recent-trend test on the series shown (adjusted values, so an August dip is not read as a fall). */
function recentTrend(published: readonly (number | 'c')[], values: readonly number[], raw: readonly number[]) {
  const last5 = published.slice(-5);
  if (last5.some((c) => c === 'c')) {
    return { chi2: NaN, significant: false, direction: 'no significant change' as const, reason: 'Recent trend not tested: a recent period had 1–4 referrals, which are hidden.' };
  }
  const offset = values.length - last5.length;
  const points = last5.map((c, i) => {
    const index = (raw[offset + i] as number) > 0 ? (raw[offset + i] as number) / (values[offset + i] as number) : 1;
    const ci = poissonCountInterval(c as number, 0.95);
    return { value: (c as number) / index, lower: ci.lower / index, upper: ci.upper / index };
  });
  return rateTrend(points.map((p) => p.value), points.map((p) => p.lower), points.map((p) => p.upper));
}
