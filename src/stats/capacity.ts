// Queue-based capacity planning for waiting lists (METHODS §8), after NHSRwaitinglist (MIT; re-implemented from
// its published formulas). Units: demand and capacity per week, waits in weeks, queues in children.
//
// Why "target ÷ 4": if waits are roughly exponential, a mean wait of target/4 leaves e⁻⁴ ≈ 2% waiting longer than
// the target, so planning to that mean is planning to meet the target for about 98% of children.

export interface CapacityAssumption<T> {
  value: T;
  source: string;
}

/** Every default a calculation uses, with where it comes from; all are user settings, never hidden constants. */
export const CAPACITY_DEFAULTS = {
  targetWeeks: {
    value: 18,
    source: '18 weeks: the NHS referral-to-treatment standard, against which community children\'s SLT and OT waits are reported (METHODS §8, §9).',
  },
  factor: {
    value: 4,
    source: 'NHSRwaitinglist default: target mean wait = target wait ÷ 4 (about 98% seen within the target if waits are exponential).',
  },
  cvDemand: {
    value: 1,
    source: 'NHSRwaitinglist default: coefficient of variation 1, as for random (Poisson) arrivals.',
  },
  cvCapacity: {
    value: 1,
    source: 'NHSRwaitinglist default: coefficient of variation 1 for the number of children seen each week.',
  },
  reliefWeeks: {
    value: 26,
    source: 'NHSRwaitinglist default: bring the queue to its target over 26 weeks (six months).',
  },
  productiveHoursPerFte: {
    value: 22.5,
    source: 'Assumption, not a national figure: 60% of a 37.5-hour Agenda for Change week in clinical contact; replace with your service\'s job-plan figure.',
  },
} as const satisfies Record<string, CapacityAssumption<number>>;

/** Mean wait that meets the target for about 98% of children: target ÷ factor (default 4). */
export function targetMeanWait(targetWeeks: number, factor: number = CAPACITY_DEFAULTS.factor.value): number {
  return targetWeeks / factor;
}

/**
 * Weekly capacity needed to hold the mean wait at target ÷ factor in a steady queue: demand plus a margin that grows
 * with the variability of arrivals and of capacity (Kingman-type approximation used by NHSRwaitinglist).
 */
export function targetCapacity(
  demandPerWeek: number,
  targetWeeks: number,
  cvDemand: number = CAPACITY_DEFAULTS.cvDemand.value,
  cvCapacity: number = CAPACITY_DEFAULTS.cvCapacity.value,
  factor: number = CAPACITY_DEFAULTS.factor.value,
): number {
  return demandPerWeek + ((cvDemand ** 2 + cvCapacity ** 2) / 2) * (factor / targetWeeks);
}

/** Little's law: the queue that goes with the target mean wait, demand × target mean wait. */
export function targetQueueSize(demandPerWeek: number, targetWeeks: number, factor: number = CAPACITY_DEFAULTS.factor.value): number {
  return demandPerWeek * targetMeanWait(targetWeeks, factor);
}

/** Weekly capacity that clears the excess queue (queue − target queue) over `weeks` while meeting demand. */
export function reliefCapacity(
  demandPerWeek: number,
  queue: number,
  targetQueue: number,
  weeks: number = CAPACITY_DEFAULTS.reliefWeeks.value,
): number {
  return demandPerWeek + (queue - targetQueue) / weeks;
}

/** 2 × mean wait ÷ target: above 1, the target will probably be missed. */
export function waitPressure(meanWait: number, targetWeeks: number): number {
  return (2 * meanWait) / targetWeeks;
}

/** Whole-time equivalents: capacity (hours a week) ÷ productive hours per FTE a week (a stated user setting). */
export function fteRequired(
  capacityHoursPerWeek: number,
  productiveHoursPerFte: number = CAPACITY_DEFAULTS.productiveHoursPerFte.value,
): number {
  if (!(productiveHoursPerFte > 0)) return NaN;
  return capacityHoursPerWeek / productiveHoursPerFte;
}
