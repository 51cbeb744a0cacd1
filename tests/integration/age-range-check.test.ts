// referrals-outside-age-range.sql on real DuckDB: the referrals `validate` warns about, worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { RunQuery } from '../../src/queries/index.ts';
import { openWith } from './fixture.ts';

const SCHOOLS = `urn,name,school_type,phase,locality,pupils_on_roll,pupils_ehcp,age_low,age_high
S1,Infant School,mainstream,primary,North,180,2,4,7
S2,Secondary,mainstream,secondary,North,900,10,11,16
S3,No Range Primary,mainstream,primary,North,200,3,,
`;
const HEAD = 'referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date';
// S1 (ages 4–6: R, Y1, Y2): R and Y2 inside; Y3 (age 7) and N2 (age 3) outside. S2 (11–15: Y7–Y11): Y12 outside.
// S3 has no range given: never checked, whatever its year groups.
const REFERRALS = [HEAD,
  'A,P,S1,SLT,2024-01-01,R,,school,false,pending,,', 'B,P,S1,SLT,2024-01-01,2,,school,false,pending,,',
  'C,P,S1,SLT,2024-01-01,3,,school,false,pending,,', 'D,P,S1,OT,2024-01-01,N2,,school,false,pending,,',
  'E,P,S2,SLT,2024-01-01,12,,school,false,pending,,', 'F,P,S2,SLT,2024-01-01,7,,school,false,pending,,',
  'G,P,S3,SLT,2024-01-01,11,,school,false,pending,,', 'H,P,S1,SLT,2024-01-01,,9,school,false,pending,,',
].join('\n').concat('\n');

let db: Database;
let run: RunQuery;
beforeAll(async () => {
  ({ db, run } = await openWith({ 'schools.csv': SCHOOLS, 'referrals.csv': REFERRALS, 'provision.csv': 'school_urn,month,service,delivery_model,programme,sessions,therapist_hours\nS1,2024-01,SLT,targeted,,1,1\n' }));
});
afterAll(async () => db?.close());

describe('referrals-outside-age-range', () => {
  it('counts, per school with an age range, the referrals from year groups outside it', async () => {
    expect(await run('referrals-outside-age-range', [])).toEqual([
      { urn: 'S1', name: 'Infant School', age_low: 4, age_high: 7, referrals: 2, youngest: 'N2', oldest: '3' },
      { urn: 'S2', name: 'Secondary', age_low: 11, age_high: 16, referrals: 1, youngest: '12', oldest: '12' },
    ]);
  });
});
