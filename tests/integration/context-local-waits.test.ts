// context-local-waits.sql on real DuckDB against a hand-made area: children still waiting at each month end and
// those waiting more than 18 weeks, with cell keys; expected figures worked out by hand below.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { RunQuery } from '../../src/queries/index.ts';
import { localWaitsShown } from '../../src/context/local.ts';
import { countQuery, createGate } from '../../src/disclosure/index.ts';
import { openWith } from './fixture.ts';

const SCHOOLS = `urn,name,school_type,phase,locality,pupils_on_roll,pupils_slcn,pupils_ehcp,imd_decile,roll_early_years,roll_primary,roll_secondary,roll_post16
100001,A Primary,mainstream,primary,North,420,20,10,3,60,360,,
100002,B Secondary,mainstream,secondary,South,1000,,30,,,,1000,
`;
// Month ends 2024-01-31, 2024-02-29, 2024-03-31.
// WA SLT 2023-09-01 → seen 2024-02-15: waiting at Jan end (152 days = 21.7 weeks, over 18); seen by Feb end.
// WB SLT 2024-01-10, never seen: waiting at all three ends (3.0, 7.0, 11.4 weeks).
// WC SLT declined: never on the list.   WE SLT referred 2024-04-01: after the last month end.
// WD OT 2023-10-20, never seen: Jan end 103 days = 14.7 weeks; Feb end 132 days = 18.9 weeks (over 18); Mar over 18.
// WF SLT South 2024-01-02, never seen: waiting at all three ends, under 18 weeks (13.0 at Mar end).
const REFERRALS = `referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date
WA,P1,100001,SLT,2023-09-01,3,,school,false,accepted,2024-02-15,
WB,P2,100001,SLT,2024-01-10,3,,school,false,accepted,,
WC,P3,100001,SLT,2024-02-01,3,,school,false,declined,,
WD,P4,100001,OT,2023-10-20,4,,school,false,accepted,,
WE,P5,100001,SLT,2024-04-01,4,,school,false,accepted,,
WF,P6,100002,SLT,2024-01-02,8,,school,false,accepted,,
`;
const PROVISION = `school_urn,month,service,delivery_model,programme,sessions,therapist_hours
100001,2024-02,SLT,targeted,,2,3
`;
const rkey = (id: string) => parseInt(createHash('sha256').update(id).digest('hex').slice(0, 2), 16);
const ckey = (...ids: string[]) => ids.reduce((s, id) => s + rkey(id), 0) % 256;

let db: Database;
let run: RunQuery;
beforeAll(async () => {
  ({ db, run } = await openWith({ 'schools.csv': SCHOOLS, 'referrals.csv': REFERRALS, 'provision.csv': PROVISION }));
});
afterAll(async () => db.close());

describe('context-local-waits.sql', () => {
  it('counts children waiting at each month end and those over 18 weeks, SLT then OT, with cell keys', async () => {
    const rows = await run('context-local-waits', ['2024-01', '2024-03', null]);
    expect(rows).toEqual([
      { month: '2024-01', service: 'SLT', waiting: 3, waiting_over_18_weeks: 1, waiting_ckey: ckey('WA', 'WB', 'WF'), waiting_over_18_weeks_ckey: ckey('WA') },
      { month: '2024-02', service: 'SLT', waiting: 2, waiting_over_18_weeks: 0, waiting_ckey: ckey('WB', 'WF'), waiting_over_18_weeks_ckey: 0 },
      { month: '2024-03', service: 'SLT', waiting: 2, waiting_over_18_weeks: 0, waiting_ckey: ckey('WB', 'WF'), waiting_over_18_weeks_ckey: 0 },
      { month: '2024-01', service: 'OT', waiting: 1, waiting_over_18_weeks: 0, waiting_ckey: ckey('WD'), waiting_over_18_weeks_ckey: 0 },
      { month: '2024-02', service: 'OT', waiting: 1, waiting_over_18_weeks: 1, waiting_ckey: ckey('WD'), waiting_over_18_weeks_ckey: ckey('WD') },
      { month: '2024-03', service: 'OT', waiting: 1, waiting_over_18_weeks: 1, waiting_ckey: ckey('WD'), waiting_over_18_weeks_ckey: ckey('WD') },
    ]);
  });

  it('keeps to one locality when asked', async () => {
    const rows = await run('context-local-waits', ['2024-01', '2024-01', 'North']);
    expect(rows.map((r) => [r.service, r.waiting, r.waiting_over_18_weeks])).toEqual([['SLT', 2, 1], ['OT', 1, 0]]);
  });

  it('shows no local figure from fewer than 5 children (the counts here are all below 5)', async () => {
    const rows = await countQuery(run)('context-local-waits', ['2024-01', '2024-03', null]);
    const shown = localWaitsShown(rows, createGate('shareable', 5));
    expect(shown.every((p) => p.waiting === 'c' && p.pct_over_18_weeks === 'c')).toBe(true);
  });
});
