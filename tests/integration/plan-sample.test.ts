// The capacity answer on the committed sample data (METHODS §8): plausible against the FTE in post (close to or a
// little under what reaching the target needs), the reconciliation adds up, and the recommended FTE meets the target
// in the month-by-month projection while the same model's numbers agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CAPACITY, DEFAULT_SETTINGS, NO_FILTERS, periodOf, waitingListAge, workforcePlans } from '../../src/analytics/index.ts';
import { DEFAULT_SCENARIO, planService, type PlannedService } from '../../src/analytics/scenarios.ts';
import type { Database } from '../../src/db/database.ts';
import { openWith, sampleFiles } from './fixture.ts';

let db: Database;
let planned: PlannedService[];
const SETTINGS = { targetWeeks: 18, productiveHoursPerFte: 22.5, indirectShare: 0.4, monthsToTarget: 12, horizon: 24 };

beforeAll(async () => {
  const files = sampleFiles();
  const opened = await openWith(files);
  db = opened.db;
  const period = await periodOf(opened.count, NO_FILTERS);
  const plans = await workforcePlans(opened.count, NO_FILTERS, period, DEFAULT_SETTINGS, DEFAULT_CAPACITY);
  const bands = await waitingListAge(opened.count, NO_FILTERS, period, DEFAULT_SETTINGS);
  planned = plans.flatMap((p) => planService(p, bands, SETTINGS, DEFAULT_SCENARIO) ?? []);
}, 60_000);
afterAll(async () => db.close());

describe('capacity answer on sample-data', () => {
  it('is worked out for both services, with FTE in post close to or a little under the FTE needed to reach the target', () => {
    expect(planned.map((p) => p.service).sort()).toEqual(['OT', 'SLT']);
    for (const p of planned) {
      console.log(`${p.service}: demand ${p.input.demandPerWeek.toFixed(1)}/wk, waiting ${p.input.waiting}, reach ${p.plan.fteToReach.toFixed(1)} FTE, hold ${p.plan.fteToHold.toFixed(1)} FTE, in post ${p.input.fteInPost}, vacant ${p.input.fteVacant}`);
    }
    for (const p of planned) {
      const ratio = (p.input.fteInPost ?? 0) / p.plan.fteToReach;
      // Close to (within 2%) or a little under (down to 85%) what reaching the target needs: never twice as much.
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1.02);
      // In post and vacant together (the funded posts) would be enough.
      expect((p.input.fteInPost ?? 0) + (p.input.fteVacant ?? 0)).toBeGreaterThan(p.plan.fteToReach);
    }
  });

  it('the reconciliation table adds up: direct hours of the FTE in post, needed to reach, and the gap between them', () => {
    for (const p of planned) {
      const rows = p.reconciliation ?? [];
      const get = (key: string) => rows.find((r) => r.key === key);
      const direct = get('direct')?.hoursPerWeek ?? NaN;
      const reach = get('reach')?.hoursPerWeek ?? NaN;
      expect(get('gap')?.hoursPerWeek).toBeCloseTo(direct - reach, 6);
      expect(get('gap')?.fte).toBeCloseTo((p.input.fteInPost ?? 0) - p.plan.fteToReach, 6);
      expect((get('hold')?.fte ?? 0) + (get('backlog')?.fte ?? 0)).toBeCloseTo(get('reach')?.fte ?? NaN, 6);
    }
  });

  it('a current plan short of the FTE to reach the target does not meet it in the projection', () => {
    const short = planned.filter((p) => (p.plan.surplusToReach ?? 0) < -0.5);
    expect(short.length).toBeGreaterThan(0);
    for (const p of short) expect(p.projections[0]?.targetMetFrom ?? Infinity).toBeGreaterThan(SETTINGS.monthsToTarget);
  });

  it('the recommended FTE meets the target within the chosen 12 months in the projection', () => {
    for (const p of planned) {
      const recommended = p.projections[1];
      console.log(`${p.service}: met from month ${recommended?.targetMetFrom}; current plan met from ${p.projections[0]?.targetMetFrom}`);
      expect(recommended?.targetMetFrom).not.toBeNull();
      expect(recommended?.targetMetFrom as number).toBeLessThanOrEqual(SETTINGS.monthsToTarget);
    }
  });
});
