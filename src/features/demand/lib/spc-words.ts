// What an SPC series says, in words for the list under each chart: the flagged months grouped into runs, the
// variation icon of the latest month (a neutral symbol plus text, never colour alone) and the recent-trend result.
// Pure functions of the analytics layer's SpcSeries, so the words and the chart cannot disagree.
import type { SpcPoint, SpcSeries } from '../../../analytics/index.ts';
import { LABELS } from '../../../contract/index.ts';
import { SPC_RULE_TEXT, TREND_PERIODS, type SpcRule } from '../../../stats/index.ts';
import { formatMonth } from '../../../components/table-columns.ts';

export interface FlaggedRun {
  /** "Oct 2025" or "May 2025 to Jul 2026 (15 months)". */
  readonly when: string;
  /** "Shift — 7 or more points above the mean". */
  readonly headline: string;
  /** SPC_RULE_TEXT: why the rule matters. */
  readonly explanation: string;
  readonly rule: SpcRule;
  readonly side: 'high' | 'low';
  readonly months: readonly string[];
}

/** "Shift — 7 or more points above the mean": the rule's name and its direction, as the planner reads it. */
export function ruleHeadline(rule: SpcRule, side: 'high' | 'low'): string {
  const high = side === 'high';
  switch (rule) {
    case 'outside_limits': return `Outside the process limits — ${high ? 'above the upper' : 'below the lower'} limit`;
    case 'trend': return `Trend — 7 or more points each ${high ? 'higher' : 'lower'} than the one before`;
    case 'two_of_three': return `Two of three near a limit — close to the ${high ? 'upper' : 'lower'} process limit`;
    case 'shift': return `Shift — 7 or more points ${high ? 'above' : 'below'} the mean`;
  }
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** Consecutive months with the same rule and side, as one line each, in time order. */
export function flaggedRuns(series: SpcSeries): FlaggedRun[] {
  if (series.tooFewForSpc !== null) return [];
  // Only drawn, judged points carry a rule, so the list never names a period the chart does not show.
  const runs: { rule: SpcRule; side: 'high' | 'low'; months: string[]; end: string; start: string }[] = [];
  for (const point of series.points) {
    if (point.rule === null || point.side === null || point.value === null) continue;
    const last = runs.at(-1);
    if (last && last.rule === point.rule && last.side === point.side && nextMonth(last.end) === point.month) {
      last.months.push(point.month);
      last.end = point.lastMonth ?? point.month;
    } else {
      runs.push({ rule: point.rule, side: point.side, months: [point.month], start: point.month, end: point.lastMonth ?? point.month });
    }
  }
  const unit = series.period === 'quarter' ? '3-month periods' : 'months';
  return runs.map(({ start, end, ...run }) => {
    const when = run.months.length === 1 ? periodName({ month: start, lastMonth: end })
      : `${formatMonth(start)} to ${formatMonth(end)} (${run.months.length} ${unit})`;
    return { when, headline: ruleHeadline(run.rule, run.side), explanation: SPC_RULE_TEXT[run.rule], ...run };
  });
}

const RULE_NAME: Record<SpcRule, string> = {
  outside_limits: 'outside the process limits', trend: 'part of a trend', two_of_three: 'two of three near a limit', shift: 'part of a shift',
};
const why = (point: SpcPoint | undefined) => (point?.rule ? ` (${RULE_NAME[point.rule]})` : '');

export interface LatestVariation {
  /** A neutral symbol (shape, not colour) shown beside the text; hidden from screen readers. */
  readonly symbol: string;
  readonly text: string;
}

/** The Making Data Count variation icon of the latest month, in words: demand rising or falling, not good or bad. */
export function latestVariation(series: SpcSeries): LatestVariation {
  // The verdict comes from the latest point the rules judged: never a hidden month or an unjudged August.
  const latest: SpcPoint | undefined = [...series.points].reverse().find((p) => p.judged);
  const month = latest ? periodName(latest) : 'the latest month';
  if (series.tooFewForSpc !== null) {
    return { symbol: '–', text: 'No variation icon: no period is judged.' };
  }
  switch (series.icon) {
    case 'special_cause_high':
      return { symbol: '▲', text: `Special cause, higher: ${month} is unusually high${why(latest)}. Demand is rising.` };
    case 'special_cause_low':
      return { symbol: '▼', text: `Special cause, lower: ${month} is unusually low${why(latest)}. Demand is falling.` };
    default:
      return { symbol: '≈', text: `Common cause: ${month} is within the variation this series usually shows.` };
  }
}

/** "Increasing: significant at 99.8% on the last 5 months", "No significant change …", or why it was not tested. */
export function trendText(series: SpcSeries): string {
  const { trend } = series;
  if (trend.reason) return trend.reason;
  const on = `on the last ${TREND_PERIODS} months`;
  if (!trend.significant) return `No significant change ${on} (tested at 99.8%).`;
  return `${trend.direction === 'increasing' ? 'Increasing' : 'Decreasing'}: significant at 99.8% ${on}.`;
}

/** "all schools", "Early years (age phase)". */
export function seriesGroupName(series: SpcSeries): string {
  if (series.group_kind === 'area' || series.group_value === null) return 'all schools';
  const label = LABELS[series.group_value] ?? series.group_value;
  return series.group_kind === 'age_phase' ? `${label} age` : `${label} settings`;
}

/** How the limits were computed, for the caption: the series shown, the screening used, trial limits. */
export function methodText(series: SpcSeries): string {
  const screening = series.screened
    ? 'Limits use the average moving range after screening out moving ranges of 3.267 × the average or more (NHSRplotthedots default).'
    : 'Limits use the average of all moving ranges, without screening (as the Making Data Count Excel tool).';
  const trial = series.trial ? ' Trial limits: fewer than 13 months, so treat them as provisional.' : '';
  return `${series.seriesNote} ${screening}${trial}`;
}

const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const about = (v: number) => (v >= 10 ? WHOLE.format(Math.round(v)) : ONE.format(v));
const ONE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "SLT referrals from early-years settings", "OT referrals for secondary-age children", "SLT referrals". */
export function seriesSubject(series: Pick<SpcSeries, 'service' | 'group_kind' | 'group_value'>): string {
  const label = (LABELS[series.group_value ?? ''] ?? series.group_value ?? '').toLowerCase();
  if (series.group_kind === 'area' || series.group_value === null) return `${series.service} referrals`;
  if (series.group_kind === 'age_phase') {
    return series.group_value === 'early_years' ? `${series.service} referrals for children in the early years` : `${series.service} referrals for ${label}${series.group_value === 'post16' ? '' : '-age'} children`;
  }
  return `${series.service} referrals from ${label} ${series.group_value === 'mainstream' || series.group_value === 'special' || series.group_value === 'independent' ? 'schools' : 'settings'}`;
}

/**
 * One line a planner can act on: a sustained shift ("rose from about 42 to 61 a month from May 2025 (sustained
 * shift)"), an unusual latest period, steady demand, or why the series is not judged. Uses the change point in force,
 * else the first one proposed, so the reading is the same before and after the planner accepts it.
 */
export function seriesReading(series: SpcSeries): string {
  const subject = seriesSubject(series);
  const per = series.period === 'quarter' ? 'every 3 months' : 'a month';
  if (series.period === 'none' || series.tooFewForSpc !== null) {
    return `${subject}: too few referrals for SPC, so no verdict; the counts are in the table.`;
  }
  const adjusted = series.series === 'seasonally_adjusted' ? ' (seasonally adjusted)' : '';
  const applied = series.segments.length > 1 ? series.segments.at(-1) : undefined;
  const previous = series.segments.at(-2);
  const shift = applied && previous
    ? { month: applied.from, before: previous.mean, after: applied.mean, proposed: false }
    : series.proposed[0] ? { ...series.proposed[0], proposed: true } : null;
  if (shift) {
    const verb = shift.after > shift.before ? 'rose' : 'fell';
    return `${subject} ${verb} from about ${about(shift.before)} to ${about(shift.after)} ${per}${adjusted} from ${formatMonth(shift.month)} `
      + `(sustained shift${shift.proposed ? '; new limits proposed' : '; limits recalculated from then'}).`;
  }
  const latest = [...series.points].reverse().find((p) => p.judged && p.value !== null);
  const when = latest ? periodName(latest) : 'the latest period';
  if (series.icon === 'special_cause_high') return `${subject} were unusually high in ${when}: about ${about(latest?.value ?? NaN)} against a usual ${about(series.mean)} ${per}${adjusted}.`;
  if (series.icon === 'special_cause_low') return `${subject} were unusually low in ${when}: about ${about(latest?.value ?? NaN)} against a usual ${about(series.mean)} ${per}${adjusted}.`;
  return `${subject} are steady at about ${about(series.mean)} ${per}${adjusted}: only common-cause variation in ${when}.`;
}

/** "Aug 2026", or "Jun–Aug 2026" for a 3-month period. */
export function periodName(p: { month: string; lastMonth: string }): string {
  return p.lastMonth === p.month ? formatMonth(p.month) : `${formatMonth(p.month).slice(0, 3)}–${formatMonth(p.lastMonth)}`;
}
