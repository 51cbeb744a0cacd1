// Month-by-month projection of a waiting list (METHODS §8): children join each month (accepted referrals) and are
// seen first come, first served up to the month's capacity. A fluid (expected-value) model: it is checked against
// a discrete-event simulation of individual children in tests/unit/stats/queue-simulation.ts. Pure functions of the
// counts passed in (the waiting list by months waited, arrivals and capacity per month).

export const WEEKS_PER_MONTH = 52 / 12;

export interface QueueInput {
  /** Children waiting at the start, by whole months already waited (0 = referred in the latest month). */
  initial: readonly { waitedMonths: number; count: number }[];
  /** Children joining the list in each projected month. */
  arrivals: readonly number[];
  /** Children that can be seen (first contact) in each projected month. */
  capacity: readonly number[];
  /** Target wait in weeks (e.g. 18). */
  targetWeeks: number;
}

export interface QueueMonth {
  /** 1 = the first projected month. */
  step: number;
  arrivals: number;
  seen: number;
  /** Children waiting at the end of the month. */
  waiting: number;
  /** Of those waiting at the end of the month, how many have waited longer than the target. */
  waitingOverTarget: number;
  /** Share (0–1) of the children seen this month who were seen within the target wait; null when none were seen. */
  seenWithinTarget: number | null;
}

/**
 * A cohort referred in month a and seen in month s has waited about (s − a) months, counted from the middle of one
 * month to the middle of the other; it is within the target when (s − a) × 52/12 weeks ≤ target.
 */
export function projectQueue(input: QueueInput): QueueMonth[] {
  const months = Math.min(input.arrivals.length, input.capacity.length);
  // Oldest first: [months waited at the start of the month, children].
  const cohorts: [number, number][] = [...input.initial]
    .filter((c) => c.count > 0)
    .sort((a, b) => b.waitedMonths - a.waitedMonths)
    .map((c) => [c.waitedMonths + 1, c.count]);
  const within = (age: number) => age * WEEKS_PER_MONTH <= input.targetWeeks;
  const out: QueueMonth[] = [];
  for (let t = 0; t < months; t++) {
    const arrivals = Math.max(0, input.arrivals[t] as number);
    if (arrivals > 0) cohorts.push([0, arrivals]);
    let room = Math.max(0, input.capacity[t] as number);
    let seen = 0;
    let seenWithin = 0;
    while (room > 1e-12 && cohorts.length) {
      const oldest = cohorts[0] as [number, number];
      const take = Math.min(room, oldest[1]);
      seen += take;
      if (within(oldest[0])) seenWithin += take;
      room -= take;
      oldest[1] -= take;
      if (oldest[1] <= 1e-12) cohorts.shift();
    }
    for (const c of cohorts) c[0] += 1;
    const waiting = cohorts.reduce((s, c) => s + c[1], 0);
    // At the end of the month a cohort has waited about (age − 0.5) months.
    const waitingOverTarget = cohorts.filter((c) => (c[0] - 0.5) * WEEKS_PER_MONTH > input.targetWeeks).reduce((s, c) => s + c[1], 0);
    out.push({ step: t + 1, arrivals, seen, waiting, waitingOverTarget, seenWithinTarget: seen > 0 ? seenWithin / seen : null });
  }
  return out;
}

/**
 * The waiting list by months waited, from counts in wait bands (e.g. 0–6, 6–18, 18–52, 52+ weeks): each band's
 * children are spread evenly over its months (an open band is taken as 12 months wide).
 */
export function cohortsFromBands(bands: readonly { fromWeeks: number; toWeeks: number | null; count: number }[]): { waitedMonths: number; count: number }[] {
  const byMonth = new Map<number, number>();
  for (const band of bands) {
    const from = Math.floor(band.fromWeeks / WEEKS_PER_MONTH);
    const to = Math.max(from + 1, Math.ceil((band.toWeeks ?? band.fromWeeks + 52) / WEEKS_PER_MONTH));
    for (let m = from; m < to; m++) byMonth.set(m, (byMonth.get(m) ?? 0) + band.count / (to - from));
  }
  return [...byMonth].map(([waitedMonths, count]) => ({ waitedMonths, count })).sort((a, b) => a.waitedMonths - b.waitedMonths);
}
