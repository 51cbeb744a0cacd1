// schoolProfile on real DuckDB-wasm against a tiny hand-made area. Expected figures are worked out by hand (and
// with scipy's χ² for exact Poisson limits) in the comments, never taken from the code under test.
//
// Period 2024-01 to 2024-03: 3 months, so a school's pupil-years = pupils × 3 ÷ 12 = pupils ÷ 4.
//   Ash Primary 400 pupils (100 pupil-years), Beech Primary 200 (50), Cedar Primary 200 (50) — mainstream primaries;
//   Deal Secondary 1,000 (250) — mainstream secondary. Area: 1,800 pupils, 450 pupil-years.
// SLT referrals: Ash 30, Beech 5, Cedar 5, Deal 10 (area 50). OT: Ash 6, Beech 3, Cedar 8, Deal 0 (area 17).
// The arithmetic is checked in exact mode (true counts); the shareable tests at the end check what the gate shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, NO_FILTERS, type AnalyticsSettings, type Period } from '../../src/analytics/index.ts';
import { OWN_SMALL_EXPLANATION, schoolProfile, type SchoolProfile } from '../../src/analytics/school-profile.ts';
import type { Database } from '../../src/db/database.ts';
import type { CountQuery } from '../../src/disclosure/index.ts';
import { openWith } from './fixture.ts';
import { publishedByHand } from './record-keys.ts';

const SCHOOLS = `urn,name,school_type,phase,locality,pupils_on_roll,pupils_slcn,pupils_ehcp,imd_decile,roll_early_years,roll_primary,roll_secondary,roll_post16
100001,Ash Primary,mainstream,primary,North,400,20,10,3,0,400,0,0
100002,Beech Primary,mainstream,primary,South,200,8,4,5,0,200,0,0
100003,Cedar Primary,mainstream,primary,North,200,9,5,4,0,200,0,0
100004,Deal Secondary,mainstream,secondary,East,1000,15,30,6,0,0,1000,0
`;

// All referred on 2024-01-10. SLT accepted: Ash first contact 2024-02-07 (4 weeks); Beech still waiting; Cedar
// 2024-03-06 (8 weeks); Deal 2024-03-27 (11 weeks). OT referrals are declined (no waits).
let id = 0;
function referrals(urn: string, service: string, n: number, yearGroup: string, firstContact: string | null): string {
  return Array.from({ length: n }, () => {
    id += 1;
    const outcome = service === 'SLT' ? 'accepted' : 'declined';
    return `R${id},P${id},${urn},${service},2024-01-10,${yearGroup},,school,false,${outcome},${firstContact ?? ''},`;
  }).join('\n');
}
const REFERRALS = [
  'referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date',
  referrals('100001', 'SLT', 30, '3', '2024-02-07'),
  referrals('100002', 'SLT', 5, '3', null),
  referrals('100003', 'SLT', 5, '3', '2024-03-06'),
  referrals('100004', 'SLT', 10, '9', '2024-03-27'),
  referrals('100001', 'OT', 6, '3', null),
  referrals('100002', 'OT', 3, '3', null),
  referrals('100003', 'OT', 8, '3', null),
  // One referral in March so the data's period runs to 2024-03.
].join('\n').concat('\nR999,P999,100004,OT,2024-03-01,9,,school,false,declined,,\n');
// OT above: Deal gets 1 (the March row), so the area OT count is 6 + 3 + 8 + 1 = 18, pupil-years 450.

const PROVISION = `school_urn,month,service,delivery_model,programme,sessions,therapist_hours
100001,2024-02,SLT,specialist,,10,10
100002,2024-02,SLT,specialist,,4,6
`;

let db: Database;
let run: CountQuery;
const EXACT: AnalyticsSettings = { ...DEFAULT_SETTINGS, disclosure: 'exact' };
const PERIOD: Period = { from: '2024-01', to: '2024-03', months: 3 };
beforeAll(async () => {
  ({ db, count: run } = await openWith({ 'schools.csv': SCHOOLS, 'referrals.csv': REFERRALS, 'provision.csv': PROVISION }));
});
afterAll(async () => db.close());

const profileOf = async (urn: string, settings = EXACT) => (await schoolProfile(run, NO_FILTERS, PERIOD, settings, urn)) as SchoolProfile;
const rows = (p: SchoolProfile, service: string) => p.services.find((s) => s.service === service) as SchoolProfile['services'][number];

describe('schoolProfile: a school with enough referrals (Ash Primary)', () => {
  it('finds the school and its similar settings (the other mainstream primaries)', async () => {
    const p = await profileOf('100001');
    expect(p.school).toMatchObject({ name: 'Ash Primary', school_type: 'mainstream', phase: 'primary', pupils_on_roll: 400 });
    expect(p.similarSchools).toBe(2);
    expect(p.services.map((s) => s.service).sort()).toEqual(['OT', 'SLT']);
  });

  it('gives SLT rates for the school, similar settings and the area, compared by Fingertips\' rule', async () => {
    const [school, similar, area] = rows(await profileOf('100001'), 'SLT').rates;
    // 30 ÷ 100 pupil-years × 1,000 = 300. Byar (x = 30): 95% 202.369 to 428.284; 99.8% 158.390 to 511.185.
    expect(school).toMatchObject({ group: 'school', label: 'Ash Primary', referrals: 30, pupils: 400 });
    expect(school?.rate).toBeCloseTo(300, 6);
    expect(school?.lower95).toBeCloseTo(202.369390, 4);
    expect(school?.upper95).toBeCloseTo(428.283720, 4);
    expect(school?.lower998).toBeCloseTo(158.389865, 4);
    // Similar: Beech 5 + Cedar 5 = 10 over 100 pupil-years = 100; Byar 95% 47.874 to 183.915.
    expect(similar).toMatchObject({ group: 'similar', referrals: 10, pupils: 400, schools: 2 });
    expect(similar?.rate).toBeCloseTo(100, 6);
    expect(similar?.lower95).toBeCloseTo(47.874499, 4);
    expect(similar?.upper95).toBeCloseTo(183.914587, 4);
    // Area: 50 ÷ 450 × 1,000 = 111.111.
    expect(area).toMatchObject({ group: 'area', referrals: 50, pupils: 1800, vs_area: 'not compared' });
    expect(area?.rate).toBeCloseTo(111.111111, 5);
    // Against the area, like for like (METHODS §3): Ash expects 400 × 0.05 = 20 at the area's primary rate, ratio
    // 30 ÷ 20 = 1.5; Byar 95% 20.237 to 42.828 ÷ 20 = 1.012 to 2.141 excludes 1; 99.8% 15.839 to 51.119 ÷ 20 =
    // 0.792 to 2.556 includes it: higher.
    expect(school?.expected).toBeCloseTo(20, 6);
    expect(school?.ratio).toBeCloseTo(1.5, 9);
    expect(school?.ratio_lower95).toBeCloseTo(1.011847, 5);
    expect(school?.vs_area).toBe('higher');
    expect(school?.vs_area_explanation).toContain('a ratio of 1.50 (95% interval 1.01 to 2.14)');
    // 100 lies below the school's 99.8% lower bound 158.4: much higher than similar settings.
    expect(school?.vs_similar).toBe('much higher');
    expect(school?.vs_similar_explanation).toMatch(/^The similar settings rate \(100\.0 per 1,000\)/);
    // Similar settings: 10 against 20 expected, ratio 0.5; Byar(10) 95% 4.787 to 18.392 ÷ 20 excludes 1, 99.8%
    // 2.917 to 24.194 ÷ 20 = 0.146 to 1.210 includes it: lower.
    expect(similar?.ratio).toBeCloseTo(0.5, 9);
    expect(similar?.vs_area).toBe('lower');
  });

  it('gives age-adjusted rates and the funnel position', async () => {
    const slt = rows(await profileOf('100001'), 'SLT');
    // Phase rates: primary (30 + 5 + 5) ÷ 800 = 0.05 a pupil; secondary 10 ÷ 1,000. Ash expects 400 × 0.05 = 20,
    // so its adjusted rate is 30 ÷ 20 × 111.111 = 166.667. Similar: (5 + 5) ÷ (10 + 10) × 111.111 = 55.556.
    expect(slt.rates[0]?.adjusted_rate).toBeCloseTo(166.666667, 4);
    expect(slt.rates[1]?.adjusted_rate).toBeCloseTo(55.555556, 4);
    // Exact 95% lower limit of 30 is χ²inv(0.025; 60)/2 = 20.241 > E = 20; at 99.8%, 15.869 < 20: above 95% only.
    expect(slt.funnelPoint).toMatchObject({ urn: '100001', referrals: 30, position: 'above 95%' });
    expect(slt.funnelPoint?.rate).toBeCloseTo(166.666667, 4);
    expect(slt.funnelNote).toContain('Ash Primary: 30 referrals');
  });

  it('shows the OT pool although a pooled school has 1–4 referrals: the pool is a cell of its own', async () => {
    const [school, similar, area] = rows(await profileOf('100001'), 'OT').rates;
    // Ash: 6 ÷ 100 × 1,000 = 60; exact 95% 22.019 to 130.595 contains the area's 18 ÷ 450 × 1,000 = 40.0: similar.
    expect(school?.rate).toBeCloseTo(60, 6);
    expect(school?.lower95).toBeCloseTo(22.018943, 4);
    expect(area?.rate).toBeCloseTo(40, 6);
    // O = 6, E = 400 × 17 ÷ 800 = 8.5: ratio 0.706; exact 95% 2.202 to 13.060 ÷ 8.5 includes 1: similar.
    expect(school?.ratio).toBeCloseTo(6 / 8.5, 9);
    expect(school?.vs_area).toBe('similar');
    // Beech (3) + Cedar (8) = 11: shown, because in shareable mode the pool is perturbed as a cell of its own.
    expect(similar).toMatchObject({ referrals: 11, pupils: 400 });
    expect(school?.vs_similar).not.toBe('c');
  });

  it('gives waits for the school, the pool (summed from each school) and the area', async () => {
    const [school, similar, area] = rows(await profileOf('100001'), 'SLT').waits;
    // Ash: 30 seen after 28 days (4 weeks), all within 18 weeks; Wilson 95% lower for 30/30 = 0.886487.
    expect(school).toMatchObject({ seen: 30, seen_within_18_weeks: 30, median_weeks: 4, waiting: 0 });
    expect(school?.pct_within_18_weeks).toBeCloseTo(100, 6);
    expect(school?.lower95).toBeCloseTo(88.648661, 4);
    // Pool: Beech 0 seen and 5 waiting; Cedar 5 seen (8 weeks). No pooled median (it cannot be summed).
    expect(similar).toMatchObject({ seen: 5, seen_within_18_weeks: 5, waiting: 5, median_weeks: null, p90_weeks: null });
    expect(similar?.lower95).toBeCloseTo(56.551753, 4);
    // Area: 30 + 5 + 10 = 45 seen, all within 18 weeks; 5 waiting. 100% lies in the school's interval: similar.
    expect(area).toMatchObject({ seen: 45, seen_within_18_weeks: 45, waiting: 5 });
    expect(school?.vs_area).toBe('similar');
  });

  it('gives provision per 100 pupils a year', async () => {
    const [school, similar, area] = rows(await profileOf('100001'), 'SLT').provision;
    // Sessions ÷ pupils × 100 × 12 ÷ 3: Ash 10/400 → 10; pool 4/400 → 4; area 14/1,800 → 3.111. Hours 10, 6, 16.
    expect(school?.sessions_per_100).toBeCloseTo(10, 6);
    expect(similar?.sessions_per_100).toBeCloseTo(4, 6);
    expect(similar?.hours_per_100).toBeCloseTo(6, 6);
    expect(area?.sessions_per_100).toBeCloseTo(3.111111, 5);
  });

  it('gives its own monthly series', async () => {
    const slt = rows(await profileOf('100001'), 'SLT');
    // All 30 in January; none in February or March (true zeros stay 0).
    expect(slt.trend?.points.map((p) => p.referrals)).toEqual([30, 0, 0]);
  });
});

describe('schoolProfile: a school with 1–4 referrals (Beech Primary, 3 OT referrals)', () => {
  it('shows "c" for its count and every rate, interval and comparison derived from it', async () => {
    const ot = rows(await profileOf('100002', DEFAULT_SETTINGS), 'OT');
    const [school, similar] = ot.rates;
    expect(school).toMatchObject({
      referrals: 'c', rate: 'c', lower95: 'c', upper95: 'c', lower998: 'c', upper998: 'c', adjusted_rate: 'c',
      vs_area: 'c', vs_similar: 'c', pupils: 200,
    });
    expect(school?.vs_area_explanation).toBe(OWN_SMALL_EXPLANATION);
    expect(school?.vs_similar_explanation).toBe(OWN_SMALL_EXPLANATION);
    expect(JSON.stringify(school)).not.toMatch(/\b3\b|60\.0|\b15\b/);
    // Its pool (Ash 6 + Cedar 8 = 14: R51–R56 and R60–R67, in the fixture's order) over (400 + 200) ÷ 4 = 150
    // pupil-years.
    const pool = [51, 52, 53, 54, 55, 56, 60, 61, 62, 63, 64, 65, 66, 67].map((i) => `R${i}`);
    const shown = publishedByHand(pool) as number;
    expect(similar).toMatchObject({ referrals: shown, pupils: 600 });
    expect(similar?.rate).toBeCloseTo((shown / 150) * 1000, 6);
    // Not on the funnel, and the note says so without a number.
    expect(ot.funnelPoint).toBeNull();
    expect(ot.funnelNote).toMatch(/^Not on the funnel plot: fewer than 5/);
    // Its monthly series: 3 in January → "c"; February and March 0.
    expect(ot.trend?.points.map((p) => p.referrals)).toEqual(['c', 0, 0]);
  });

  it('hides its waits when fewer than 5 were seen', async () => {
    // Beech: 5 SLT referrals all still waiting: seen 0 (a true zero), waiting 5 (shown).
    const [school] = rows(await profileOf('100002'), 'SLT').waits;
    expect(school).toMatchObject({ seen: 0, waiting: 5, pct_within_18_weeks: null });
  });

  it('returns null for a URN not in the data', async () => {
    expect(await schoolProfile(run, NO_FILTERS, PERIOD, DEFAULT_SETTINGS, '999999')).toBeNull();
  });
});

describe('schoolProfile in shareable mode (the default)', () => {
  it('publishes each count as its cell-key perturbed value, the same for the same records', async () => {
    const ash = await profileOf('100001', DEFAULT_SETTINGS);
    const [school, similar, area] = rows(ash, 'SLT').rates;
    // Ash's 30 SLT referrals are R1–R30; Beech R31–R35 and Cedar R36–R40 (the order the fixture writes them).
    const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `R${from + i}`);
    expect(school?.referrals).toBe(publishedByHand(ids(1, 30)));
    expect(similar?.referrals).toBe(publishedByHand(ids(31, 40)));
    expect(area?.referrals).toBe(publishedByHand(ids(1, 50)));
    // Cedar's page shows the same area cell as Ash's: a repeated cell reveals nothing new.
    const cedar = await profileOf('100003', DEFAULT_SETTINGS);
    expect(rows(cedar, 'SLT').rates[2]?.referrals).toBe(area?.referrals);
  });

  it('still shows 1–4 as "c", with every figure worked out from it', async () => {
    const [school] = rows(await profileOf('100002', DEFAULT_SETTINGS), 'OT').rates;
    expect(school).toMatchObject({ referrals: 'c', rate: 'c', ratio: 'c', vs_area: 'c', vs_similar: 'c' });
  });
});

describe('schoolProfile for a school with no pupils on roll', () => {
  it('still shows its referrals, and says why it has no rate', async () => {
    const schools = `${SCHOOLS}100009,Zero Roll Unit,alternative_provision,secondary,East,0,,0,,0,0,0,0\n`;
    const extra = Array.from({ length: 50 }, (_, i) => `Z${i},PZ${i},100009,SLT,2024-02-01,9,,school,false,declined,,`).join('\n');
    const { db: zeroDb, count } = await openWith({ 'schools.csv': schools, 'referrals.csv': `${REFERRALS}${extra}\n`, 'provision.csv': PROVISION });
    const profile = (await schoolProfile(count, NO_FILTERS, PERIOD, EXACT, '100009')) as SchoolProfile;
    const [school] = rows(profile, 'SLT').rates;
    expect(school).toMatchObject({ referrals: 50, pupils: 0, rate: null, vs_area: 'not compared' });
    expect(rows(profile, 'SLT').funnelNote).toBe('Not on the funnel plot: it has no pupils on roll, so there is no rate (50 referrals in the period).');
    await zeroDb.close();
  });
});
