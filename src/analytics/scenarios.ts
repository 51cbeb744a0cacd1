// From the workforce plan's published figures (demand, waiting list, hours per child, FTE) and the waiting list by
// weeks waited, the inputs of the capacity answer and of the what-if projections (src/stats/capacity-plan.ts).
// Pure: every number comes from the counts passed in, so the disclosure gate's published counts can be fed in.
import {
  capacityPlan, fteToReachByProjection, monthTargetMet, perWeekOfFte, PLAN_DEFAULTS, projectScenario, reconcile, type CapacityPlan, type PlanInput,
  type ReconciliationRow,
} from '../stats/capacity-plan.ts';
import { CAPACITY_DEFAULTS } from '../stats/capacity.ts';
import { cohortsFromBands, WEEKS_PER_MONTH, type QueueMonth } from '../stats/queue-projection.ts';
import type { WaitingListBand } from './waits.ts';
import type { WorkforcePlan } from './workforce.ts';

export interface PlanSettings {
  targetWeeks: number;
  productiveHoursPerFte: number;
  /** 0–1 */
  indirectShare: number;
  monthsToTarget: number;
  /** Months to project (12–24). */
  horizon: number;
}

export interface Scenario {
  /** FTE in post in the scenario (null = as now). */
  fte: number | null;
  /** Referral growth a year beyond the forecast, 0.05 = 5%. */
  growthPerYear: number;
  /** 0–1: extra share of referrals met by support in schools, so they never join the list. */
  schoolShare: number;
}

export const DEFAULT_SCENARIO: Scenario = { fte: null, growthPerYear: 0, schoolShare: 0 };

/** The Demand view's defaults (?plan= empty): 18 weeks, 22.5 productive hours, 40% indirect, 12 months, 24 projected. */
export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  targetWeeks: CAPACITY_DEFAULTS.targetWeeks.value, productiveHoursPerFte: CAPACITY_DEFAULTS.productiveHoursPerFte.value,
  indirectShare: PLAN_DEFAULTS.indirectShare.value, monthsToTarget: PLAN_DEFAULTS.monthsToTarget.value, horizon: 24,
};

/** A hidden band (1–4 children) is taken as 2.5 for the projection, and the projection says so. */
export const HIDDEN_BAND_ESTIMATE = 2.5;

/** '0-6 weeks' → 0..6; '52+ weeks' → 52..open. */
export function bandWeeks(band: string): { fromWeeks: number; toWeeks: number | null } | null {
  const range = /^(\d+)\s*[-–]\s*(\d+) weeks$/.exec(band);
  if (range) return { fromWeeks: Number(range[1]), toWeeks: Number(range[2]) };
  const open = /^(\d+)\+ weeks$/.exec(band);
  return open ? { fromWeeks: Number(open[1]), toWeeks: null } : null;
}

export interface PlannedService {
  service: string;
  input: PlanInput;
  plan: CapacityPlan;
  initial: { waitedMonths: number; count: number }[];
  /** Accepted referrals a month from the forecast, before any scenario growth. */
  arrivalsPerMonth: number[];
  hiddenBands: number;
  /** FTE in post → available for direct work → needed to hold and reach → gap (null without workforce data). */
  reconciliation: ReconciliationRow[] | null;
  projections: { name: string; fte: number; months: QueueMonth[]; targetMetFrom: number | null }[];
}

export function planService(
  workforce: WorkforcePlan, bands: readonly WaitingListBand[], settings: PlanSettings, scenario: Scenario,
): PlannedService | null {
  if (typeof workforce.waiting !== 'number') return null;
  const own = bands.filter((b) => b.service === workforce.service);
  const parsed = own.flatMap((b) => {
    const weeks = bandWeeks(b.band);
    return weeks ? [{ ...weeks, count: b.waiting === 'c' ? HIDDEN_BAND_ESTIMATE : b.waiting }] : [];
  });
  const input: PlanInput = {
    demandPerWeek: workforce.demandPerWeek, cvDemand: workforce.cvDemand, cvCapacity: workforce.assumptions.cvCapacity,
    waiting: workforce.waiting, targetWeeks: settings.targetWeeks, monthsToTarget: settings.monthsToTarget,
    hoursPerChild: workforce.hoursPerReferral, productiveHoursPerFte: settings.productiveHoursPerFte,
    indirectShare: settings.indirectShare, fteInPost: workforce.fteInPost, fteVacant: workforce.fteVacant,
  };
  const formula = capacityPlan(input);
  const forecast = workforce.forecast.map((p) => p.forecast * workforce.acceptedShare);
  // Beyond the 12-month forecast, the forecast's last year repeats (its seasonal pattern).
  const arrivalsPerMonth = Array.from({ length: settings.horizon }, (_, t) => forecast[t % Math.max(1, forecast.length)] ?? workforce.demandPerWeek * WEEKS_PER_MONTH);
  const initial = cohortsFromBands(parsed);
  // To reach: the fewest FTE with which the projection meets the target by the date (never fewer than to hold it).
  const reachFte = fteToReachByProjection(input, initial, arrivalsPerMonth, settings.monthsToTarget, PLAN_DEFAULTS.targetShare.value, formula.fteToHold) ?? NaN;
  const plan: CapacityPlan = {
    ...formula, fteToReach: reachFte, reachPerWeek: perWeekOfFte(reachFte, input),
    surplusToReach: input.fteInPost === null ? null : input.fteInPost - reachFte,
  };
  const project = (name: string, fte: number, s: Scenario) => {
    const months = projectScenario(input, initial, { fte, growthPerYear: s.growthPerYear, arrivalsPerMonth: arrivalsPerMonth.map((a) => a * (1 - s.schoolShare)) });
    return { name, fte, months, targetMetFrom: monthTargetMet(months, PLAN_DEFAULTS.targetShare.value) };
  };
  const inPost = workforce.fteInPost ?? 0;
  const projections = [
    project('Current plan: FTE in post now', inPost, DEFAULT_SCENARIO),
    project('Recommended: FTE to reach the target', plan.fteToReach, DEFAULT_SCENARIO),
    project('Your scenario', scenario.fte ?? inPost, scenario),
  ];
  return {
    service: workforce.service, input, plan, initial, arrivalsPerMonth, hiddenBands: own.filter((b) => b.waiting === 'c').length,
    reconciliation: reconcile(input, plan), projections,
  };
}

/** The capacity answer as one flat record per service (the report's `capacity_plan`): the same numbers as the view. */
export function capacityAnswerRecord(p: PlannedService) {
  const r = (v: number | null | undefined, places = 1) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** places) / 10 ** places);
  return {
    service: p.service,
    target_weeks: p.input.targetWeeks,
    months_to_target: p.input.monthsToTarget,
    productive_hours_per_fte: p.input.productiveHoursPerFte,
    indirect_share: p.input.indirectShare,
    direct_hours_per_child: r(p.input.hoursPerChild, 2),
    demand_per_week: r(p.input.demandPerWeek),
    waiting: p.input.waiting,
    fte_to_reach: r(p.plan.fteToReach),
    fte_to_hold: r(p.plan.fteToHold),
    fte_in_post: p.input.fteInPost,
    fte_vacant: p.input.fteVacant,
    gap_fte: r(p.plan.surplusToReach),
    current_plan_meets_target_from_month: p.projections[0]?.targetMetFrom ?? null,
    recommended_meets_target_from_month: p.projections[1]?.targetMetFrom ?? null,
  };
}
