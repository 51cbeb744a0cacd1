// The figures the views ask with WHOLE_AREA (src/app/figures.ts) leave the school type and age phase filters out of
// their key, so a change of either does not recompute them. That is right only while each computation gives the
// same answer whatever those two filters are: checked here on the sample data, for several types and phases, with a
// service and a start month set too. The funnel is the one figure narrowed by them: checked to differ, so this test
// would notice if the filters stopped reaching anything at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CAPACITY, DEFAULT_SETTINGS, funnel, NO_FILTERS, programmeImpact, provisionBySchool, provisionByTypeQuery,
  ratesByTypePhase, resolvePeriod, spcSeries, waitingListAge, waits, workforcePlans, type Filters,
} from '../../src/analytics/index.ts';
import { areaMonthlyReferrals } from '../../src/analytics/spc.ts';
import { waitsOverTime } from '../../src/analytics/waits-over-time.ts';
import { CONTEXT_FILTERS } from '../../src/app/context-figures.ts';
import { WHOLE_AREA } from '../../src/app/figures.ts';
import { contextSection } from '../../src/context/index.ts';
import type { Database } from '../../src/db/database.ts';
import type { CountQuery } from '../../src/disclosure/index.ts';
import { DEFAULT_PREVALENCE } from '../../src/stats/expected-need.ts';
import { openWith, sampleFiles } from './fixture.ts';

let db: Database;
let count: CountQuery;

beforeAll(async () => {
  ({ db, count } = await openWith(sampleFiles()));
}, 120_000);
afterAll(async () => { await db.close?.(); });

const settings = { ...DEFAULT_SETTINGS, disclosure: 'exact' as const };
const BASE: Filters = { ...NO_FILTERS, service: 'SLT', from: '2023-01' };
const NARROWED: Filters[] = [
  { ...BASE, schoolType: 'special' },
  { ...BASE, agePhase: 'primary' },
  { ...BASE, schoolType: 'mainstream', agePhase: 'secondary' },
];

async function periodFor(filters: Filters) {
  const [extent] = await count('period', []);
  if (!extent) throw new Error('no period');
  return resolvePeriod(filters, extent);
}

/** Every whole-area figure the views draw, as the views' hooks compute it. */
const FIGURES: Record<string, (filters: Filters) => Promise<unknown>> = {
  'equity/rates-by-type-phase': async (f) => ratesByTypePhase(count, f, await periodFor(f), settings),
  'equity/provision-by-type': async (f) => provisionByTypeQuery(count, f, await periodFor(f), settings),
  'equity/provision-by-school': async (f) => provisionBySchool(count, f, await periodFor(f), settings, DEFAULT_PREVALENCE),
  'equity/programme-impact': async (f) => programmeImpact(count, f, settings),
  'demand-spc': async (f) => spcSeries(count, f, await periodFor(f), settings),
  'demand-plan / demand-forecast': async (f) => workforcePlans(count, f, await periodFor(f), settings, DEFAULT_CAPACITY),
  'demand-forecast (history)': async (f) => areaMonthlyReferrals(count, f, await periodFor(f), settings),
  'demand-waits (waiting list)': async (f) => waitingListAge(count, f, await periodFor(f), settings),
  'demand-waits': async (f) => waits(count, f, await periodFor(f), settings),
  'demand-waits-over-time': async (f) => waitsOverTime(count, f, await periodFor(f), settings, 18, 0.92),
  context: async (f) => contextSection(count, f, { settings }),
};

describe('figures asked without the school type and age phase filters (WHOLE_AREA)', () => {
  it('are the figures WHOLE_AREA says: both filters cleared, nothing else', () => {
    expect(WHOLE_AREA).toEqual({ schoolType: null, agePhase: null });
  });

  for (const [name, compute] of Object.entries(FIGURES)) {
    it(`${name}: the same answer under any school type and age phase`, async () => {
      const whole = JSON.stringify(await compute(BASE));
      expect(whole.length).toBeGreaterThan(50);
      for (const narrowed of NARROWED) expect(JSON.stringify(await compute(narrowed))).toBe(whole);
    }, 60_000);
  }

  it('the funnel, which is narrowed by them, differs', async () => {
    const whole = JSON.stringify(await funnel(count, BASE, await periodFor(BASE), settings));
    expect(JSON.stringify(await funnel(count, NARROWED[0] as Filters, await periodFor(BASE), settings))).not.toBe(whole);
  }, 60_000);
});

describe('the forecast\'s history (areaMonthlyReferrals)', () => {
  it('is what the raw SPC series of the area show, month for month, in each disclosure mode', async () => {
    for (const disclosure of ['exact', 'shareable'] as const) {
      const s = { ...settings, disclosure, spcSeries: 'raw' as const };
      for (const filters of [NO_FILTERS, BASE]) {
        const period = await periodFor(filters);
        const series = (await spcSeries(count, filters, period, s)).filter((x) => x.group_kind === 'area');
        const expected = Object.fromEntries(series.map((x) => [x.service, x.monthly.map((p) => ({ month: p.month, value: p.referrals }))]));
        expect(Object.keys(expected).length).toBe(filters.service ? 1 : 2);
        expect(await areaMonthlyReferrals(count, filters, period, s)).toEqual(expected);
      }
    }
  }, 60_000);
});

describe('the context section, asked without the period (CONTEXT_FILTERS)', () => {
  it('leaves out the school type, age phase and period, nothing else', () => {
    expect(CONTEXT_FILTERS).toEqual({ schoolType: null, agePhase: null, from: null, to: null });
  });

  it('is the same answer whatever the start and end month, and differs by service', async () => {
    const slt = await contextSection(count, { ...NO_FILTERS, service: 'SLT' }, { settings });
    expect(slt.waits_local.length).toBeGreaterThan(0);
    const whole = JSON.stringify(slt);
    for (const [from, to] of [['2023-01', null], ['2022-06', '2024-03'], [null, '2025-12']] as const) {
      expect(JSON.stringify(await contextSection(count, { ...NO_FILTERS, service: 'SLT', from, to }, { settings }))).toBe(whole);
    }
    expect(JSON.stringify(await contextSection(count, { ...NO_FILTERS, service: 'OT' }, { settings }))).not.toBe(whole);
  }, 60_000);
});
