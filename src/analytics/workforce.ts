// Workforce planning: a 12-month forecast of referrals per service with a prediction interval, turned into the
// weekly capacity and therapists (FTE in post) needed to meet a target wait with the queue formulas of METHODS §8,
// against the FTE in post. Every assumption is in `CapacityAssumptions` with its default stated. The FTE allow for
// indirect work as the capacity answer does (scenarios.ts), so the two never give different FTE for the same thing.
// Every count (monthly referrals, accepted, waiting) passes the disclosure gate first; the forecast, demand,
// pressure and FTE are worked out from the published counts.
import type { CountQuery, Published } from '../disclosure/index.ts';
import {
  CAPACITY_DEFAULTS, fteRequired, forecastMonthly, reliefCapacity, targetCapacity, targetQueueSize, waitPressure,
} from '../stats/index.ts';
import { PLAN_DEFAULTS } from '../stats/capacity-plan.ts';
import { addMonths, type Filters, type Period } from './filters.ts';
import { gateOf } from './gate.ts';
import { periodParams } from './params.ts';
import type { AnalyticsSettings } from './settings.ts';

export interface CapacityAssumptions {
  /** Target wait from referral to first contact (weeks). Default 18, the NHS community services standard. */
  readonly targetWaitWeeks: number;
  /** Productive (clinical) hours per FTE per week. Default 22.5: 60% of a 37.5-hour week. */
  readonly productiveHoursPerFte: number;
  /** Therapist hours per accepted referral; null = derived from the data (direct hours ÷ accepted referrals). */
  readonly hoursPerReferral: number | null;
  /** Coefficient of variation of the number seen each week. Default 1 (NHSRwaitinglist's default). */
  readonly cvCapacity: number;
  /** 0–1: share of productive hours on indirect work. Default 0.4 (PLAN_DEFAULTS.indirectShare). */
  readonly indirectShare: number;
}

export const DEFAULT_CAPACITY: CapacityAssumptions = {
  targetWaitWeeks: CAPACITY_DEFAULTS.targetWeeks.value,
  productiveHoursPerFte: CAPACITY_DEFAULTS.productiveHoursPerFte.value,
  hoursPerReferral: null,
  cvCapacity: CAPACITY_DEFAULTS.cvCapacity.value,
  indirectShare: PLAN_DEFAULTS.indirectShare.value,
};

export const WEEKS_PER_MONTH = 52 / 12;

export interface WorkforcePlan {
  service: string;
  forecastMethod: string;
  forecast: { month: string; forecast: number; lower: number; upper: number }[];
  /** Accepted referrals per week over the next 12 months (forecast × acceptance share). */
  demandPerWeek: number;
  acceptedShare: number;
  cvDemand: number;
  hoursPerReferral: number;
  hoursPerReferralSource: string;
  /** Children on the waiting list at the end of the period ("c" when 1–4). */
  waiting: number | 'c';
  targetQueue: number;
  targetCapacityPerWeek: number;
  reliefCapacityPerWeek: number | 'c';
  /** "c" whenever `waiting` is: each could be worked back to the waiting count. */
  pressure: number | 'c';
  /** FTE in post to hold the target: target capacity × hours per referral ÷ direct hours per FTE. */
  fteForTarget: number;
  /** FTE in post to clear the excess list in 26 weeks (NHSRwaitinglist relief capacity), same basis. */
  fteForRelief: number | 'c';
  fteInPost: number | null;
  fteVacant: number | null;
  assumptions: CapacityAssumptions;
}

function coefficientOfVariation(values: number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (!(mean > 0)) return 0;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return Math.sqrt(variance) / mean;
}

export async function workforcePlans(
  run: CountQuery, filters: Filters, period: Period, settings: AnalyticsSettings,
  assumptions: CapacityAssumptions = DEFAULT_CAPACITY,
): Promise<Published<WorkforcePlan[]>> {
  const gate = gateOf(settings);
  const monthly = (await run('monthly-referrals', [...periodParams(filters, period), filters.locality, null]))
    .filter((r) => r.group_kind === 'area');
  const lastYear = { ...period, from: addMonths(period.to, -11) };
  const summaries = await run('demand-summary', [...periodParams(filters, lastYear), filters.locality]);
  const staff = await run('workforce-monthly', [...periodParams(filters, period)]);
  const plans = summaries.map((row): WorkforcePlan => {
    // A hidden month (1–4 referrals) enters the forecast at half the threshold: a constant, revealing nothing.
    const series = monthly.filter((r) => r.service === row.service).map((r) => {
      const v = gate.count(r.referrals);
      return { month: r.month, value: v === 'c' ? gate.threshold / 2 : v };
    });
    const referrals = gate.value(row.referrals) ?? 0;
    const accepted = gate.value(row.accepted) ?? 0;
    const waitingShown = gate.count(row.waiting);
    const waiting = waitingShown === 'c' ? null : waitingShown;
    const s = { service: row.service, referrals, accepted: Math.min(accepted, referrals), direct_hours: row.direct_hours };
    const fc = forecastMonthly(series, 12, 0.95);
    const acceptedShare = s.referrals > 0 ? s.accepted / s.referrals : 0;
    const meanForecast = fc.points.reduce((sum, p) => sum + p.forecast, 0) / Math.max(1, fc.points.length);
    const demandPerWeek = (meanForecast * acceptedShare) / WEEKS_PER_MONTH;
    const cvDemand = coefficientOfVariation(series.slice(-12).map((p) => p.value / WEEKS_PER_MONTH));
    const derived = s.accepted > 0 ? s.direct_hours / s.accepted : 0;
    const hoursPerReferral = assumptions.hoursPerReferral ?? derived;
    const targetQueue = targetQueueSize(demandPerWeek, assumptions.targetWaitWeeks);
    const capacity = targetCapacity(demandPerWeek, assumptions.targetWaitWeeks, cvDemand, assumptions.cvCapacity);
    const relief = waiting === null ? null : reliefCapacity(demandPerWeek, waiting, targetQueue);
    const latest = staff.filter((w) => w.service === s.service).at(-1);
    // Hours a week one FTE in post gives children on the list: productive hours less indirect work.
    const directHours = assumptions.productiveHoursPerFte * (1 - assumptions.indirectShare);
    return {
      service: s.service, forecastMethod: fc.method, forecast: fc.points,
      demandPerWeek, acceptedShare, cvDemand, hoursPerReferral,
      hoursPerReferralSource: assumptions.hoursPerReferral === null
        ? `derived: ${s.direct_hours.toFixed(0)} specialist and targeted therapist hours ÷ ${s.accepted} accepted referrals in the last 12 months`
        : 'set by the user',
      waiting: waitingShown, targetQueue,
      targetCapacityPerWeek: capacity, reliefCapacityPerWeek: relief ?? 'c',
      pressure: waiting === null ? 'c' : demandPerWeek > 0 ? waitPressure(waiting / demandPerWeek, assumptions.targetWaitWeeks) : 0,
      fteForTarget: fteRequired(capacity * hoursPerReferral, directHours),
      fteForRelief: relief === null ? 'c' : fteRequired(relief * hoursPerReferral, directHours),
      fteInPost: latest?.fte_in_post ?? null, fteVacant: latest?.fte_vacant ?? null,
      assumptions,
    };
  });
  return gate.publish(plans);
}
