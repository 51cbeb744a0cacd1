// One capacity answer (METHODS §8): from forecast demand, the waiting list and the target, the therapists (FTE in
// post) needed to REACH the target by a chosen date and then to HOLD it, reconciled with the FTE in post through
// visible assumptions: productive clinical hours per FTE, the share of clinical time spent on indirect work, and
// vacancies (funded posts nobody fills deliver nothing). The same capacities drive the month-by-month projection,
// so the FTE answer and the projected waits cannot disagree. Pure functions of the numbers passed in.
import { reliefCapacity, targetCapacity, targetQueueSize, type CapacityAssumption } from './capacity.ts';
import { projectQueue, WEEKS_PER_MONTH, type QueueMonth } from './queue-projection.ts';

export const PLAN_DEFAULTS = {
  indirectShare: {
    value: 0.4,
    source: 'Assumption, not a national figure: 40% of clinical hours go on indirect work for the caseload (reports, EHC plan advice, liaison with schools and families, travel between settings). Replace it with your job-plan or activity data.',
  },
  targetShare: {
    value: 0.92,
    source: '92%: the share seen within 18 weeks in the NHS referral-to-treatment standard, used here as the pass mark for the projection.',
  },
  monthsToTarget: {
    value: 12,
    source: 'Reach the target within 12 months; choose your own date.',
  },
} as const satisfies Record<string, CapacityAssumption<number>>;

export interface PlanInput {
  /** Accepted referrals a week (the forecast). */
  demandPerWeek: number;
  cvDemand: number;
  cvCapacity: number;
  /** Children waiting now. */
  waiting: number;
  targetWeeks: number;
  /** Months from now by which the target should be reached. */
  monthsToTarget: number;
  /** Direct therapist hours per child accepted. */
  hoursPerChild: number;
  productiveHoursPerFte: number;
  /** 0–1: share of productive hours spent on indirect work. */
  indirectShare: number;
  fteInPost: number | null;
  fteVacant: number | null;
}

export interface CapacityPlan {
  targetQueue: number;
  /** Children a week to hold the target once reached (NHSRwaitinglist target capacity). */
  holdPerWeek: number;
  /** Children a week until the chosen date: clears the excess list by then, and never less than holdPerWeek. */
  reachPerWeek: number;
  /** Direct hours one FTE in post gives children on the list each week: productive hours × (1 − indirect share). */
  directHoursPerFte: number;
  fteToReach: number;
  fteToHold: number;
  /** Children a week the FTE in post can see at these assumptions (null without workforce data). */
  inPostPerWeek: number | null;
  /** FTE in post minus FTE to reach (negative = short). */
  surplusToReach: number | null;
}

export function capacityPlan(input: PlanInput): CapacityPlan {
  const targetQueue = targetQueueSize(input.demandPerWeek, input.targetWeeks);
  const holdPerWeek = targetCapacity(input.demandPerWeek, input.targetWeeks, input.cvDemand, input.cvCapacity);
  const weeks = Math.max(1, input.monthsToTarget) * WEEKS_PER_MONTH;
  const reachPerWeek = Math.max(holdPerWeek, reliefCapacity(input.demandPerWeek, input.waiting, targetQueue, weeks));
  const directHoursPerFte = input.productiveHoursPerFte * (1 - input.indirectShare);
  const fte = (perWeek: number) => (directHoursPerFte > 0 ? (perWeek * input.hoursPerChild) / directHoursPerFte : NaN);
  const inPostPerWeek = input.fteInPost === null || !(input.hoursPerChild > 0) ? null : (input.fteInPost * directHoursPerFte) / input.hoursPerChild;
  const fteToReach = fte(reachPerWeek);
  return {
    targetQueue, holdPerWeek, reachPerWeek, directHoursPerFte,
    fteToReach, fteToHold: fte(holdPerWeek),
    inPostPerWeek,
    surplusToReach: input.fteInPost === null ? null : input.fteInPost - fteToReach,
  };
}

/** Children a week that `fte` in post can see, at the plan's assumptions. */
export function perWeekOfFte(fte: number, input: Pick<PlanInput, 'hoursPerChild' | 'productiveHoursPerFte' | 'indirectShare'>): number {
  return input.hoursPerChild > 0 ? (fte * input.productiveHoursPerFte * (1 - input.indirectShare)) / input.hoursPerChild : 0;
}

export interface ScenarioInput {
  /** FTE in post in each month of the scenario (a single number = constant). */
  fte: number;
  /** Referral growth, e.g. 0.05 = 5% more referrals a year, compounding monthly. */
  growthPerYear: number;
  /** Arrivals per month before growth (accepted referrals). */
  arrivalsPerMonth: readonly number[];
}

/** Month-by-month projection of a scenario: arrivals grown by the scenario's rate, capacity from its FTE. */
export function projectScenario(
  plan: Pick<PlanInput, 'hoursPerChild' | 'productiveHoursPerFte' | 'indirectShare' | 'targetWeeks'>,
  initial: readonly { waitedMonths: number; count: number }[],
  scenario: ScenarioInput,
): QueueMonth[] {
  const monthly = (1 + scenario.growthPerYear) ** (1 / 12);
  const arrivals = scenario.arrivalsPerMonth.map((a, t) => a * monthly ** (t + 1));
  const capacity = arrivals.map(() => perWeekOfFte(scenario.fte, plan) * WEEKS_PER_MONTH);
  return projectQueue({ initial, arrivals, capacity, targetWeeks: plan.targetWeeks });
}

/** The first projected month from which every later month has at least `share` seen within the target (or null). */
export function monthTargetMet(months: readonly QueueMonth[], share: number): number | null {
  let first: number | null = null;
  for (const m of months) {
    const ok = m.seenWithinTarget === null || m.seenWithinTarget >= share;
    if (ok && first === null) first = m.step;
    if (!ok) first = null;
  }
  return first;
}

/**
 * The fewest FTE in post (at least `minFte`, the FTE to hold the target) with which the projection has `share` or
 * more seen within the target from month `byMonth` on, found by bisection to 0.05 FTE; null if even 500 FTE do not.
 * This is what "FTE to reach the target by the date" means everywhere, so the answer and the projection agree.
 */
export function fteToReachByProjection(
  plan: Pick<PlanInput, 'hoursPerChild' | 'productiveHoursPerFte' | 'indirectShare' | 'targetWeeks'>,
  initial: readonly { waitedMonths: number; count: number }[],
  arrivalsPerMonth: readonly number[],
  byMonth: number,
  share: number,
  minFte: number,
): number | null {
  const meets = (fte: number) => {
    const met = monthTargetMet(projectScenario(plan, initial, { fte, growthPerYear: 0, arrivalsPerMonth }), share);
    return met !== null && met <= byMonth;
  };
  const low0 = Math.max(0, minFte);
  if (meets(low0)) return low0;
  let high = Math.max(1, low0 * 2);
  while (!meets(high)) {
    high *= 2;
    if (high > 500) return null;
  }
  let low = low0;
  while (high - low > 0.05) {
    const mid = (low + high) / 2;
    if (meets(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** Contracted hours of one FTE a week: the Agenda for Change full-time week (a stated constant, not a setting). */
export const CONTRACTED_HOURS_PER_FTE = 37.5;

export interface ReconciliationRow {
  /** Stable key: in_post, productive, direct, hold, backlog, reach, gap, vacant. */
  readonly key: 'in_post' | 'productive' | 'direct' | 'hold' | 'backlog' | 'reach' | 'gap' | 'vacant';
  readonly step: string;
  /** FTE in post the row stands for (null where the row is a share of the same FTE). */
  readonly fte: number | null;
  /** Hours a week. */
  readonly hoursPerWeek: number;
  /** Children a week those direct hours see (null for hours that are not direct work). */
  readonly childrenPerWeek: number | null;
}

/**
 * FTE in post → hours available for direct work → FTE needed to hold and to reach the target → the gap, in FTE,
 * hours a week and children a week, so the assumptions that separate "in post" from "needed" are each a visible
 * line: contracted hours, productive clinical hours, indirect work, the backlog to clear, and vacancies.
 * `fteToReach` and `fteToHold` come from the plan (the projection's answer), so the table and the projection agree.
 */
export function reconcile(
  input: Pick<PlanInput, 'hoursPerChild' | 'productiveHoursPerFte' | 'indirectShare' | 'fteInPost' | 'fteVacant'>,
  plan: Pick<CapacityPlan, 'fteToReach' | 'fteToHold'>,
): ReconciliationRow[] | null {
  if (input.fteInPost === null) return null;
  const direct = input.productiveHoursPerFte * (1 - input.indirectShare);
  const children = (hours: number) => (input.hoursPerChild > 0 ? hours / input.hoursPerChild : 0);
  const line = (key: ReconciliationRow['key'], step: string, fte: number | null, hours: number, seen: boolean): ReconciliationRow => ({
    key, step, fte, hoursPerWeek: hours, childrenPerWeek: seen ? children(hours) : null,
  });
  const inPost = input.fteInPost;
  const pct = Math.round(input.indirectShare * 100);
  const rows: ReconciliationRow[] = [
    line('in_post', 'FTE in post', inPost, inPost * CONTRACTED_HOURS_PER_FTE, false),
    line('productive', 'Productive clinical time', null, inPost * input.productiveHoursPerFte, false),
    line('direct', `Available for direct work (after ${pct}% indirect)`, null, inPost * direct, true),
    line('hold', 'Needed to hold the target', plan.fteToHold, plan.fteToHold * direct, true),
    line('backlog', 'Extra to clear the backlog by the date', plan.fteToReach - plan.fteToHold, (plan.fteToReach - plan.fteToHold) * direct, true),
    line('reach', 'Needed to reach the target by the date', plan.fteToReach, plan.fteToReach * direct, true),
    line('gap', 'Gap (negative = short)', inPost - plan.fteToReach, (inPost - plan.fteToReach) * direct, true),
  ];
  if (input.fteVacant !== null && input.fteVacant > 0) {
    rows.push(line('vacant', 'Vacant posts', input.fteVacant, input.fteVacant * direct, true));
  }
  return rows;
}
