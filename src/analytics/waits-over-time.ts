// Waits over time (METHODS §5, §8): for each service, month by month, the median wait of children seen, the % seen
// within the target and the waiting list at the month's end, each as an XmR chart with its target and the Making
// Data Count assurance icon. Every count passes the disclosure gate; `waitsOverTimeSeries` is a pure function of the
// published counts (and a month's median is shown only beside a published "seen" of 10 or more).
import type { CountQuery, Published } from '../disclosure/index.ts';
import { assurance, type Assurance } from '../stats/assurance.ts';
import { xmrChart, type XmrResult } from '../stats/spc.ts';
import type { Filters, Period } from './filters.ts';
import { gateOf } from './gate.ts';
import { MIN_SEEN_FOR_QUANTILES } from './waits.ts';
import { periodParams } from './params.ts';
import type { AnalyticsSettings } from './settings.ts';

export interface WaitsMonth { month: string; seen: number | 'c'; seenWithin: number | 'c'; medianWeeks: number | null; waiting: number | 'c' }

export interface WaitsMeasure {
  key: 'median_weeks' | 'pct_within' | 'waiting';
  label: string;
  unit: string;
  target: number | null;
  higherIsBetter: boolean | null;
  points: { month: string; value: number | null; rule: string | null; side: 'high' | 'low' | null }[];
  chart: Omit<XmrResult, 'points'> | null;
  assurance: Assurance | null;
}

/** Medians are shown only for 10 or more seen (METHODS §7); % within only when both counts are published. */
export function waitsOverTimeSeries(months: readonly WaitsMonth[], targetWeeks: number, targetShare: number): WaitsMeasure[] {
  const pct = months.map((m) => (typeof m.seen === 'number' && typeof m.seenWithin === 'number' && m.seen >= 10 ? (100 * m.seenWithin) / m.seen : null));
  const median = months.map((m) => m.medianWeeks);
  const waiting = months.map((m) => (typeof m.waiting === 'number' ? m.waiting : null));
  const measure = (key: WaitsMeasure['key'], label: string, unit: string, values: (number | null)[], target: number | null, higherIsBetter: boolean | null): WaitsMeasure => {
    const shown = values.flatMap((v, i) => (v === null ? [] : [[i, v] as const]));
    const result = shown.length >= 2 ? xmrChart(shown.map(([, v]) => v), { measure: 'rate' }) : null;
    const labels = new Map(shown.map(([i], j) => [i, result?.points[j]]));
    const { points: _omit, ...chart } = result ?? { points: [] };
    const limitsOk = result !== null && result.tooFewForSpc === null;
    return {
      key, label, unit, target, higherIsBetter,
      points: months.map((m, i) => ({ month: m.month, value: values[i] ?? null, rule: limitsOk ? labels.get(i)?.rule ?? null : null, side: limitsOk ? labels.get(i)?.side ?? null : null })),
      chart: result ? (chart as Omit<XmrResult, 'points'>) : null,
      assurance: limitsOk && target !== null && higherIsBetter !== null ? assurance(result.lowerProcessLimit, result.upperProcessLimit, target, higherIsBetter) : null,
    };
  };
  return [
    measure('pct_within', `% seen within ${targetWeeks} weeks`, '%', pct, targetShare * 100, true),
    measure('median_weeks', 'Median wait of children seen', 'weeks', median, targetWeeks, false),
    measure('waiting', 'Children waiting at the end of the month', 'children', waiting, null, null),
  ];
}

export interface WaitsOverTime { service: string; measures: WaitsMeasure[] }

export async function waitsOverTime(
  run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings, targetWeeks: number, targetShare: number,
): Promise<Published<WaitsOverTime[]>> {
  const gate = gateOf(settings);
  const rows = await run('waits-monthly', [...periodParams(filters, period), filters.locality, targetWeeks]);
  const services = [...new Set(rows.map((r) => r.service))];
  return gate.publish(services.map((service) => ({
    service,
    measures: waitsOverTimeSeries(rows.filter((r) => r.service === service).map((r) => {
      const seen = gate.count(r.seen);
      return {
        month: r.month, seen, seenWithin: gate.count(r.seen_within_target),
        medianWeeks: typeof seen === 'number' && seen >= MIN_SEEN_FOR_QUANTILES ? r.median_weeks : null, waiting: gate.count(r.waiting),
      };
    }), targetWeeks, targetShare),
  })));
}
