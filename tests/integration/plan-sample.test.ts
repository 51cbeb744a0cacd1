// The capacity answer on the committed sample data (METHODS §8): plausible against the FTE in post, and the
// recommended FTE meets the target in the month-by-month projection while the same model's numbers agree.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CAPACITY, DEFAULT_SETTINGS, NO_FILTERS, periodOf, waitingListAge, workforcePlans } from '../../src/analytics/index.ts';
import { DEFAULT_SCENARIO, planService, type PlannedService } from '../../src/analytics/scenarios.ts';
import type { Database } from '../../src/db/database.ts';
import { openWith } from './fixture.ts';

const SAMPLE = new URL('../../sample-data/', import.meta.url);
let db: Database;
let planned: PlannedService[];
const SETTINGS = { targetWeeks: 18, productiveHoursPerFte: 22.5, indirectShare: 0.4, monthsToTarget: 12, horizon: 24 };

beforeAll(async () => {
  const files = Object.fromEntries(readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(new URL(f, SAMPLE), 'utf8')]));
  const opened = await openWith(files);
  db = opened.db;
  const period = await periodOf(opened.count, NO_FILTERS);
  const plans = await workforcePlans(opened.count, NO_FILTERS, period, DEFAULT_SETTINGS, DEFAULT_CAPACITY);
  const bands = await waitingListAge(opened.count, NO_FILTERS, period, DEFAULT_SETTINGS);
  planned = plans.flatMap((p) => planService(p, bands, SETTINGS, DEFAULT_SCENARIO) ?? []);
}, 60_000);
afterAll(async () => db.close());

describe('capacity answer on sample-data', () => {
  it('is worked out for both services, with FTE in post about twice the direct-time FTE to hold the target', () => {
    expect(planned.map((p) => p.service).sort()).toEqual(['OT', 'SLT']);
    for (const p of planned) {
      const directFte = (p.plan.holdPerWeek * p.input.hoursPerChild) / p.input.productiveHoursPerFte;
      console.log(`${p.service}: demand ${p.input.demandPerWeek.toFixed(1)}/wk, waiting ${p.input.waiting}, reach ${p.plan.fteToReach.toFixed(1)} FTE, hold ${p.plan.fteToHold.toFixed(1)} FTE, direct-time ${directFte.toFixed(1)}, in post ${p.input.fteInPost}, vacant ${p.input.fteVacant}`);
    }
    for (const p of planned) {
      const directFte = (p.plan.holdPerWeek * p.input.hoursPerChild) / p.input.productiveHoursPerFte;
      const ratio = (p.input.fteInPost ?? 0) / directFte;
      expect(ratio).toBeGreaterThan(1.5);
      expect(ratio).toBeLessThan(2.6);
    }
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
