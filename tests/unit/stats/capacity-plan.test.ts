// The queue projection against a discrete-event simulation, worked examples by hand, and the capacity answer
// agreeing with the projection (METHODS §8).
import { describe, expect, it } from 'vitest';
import { capacityPlan, fteToReachByProjection, monthTargetMet, perWeekOfFte, projectScenario, reconcile } from '../../../src/stats/capacity-plan.ts';
import { cohortsFromBands, projectQueue, WEEKS_PER_MONTH } from '../../../src/stats/queue-projection.ts';
import { simulationBand } from './queue-simulation.ts';

describe('projectQueue by hand', () => {
  it('serves the oldest first and counts who was seen within the target', () => {
    const out = projectQueue({ initial: [{ waitedMonths: 5, count: 10 }], arrivals: [4, 4], capacity: [6, 6], targetWeeks: 18 });
    // Month 1: 6 of the 10 who have waited 6 months (26 weeks, over target) are seen; 4 of them and 4 new remain.
    expect(out[0]).toEqual({ step: 1, arrivals: 4, seen: 6, waiting: 8, waitingOverTarget: 4, seenWithinTarget: 0 });
    // Month 2: the last 4 long waiters, then 2 of month 1's (1 month ≈ 4.3 weeks): 2 of 6 within 18 weeks.
    expect(out[1]).toEqual({ step: 2, arrivals: 4, seen: 6, waiting: 6, waitingOverTarget: 0, seenWithinTarget: 2 / 6 });
  });

  it('spreads wait bands over their months', () => {
    const cohorts = cohortsFromBands([{ fromWeeks: 0, toWeeks: 6, count: 20 }, { fromWeeks: 52, toWeeks: null, count: 12 }]);
    // 0–6 weeks: months 0 and 1 (6 weeks = 1.4 months → 2 months), 10 each; 52+ weeks: months 12–23, 1 each.
    expect(cohorts.slice(0, 2)).toEqual([{ waitedMonths: 0, count: 10 }, { waitedMonths: 1, count: 10 }]);
    expect(cohorts.filter((c) => c.waitedMonths >= 12)).toHaveLength(12);
    expect(cohorts.reduce((s, c) => s + c.count, 0)).toBeCloseTo(32, 10);
  });
});

describe('projectQueue against a discrete-event simulation (same arrivals, capacity and initial list)', () => {
  const initial = [{ waitedMonths: 0, count: 60 }, { waitedMonths: 1, count: 60 }, { waitedMonths: 2, count: 60 }, { waitedMonths: 3, count: 60 }, { waitedMonths: 4, count: 60 }, { waitedMonths: 6, count: 40 }];
  const cases: [string, number[], number[]][] = [
    ['a growing list (capacity under demand)', Array(24).fill(60), Array(24).fill(52)],
    ['a list being cleared, then held', Array(24).fill(60), Array(24).fill(80)],
    ['rising demand and a step up in capacity', Array.from({ length: 18 }, (_, t) => 50 + 2 * t), [...Array(6).fill(55), ...Array(12).fill(90)]],
  ];
  it.each(cases)('%s: projected list sizes sit inside the simulation\'s 95% band every month', (_, arrivals, capacity) => {
    const projected = projectQueue({ initial, arrivals, capacity, targetWeeks: 18 });
    const band = simulationBand({ initial, arrivals, capacity }, 400);
    projected.forEach((m, i) => {
      const b = band[i] as { lower: number; upper: number };
      expect(m.waiting, `month ${i + 1}: ${m.waiting.toFixed(1)} outside [${b.lower}, ${b.upper}]`).toBeGreaterThanOrEqual(b.lower);
      expect(m.waiting, `month ${i + 1}`).toBeLessThanOrEqual(b.upper);
    });
    // The band is not so wide that anything passes: it is narrower than half the initial list in every month.
    expect(band.every((b) => b.upper - b.lower < 170)).toBe(true);
  });

  it('the check can fail: a projection with 15% less capacity leaves the band', () => {
    const arrivals = Array(24).fill(60);
    const band = simulationBand({ initial, arrivals, capacity: Array(24).fill(52) }, 400);
    const wrong = projectQueue({ initial, arrivals, capacity: Array(24).fill(52 * 0.85), targetWeeks: 18 });
    expect(wrong.some((m, i) => m.waiting > (band[i] as { upper: number }).upper)).toBe(true);
  });
});

describe('capacityPlan', () => {
  const input = {
    demandPerWeek: 30, cvDemand: 1, cvCapacity: 1, waiting: 400, targetWeeks: 18, monthsToTarget: 12,
    hoursPerChild: 6, productiveHoursPerFte: 22.5, indirectShare: 0.4, fteInPost: 20, fteVacant: 2,
  };

  it('works out reach and hold capacity and FTE by hand', () => {
    const plan = capacityPlan(input);
    // Target queue 30 × 4.5 = 135; hold 30 + 4/18; reach 30 + (400 − 135) / 52 weeks.
    expect(plan.targetQueue).toBe(135);
    expect(plan.holdPerWeek).toBeCloseTo(30 + 4 / 18, 10);
    expect(plan.reachPerWeek).toBeCloseTo(30 + 265 / 52, 10);
    // Each FTE gives 22.5 × 0.6 = 13.5 direct hours a week.
    expect(plan.directHoursPerFte).toBeCloseTo(13.5, 10);
    expect(plan.fteToReach).toBeCloseTo(((30 + 265 / 52) * 6) / 13.5, 10);
    expect(plan.fteToHold).toBeCloseTo(((30 + 4 / 18) * 6) / 13.5, 10);
    expect(plan.inPostPerWeek).toBeCloseTo((20 * 13.5) / 6, 10);
  });

  it('agrees with the projection: the recommended FTE meets the target by the date, the FTE to hold alone does not clear the backlog', () => {
    const plan = capacityPlan(input);
    const arrivalsPerMonth = Array(24).fill(input.demandPerWeek * WEEKS_PER_MONTH);
    // The list now: 400 spread over 0–9 months waited.
    const initial = Array.from({ length: 10 }, (_, m) => ({ waitedMonths: m, count: 40 }));
    const reach = projectScenario(input, initial, { fte: plan.fteToReach, growthPerYear: 0, arrivalsPerMonth });
    const met = monthTargetMet(reach, 0.92);
    expect(met).not.toBeNull();
    expect(met as number).toBeLessThanOrEqual(input.monthsToTarget);
    expect((reach[input.monthsToTarget - 1] as { waiting: number }).waiting).toBeLessThanOrEqual(plan.targetQueue + 1e-6);
    const hold = projectScenario(input, initial, { fte: plan.fteToHold, growthPerYear: 0, arrivalsPerMonth });
    expect((hold[input.monthsToTarget - 1] as { waiting: number }).waiting).toBeGreaterThan(plan.targetQueue);
    // Capacity per FTE is the same in the plan and the projection.
    expect(perWeekOfFte(plan.fteToReach, input)).toBeCloseTo(plan.reachPerWeek, 10);
  });

  it('more referrals need more FTE in the projection', () => {
    const arrivalsPerMonth = Array(24).fill(130);
    const initial = [{ waitedMonths: 2, count: 200 }];
    // 12 FTE see 12 × 13.5 / 6 = 27 a week, about 117 a month: under demand.
    const flat = projectScenario(input, initial, { fte: 12, growthPerYear: 0, arrivalsPerMonth });
    const growing = projectScenario(input, initial, { fte: 12, growthPerYear: 0.2, arrivalsPerMonth });
    expect((growing[23] as { waiting: number }).waiting).toBeGreaterThan((flat[23] as { waiting: number }).waiting);
    // 20% a year compounding monthly: month 12 arrivals are 130 × 1.2.
    expect(growing[11]?.arrivals).toBeCloseTo(156, 8);
  });

  it('FTE to reach by a date: the fewest with which the projection meets the target by then, never fewer than to hold it', () => {
    const plan = capacityPlan(input);
    const arrivalsPerMonth = Array(24).fill(input.demandPerWeek * WEEKS_PER_MONTH);
    // 800 waiting: at about 131 seen a month that is a 6-month wait, over 18 weeks for ever.
    const initial = Array.from({ length: 10 }, (_, m) => ({ waitedMonths: m, count: 80 }));
    const reach = fteToReachByProjection(input, initial, arrivalsPerMonth, 6, 0.92, plan.fteToHold) as number;
    // At the FTE to hold, seeing about as many as join, the 9-month waiters are never reached in time.
    expect(reach).toBeGreaterThan(plan.fteToHold + 1);
    const metAt = (fte: number) => monthTargetMet(projectScenario(input, initial, { fte, growthPerYear: 0, arrivalsPerMonth }), 0.92);
    expect(metAt(reach) as number).toBeLessThanOrEqual(6);
    const fewer = metAt(reach - 0.1);
    expect(fewer === null || fewer > 6).toBe(true);
    // A later date needs no more FTE.
    expect(fteToReachByProjection(input, initial, arrivalsPerMonth, 12, 0.92, plan.fteToHold) as number).toBeLessThanOrEqual(reach);
  });
});

describe('reconcile: FTE in post → direct work → needed → gap', () => {
  const input = { hoursPerChild: 9, productiveHoursPerFte: 22.5, indirectShare: 0.4, fteInPost: 18, fteVacant: 3 };
  const rows = reconcile(input, { fteToReach: 21, fteToHold: 19.5 }) ?? [];
  const row = (key: string) => rows.find((r) => r.key === key);

  it('works each step out by hand', () => {
    expect(rows.map((r) => r.key)).toEqual(['in_post', 'productive', 'direct', 'hold', 'backlog', 'reach', 'gap', 'vacant']);
    // 18 FTE × 37.5 = 675 contracted hours; × 22.5 = 405 productive; × 0.6 = 243 direct = 27 children a week at 9 h.
    expect(row('in_post')?.hoursPerWeek).toBeCloseTo(675, 10);
    expect(row('productive')?.hoursPerWeek).toBeCloseTo(405, 10);
    expect(row('direct')?.hoursPerWeek).toBeCloseTo(243, 10);
    expect(row('direct')?.childrenPerWeek).toBeCloseTo(27, 10);
    // Hold 19.5 FTE × 13.5 = 263.25 h; backlog 1.5 FTE; reach 21 FTE; gap 18 − 21 = −3 FTE = −40.5 h = −4.5 children.
    expect(row('hold')?.hoursPerWeek).toBeCloseTo(263.25, 10);
    expect(row('backlog')?.fte).toBeCloseTo(1.5, 10);
    expect(row('gap')?.fte).toBeCloseTo(-3, 10);
    expect(row('gap')?.childrenPerWeek).toBeCloseTo(-4.5, 10);
    // The 3 vacant FTE would close it exactly.
    expect(row('vacant')?.fte).toBe(3);
    expect((row('gap')?.fte ?? 0) + (row('vacant')?.fte ?? 0)).toBeCloseTo(0, 10);
  });

  it('has no vacancy line without vacancies, and no table without workforce data', () => {
    expect(reconcile({ ...input, fteVacant: 0 }, { fteToReach: 21, fteToHold: 19.5 })?.some((r) => r.key === 'vacant')).toBe(false);
    expect(reconcile({ ...input, fteInPost: null }, { fteToReach: 21, fteToHold: 19.5 })).toBeNull();
  });
});
