// Each .sql file run on real DuckDB-wasm against a tiny hand-made area; expected figures are worked out by hand
// in the comments, never taken from the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { QUERY_NAMES, type RunQuery } from '../../src/queries/index.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import { DEFAULT_SETTINGS, NO_FILTERS, funnel } from '../../src/analytics/index.ts';
import type { CountQuery } from '../../src/disclosure/index.ts';
import { openWith } from './fixture.ts';
import { cellKeyByHand } from './record-keys.ts';

const SCHOOLS = `urn,name,school_type,phase,locality,pupils_on_roll,pupils_slcn,pupils_ehcp,imd_decile,roll_early_years,roll_primary,roll_secondary,roll_post16
100001,A Primary,mainstream,primary,North,420,20,10,3,60,360,,
100002,B Secondary,mainstream,secondary,South,1000,,30,,,,1000,
100003,C Special,special,all_through,North,100,40,100,5,,50,50,
100004,D Primary,mainstream,primary,North,200,8,4,2,,200,,
`;
// Waits in days: R1 60 (8.571 wk), R3 9 (1.286 wk), R5 14 (2 wk), R7 21 (3 wk); R2, R6, R9 still waiting on 2024-03-31.
const REFERRALS = `referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date
R1,P1,100001,SLT,2024-01-10,R,,school,false,accepted,2024-03-10,
R2,P2,100001,SLT,2024-02-10,3,,parent,false,accepted,,
R3,P3,100002,OT,2024-02-11,9,,school,true,accepted,2024-02-20,
R4,P4,100003,SLT,2024-03-01,,12,school,true,declined,,
R5,P5,100001,SLT,2024-03-15,2,,gp,false,accepted,2024-03-29,
R6,P6,100002,SLT,2023-12-20,8,,school,false,accepted,2024-06-01,
R7,P7,100003,OT,2024-01-05,5,,school,true,accepted,2024-01-26,
R8,P8,100004,SLT,2024-01-20,4,,school,false,signposted,,
R9,P9,100004,SLT,2024-03-02,5,,parent,false,accepted,,
`;
const PROVISION = `school_urn,month,service,delivery_model,programme,sessions,therapist_hours
100001,2024-02,SLT,universal,Talk Boost,4,4
100001,2024-02,SLT,targeted,,2,3
`;

let db: Database;
let run: RunQuery;
let count: CountQuery;
beforeAll(async () => {
  ({ db, run, count } = await openWith({ 'schools.csv': SCHOOLS, 'referrals.csv': REFERRALS, 'provision.csv': PROVISION }));
});
afterAll(async () => db.close());

const Q1 = ['2024-01', '2024-03'] as const;

describe('every query', () => {
  it.each(QUERY_NAMES.map((n) => [n]))('%s has a header comment naming its parameters and columns', (name) => {
    const sql = diskSql(name);
    expect(sql).toMatch(/^-- /);
    expect(sql).toMatch(/-- (Parameters|Columns)/);
  });
});

describe('period', () => {
  it('spans the referral months', async () => {
    expect(await run('period', [])).toEqual([{ first_month: '2023-12', last_month: '2024-03', months: 4, referrals: 9, schools: 4 }]);
  });
});

describe('referral-rates-by-type-phase', () => {
  it('counts SLT referrals and phase rolls per cell, with margins', async () => {
    const rows = await run('referral-rates-by-type-phase', ['SLT', ...Q1, null]);
    const cell = (t: string | null, p: string | null) => rows.find((r) => r.school_type === t && r.age_phase === p);
    // R1 is in reception (early years) at A, whose early-years roll is 60.
    expect(cell('mainstream', 'early_years')).toMatchObject({ referrals: 1, pupils: 60, months: 3 });
    // R2 (Y3), R5 (Y2) at A and R9 (Y5) at D; R8 (Y4) too: 4. Primary rolls 360 + 200.
    expect(cell('mainstream', 'primary')).toMatchObject({ referrals: 4, pupils: 560 });
    // R6 was referred in December 2023, before the period.
    expect(cell('mainstream', 'secondary')).toMatchObject({ referrals: 0, pupils: 1000 });
    // R4 has no year group; age 12 → secondary.
    expect(cell('special', 'secondary')).toMatchObject({ referrals: 1, pupils: 50 });
    expect(cell('mainstream', null)).toMatchObject({ referrals: 5, pupils: 1620 });
    expect(cell(null, 'primary')).toMatchObject({ referrals: 4, pupils: 610 });
    expect(cell(null, null)).toMatchObject({ referrals: 6, pupils: 1720 });
    // No pupils and no referrals: no cell (mainstream post-16).
    expect(cell('mainstream', 'post16')).toBeUndefined();
    expect(rows.every((r) => r.service === 'SLT')).toBe(true);
  });

  it('filters by locality', async () => {
    const rows = await run('referral-rates-by-type-phase', ['OT', ...Q1, 'South']);
    // Only B Secondary is in the South: R3.
    expect(rows.find((r) => r.school_type === null && r.age_phase === null)).toMatchObject({ referrals: 1, pupils: 1000 });
  });
});

describe('school-rates', () => {
  it('gives each school its referrals and roll by age phase, with cell keys', async () => {
    const all = await run('school-rates', ['SLT', ...Q1, null, null, null]);
    // A's rolls: early years 60, primary 360, secondary and post-16 blank (0). R1 (year R) is early years; R2 (Y3)
    // and R5 (Y2) primary. Rows come in age-phase order (alphabetical).
    const a = all.filter((r) => r.urn === '100001');
    expect(a.map((r) => [r.age_phase, r.roll, r.referrals, r.months])).toEqual([
      ['early_years', 60, 1, 3], ['post16', 0, 0, 3], ['primary', 360, 2, 3], ['secondary', 0, 0, 3],
    ]);
    expect(a.find((r) => r.age_phase === 'primary')?.referrals_ckey).toBe(cellKeyByHand(['R2', 'R5']));
    expect(a.find((r) => r.age_phase === 'post16')?.referrals_ckey).toBe(0);
    const primary = await run('school-rates', ['SLT', ...Q1, null, 'primary', null]);
    expect(primary.filter((r) => r.urn === '100001')).toMatchObject([{ age_phase: 'primary', referrals: 2, roll: 360 }]);
    // B Secondary has no primary pupils and no primary referrals.
    expect(primary.filter((r) => r.urn === '100002')).toMatchObject([{ age_phase: 'primary', referrals: 0, roll: 0 }]);
  });

  it('feeds the funnel the referrals each school\'s age mix would expect at the area\'s phase rates', async () => {
    const [slt] = await funnel(count, { ...NO_FILTERS, service: 'SLT' }, { from: Q1[0], to: Q1[1], months: 3 }, { ...DEFAULT_SETTINGS, disclosure: 'exact' });
    const point = (urn: string) => slt?.points.find((p) => p.urn === urn);
    // Phase rates (exact mode: true counts): early years 1 (R1) ÷ 60; primary 4 (R2 R5 R8 R9) ÷ 610; secondary 1
    // (R4) ÷ 1050. A: 60 × 1/60 + 360 × 4/610 = 3.36066; C (special): 50 × 4/610 + 50 × 1/1050.
    expect(point('100001')?.expected).toBeCloseTo(1 + (360 * 4) / 610, 9);
    expect(point('100003')?.expected).toBeCloseTo((50 * 4) / 610 + 50 / 1050, 9);
    // Indirect standardisation preserves the total: Σ expected = all 6 SLT referrals in the period.
    expect(slt?.points.reduce((s, p) => s + p.expected, 0)).toBeCloseTo(6, 9);
  });
});

describe('monthly-referrals', () => {
  it('zero-fills every month for the area, each type and each phase', async () => {
    const rows = await run('monthly-referrals', [null, ...Q1, null, null]);
    const area = (service: string) => rows.filter((r) => r.service === service && r.group_kind === 'area').map((r) => r.referrals);
    expect(area('SLT')).toEqual([2, 1, 3]); // Jan R1 R8; Feb R2; Mar R4 R5 R9
    expect(area('OT')).toEqual([1, 1, 0]); // Jan R7; Feb R3
    const special = rows.filter((r) => r.service === 'SLT' && r.group_kind === 'school_type' && r.group_value === 'special');
    expect(special.map((r) => r.referrals)).toEqual([0, 0, 1]);
  });

  it('narrows to one school', async () => {
    const rows = await run('monthly-referrals', ['SLT', ...Q1, null, '100004']);
    expect(rows.filter((r) => r.group_kind === 'area').map((r) => r.referrals)).toEqual([1, 0, 1]);
  });
});

describe('waits', () => {
  it('gives median, 90th percentile and waiting list at the end of the period', async () => {
    const rows = await run('waits', [null, ...Q1, null, null]);
    const slt = rows.find((r) => r.service === 'SLT' && r.school_type === null && r.age_phase === null);
    // Seen in the period: R1 (60 days) and R5 (14 days). Median of 8.5714 and 2 weeks = 5.2857;
    // p90 by linear interpolation = 2 + 0.9 × 6.5714 = 7.9143.
    expect(slt?.seen).toBe(2);
    expect(slt?.median_weeks).toBeCloseTo((60 / 7 + 2) / 2, 9);
    expect(slt?.p90_weeks).toBeCloseTo(2 + 0.9 * (60 / 7 - 2), 9);
    expect(slt?.seen_within_18_weeks).toBe(2);
    // Waiting on 2024-03-31: R2, R6 (first contact in June) and R9. R6 has waited 102 days = 14.6 weeks.
    expect(slt).toMatchObject({ waiting: 3, waiting_over_18_weeks: 0, waiting_over_52_weeks: 0, as_of: '2024-03-31' });
    const ot = rows.find((r) => r.service === 'OT' && r.school_type === null && r.age_phase === null);
    expect(ot?.median_weeks).toBeCloseTo((9 / 7 + 3) / 2, 9);
  });
});

describe('waiting-list-age', () => {
  it('bands those still waiting by weeks waited', async () => {
    const rows = await run('waiting-list-age', ['SLT', '2024-03', null]);
    // R9 4.1 weeks, R2 7.1 weeks, R6 14.6 weeks.
    expect(rows.map((r) => [r.band, r.waiting])).toEqual([
      ['0-6 weeks', 1], ['6-12 weeks', 1], ['12-18 weeks', 1], ['18-52 weeks', 0], ['52+ weeks', 0],
    ]);
  });
});

describe('provision-by-school', () => {
  it('sums sessions and hours beside referrals and need', async () => {
    const rows = await run('provision-by-school', ['SLT', ...Q1, null]);
    expect(rows.find((r) => r.urn === '100001')).toMatchObject({
      sessions: 6, therapist_hours: 7, universal_sessions: 4, referrals: 3, pupils: 420, pupils_slcn: 20, pupils_ehcp: 10,
    });
    expect(rows.find((r) => r.urn === '100003')).toMatchObject({ sessions: 0, therapist_hours: 0, referrals: 1 });
  });
});

describe('programme-impact', () => {
  it('compares the adopter before and after with schools of the same type and phase', async () => {
    const rows = await run('programme-impact', ['SLT', 24, null]);
    // A adopted Talk Boost in 2024-02; data starts 2023-12, so before = Dec–Jan, after = Feb–Mar (2 months each).
    const cell = (g: string, p: string) => rows.find((r) => r.group_kind === g && r.period === p);
    expect(cell('adopter', 'before')).toMatchObject({ adopter_urn: '100001', programme: 'Talk Boost', adoption_month: '2024-02', referrals: 1, pupil_months: 840, months: 2 });
    expect(cell('adopter', 'after')).toMatchObject({ referrals: 2, pupil_months: 840 });
    // D Primary is the only other mainstream primary: R8 before, R9 after; 200 pupils × 2 months.
    expect(cell('comparison', 'before')).toMatchObject({ schools: 1, referrals: 1, pupil_months: 400 });
    expect(cell('comparison', 'after')).toMatchObject({ schools: 1, referrals: 1, pupil_months: 400 });
  });
});

describe('demand-summary', () => {
  it('counts referrals, acceptances, direct hours and the waiting list', async () => {
    const rows = await run('demand-summary', ['SLT', ...Q1, null]);
    // SLT referrals in Jan–Mar: R1 R2 R4 R5 R8 R9; accepted R1 R2 R5 R9; targeted hours 3.
    // Waiting on 2024-03-31: R2, R6, R9. Each count carries the cell key of exactly its records.
    expect(rows).toEqual([{
      service: 'SLT', referrals: 6, referrals_ckey: cellKeyByHand(['R1', 'R2', 'R4', 'R5', 'R8', 'R9']),
      accepted: 4, accepted_ckey: cellKeyByHand(['R1', 'R2', 'R5', 'R9']), direct_hours: 3,
      waiting: 3, waiting_ckey: cellKeyByHand(['R2', 'R6', 'R9']), months: 3,
    }]);
  });
});

describe('workforce-monthly', () => {
  it('is empty when no workforce file was loaded', async () => {
    expect(await run('workforce-monthly', [null, ...Q1])).toEqual([]);
  });
});
