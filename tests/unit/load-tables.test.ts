// loadContractTables on real DuckDB (the Node build of duckdb-wasm), with a tiny fixture whose figures are worked
// out by hand in the comments below.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_PHASES, YEAR_GROUPS, agePhaseOfAge, agePhaseOfYearGroup } from '../../src/contract/index.ts';
import type { Database } from '../../src/db/database.ts';
import {
  ContractRefusal, TableLoadError, issueLines, loadContractTables, readCsvHeader, sqlStatements,
} from '../../src/db/load-tables.ts';
import { openNodeDatabase } from '../../src/db/node-duckdb.ts';

const enrichSql = readFileSync(new URL('../../src/db/enrich.sql', import.meta.url), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

// Rolls (roll_early_years, roll_primary, roll_secondary, roll_post16) worked out by the rule in enrich.sql:
//  S1 primary, 210, all blank            → 0, 210, 0, 0
//  S2 secondary, 1000, all blank         → 0, 0, 1000, 0
//  S3 all_through, 201, all blank        → 0, 101, 100, 0   (split evenly, primary gets the odd pupil)
//  S4 primary, 240, early years 30 given → 30, 210, 0, 0    (own phase blank = the rest: 240 − 30)
//  S5 all_through, 120, all given        → 10, 50, 40, 20
//  S6 early_years, 60, all blank         → 60, 0, 0, 0
const SCHOOLS = `urn,name,school_type,phase,locality,pupils_on_roll,pupils_slcn,pupils_ehcp,imd_decile,roll_early_years,roll_primary,roll_secondary,roll_post16
S1,Alder Primary,mainstream,primary,North,210,12,4,3,,,,
S2,Birch Academy,mainstream,secondary,North,1000,,20,5,,,,
S3,Cedar School,mainstream,all_through,South,201,9,3,,,,,
S4,Damson Primary,mainstream,primary,South,240,10,2,7,30,,,
S5,Elm Special,special,all_through,South,120,60,110,2,10,50,40,20
S6,Fir Nursery,early_years,early_years,North,60,,0,4,,,,
`;

// Age phases by hand: year group wins; otherwise age (<5 early years, <11 primary, <16 secondary, else post-16).
//  R1 R → early_years      R2 3 → primary        R3 11 → secondary        R4 12 → post16
//  R5 age 4 → early_years  R6 age 11 → secondary R7 age 16 → post16       R8 N1 (age 10 ignored) → early_years
//  R9 14 → post16         R10 6 → primary   (a row with neither is refused by the contract)
const REFERRALS = `referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date
R1,P1,S1,SLT,2024-01-15,R,,school,false,accepted,2024-02-01,
R2,P2,S1,SLT,2024-01-20,3,,parent,no,pending,,
R3,P3,S2,OT,2024-02-01,11,,school,true,accepted,2024-03-01,2024-06-30
R4,P4,S2,SLT,2024-02-10,12,,gp,false,signposted,,
R5,P5,S3,OT,2024-03-05,,4,health_visitor,false,accepted,,
R6,P6,S3,SLT,2024-03-06,,11,school,yes,declined,,
R7,P7,S4,SLT,2024-03-07,,16,other,false,pending,,
R8,P8,S5,OT,2024-03-08,N1,10,school,true,accepted,,
R9,P9,S6,SLT,2024-03-09,14,,school,false,pending,,
R10,P10,S6,SLT,2024-03-10,6,,school,false,pending,,
`;

// Columns in a different order from the contract, `programme` absent.
const PROVISION = `month,school_urn,service,delivery_model,sessions,therapist_hours
2024-01,S1,SLT,universal,4,6.5
2024-02,S1,SLT,specialist,2,3
`;

// The same data with three faults: R11's referral_date 31/02/2024 is no date (line 12, counting the header as
// line 1); provision line 3 has sessions "x"; and provision has a column the contract does not know.
const BROKEN = {
  'referrals.csv': `${REFERRALS}R11,P11,S1,SLT,31/02/2024,4,,school,false,pending,,\n`,
  'provision.csv': 'month,school_urn,service,delivery_model,sessions,therapist_hours,notes\n2024-01,S1,SLT,universal,4,6.5,first visit\n2024-01,S2,OT,targeted,x,2,\n',
};

const FIXTURE = { 'schools.csv': SCHOOLS, 'referrals.csv': REFERRALS, 'provision.csv': PROVISION };
const fixtureFiles = (over: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries({ ...FIXTURE, ...over }).map(([name, text]) => [name, bytes(text)]));

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('loadContractTables on the hand-made fixture', () => {
  it('refuses a set with any bad cell or unknown column, listing each with its line', async () => {
    const refusal = await loadContractTables(db, fixtureFiles(BROKEN), { enrichSql }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ContractRefusal);
    expect(issueLines((refusal as ContractRefusal).report)).toEqual([
      'referrals.csv:12: referral_date: must be a date as yyyy-mm-dd or dd/mm/yyyy (31/02/2024)',
      'provision.csv:1: notes: is not a column of the contract (remove it) (notes)',
    ]);
    const noNotes = fixtureFiles({ 'provision.csv': BROKEN['provision.csv'].replace(',notes', '').replace(',first visit', '').replace('x,2,', 'x,2') });
    const second = await loadContractTables(db, noNotes, { enrichSql }).catch((e: unknown) => e);
    expect(issueLines((second as ContractRefusal).report)).toEqual(['provision.csv:3: sessions: must be a whole number (x)']);
  });

  it('loads every table, reports row counts and progress, and makes an empty workforce table', async () => {
    const stages: string[] = [];
    const loaded = await loadContractTables(db, fixtureFiles(), { enrichSql, onProgress: (p) => stages.push(p.stage === 'deriving-views' ? p.stage : `${p.stage} ${p.table}`) });
    expect(loaded.rowCounts).toEqual({ schools: 6, referrals: 10, provision: 2, workforce: 0 });
    expect(loaded.absentTables).toEqual(['workforce']);
    expect(stages).toEqual(['loading-table schools', 'checking-table schools', 'loading-table referrals', 'checking-table referrals',
      'loading-table provision', 'checking-table provision', 'deriving-views']);
    const workforceColumns = await db.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'workforce' ORDER BY column_index");
    expect(workforceColumns.map((c) => `${c.column_name} ${c.data_type}`)).toEqual(
      ['month VARCHAR', 'service VARCHAR', 'fte_in_post DOUBLE', 'fte_vacant DOUBLE']);
  });

  it('reads columns by name whatever their order, with absent optional columns as NULL', async () => {
    const rows = await db.query('SELECT school_urn, month, sessions, therapist_hours, programme FROM provision ORDER BY month');
    expect(rows).toEqual([
      { school_urn: 'S1', month: '2024-01', sessions: 4, therapist_hours: 6.5, programme: null },
      { school_urn: 'S1', month: '2024-02', sessions: 2, therapist_hours: 3, programme: null },
    ]);
  });

  it('works out age phase, school type, locality and month for each referral', async () => {
    const rows = await db.query('SELECT referral_id, age_phase, school_type, locality, month, has_ehcp FROM referrals_enriched ORDER BY referral_id');
    const byId = Object.fromEntries(rows.map((r) => [r.referral_id, r]));
    expect(Object.fromEntries(rows.map((r) => [r.referral_id, r.age_phase]))).toEqual({
      R1: 'early_years', R2: 'primary', R3: 'secondary', R4: 'post16', R5: 'early_years',
      R6: 'secondary', R7: 'post16', R8: 'early_years', R9: 'post16', R10: 'primary',
    });
    expect(byId.R3).toMatchObject({ school_type: 'mainstream', locality: 'North', month: '2024-02', has_ehcp: true });
    expect(byId.R6).toMatchObject({ has_ehcp: true }); // "yes" read as true
    expect(byId.R8).toMatchObject({ school_type: 'special', locality: 'South', month: '2024-03' });
    expect(byId.R10).toMatchObject({ school_type: 'early_years', locality: 'North', month: '2024-03' });
  });

  it('splits each school roll into age phases by the blank-column rule (METHODS §3a)', async () => {
    const rows = await db.query<{ urn: string; age_phase: string; roll: number }>('SELECT urn, age_phase, roll FROM school_phase_rolls');
    const rolls: Record<string, number[]> = {};
    for (const r of rows) (rolls[r.urn] ??= [0, 0, 0, 0])[AGE_PHASES.indexOf(r.age_phase as never)] = r.roll;
    expect(rows).toHaveLength(6 * 4);
    // All rolls blank, no age range: the phase default's year groups share the roll evenly.
    //   S1 primary 4–11: R + years 1–6 = 7 year groups; early years round(210 × 1/7) = 30, primary 210 − 30 = 180.
    //   S3 all-through 4–18: R, 1–6, 7–11, 12–13 = 1 + 6 + 5 + 2 of 14; cumulative rounding of 201 × 1/14 = 14,
    //   × 7/14 = 100.5 → 101 (so primary 87), × 12/14 = 172.3 → 172 (secondary 71), post-16 201 − 172 = 29.
    //   S6 nursery 2–5: N1, N2, R, all early years.
    // S4 and S5 give rolls, which always win.
    expect(rolls).toEqual({
      S1: [30, 180, 0, 0], S2: [0, 0, 1000, 0], S3: [14, 87, 71, 29],
      S4: [30, 210, 0, 0], S5: [10, 50, 40, 20], S6: [60, 0, 0, 0],
    });
  });

  it('uses the statutory age range when the rolls are blank', async () => {
    const schools = `urn,name,school_type,phase,locality,pupils_on_roll,pupils_ehcp,age_low,age_high
T1,Nursery-class Primary,mainstream,primary,North,240,2,3,11
T2,Sixth-form Secondary,mainstream,secondary,North,1200,20,11,18
T3,Special 2 to 19,special,all_through,North,130,130,2,19
`;
    const referrals = 'referral_id,pupil_pseudo_id,school_urn,service,referral_date,year_group,age_at_referral,referral_source,has_ehcp,outcome,first_contact_date,discharge_date\nX1,P,T1,SLT,2024-01-01,R,,school,false,pending,,\n';
    const provision = 'school_urn,month,service,delivery_model,programme,sessions,therapist_hours\nT1,2024-01,SLT,targeted,,1,1\n';
    const fresh = await openNodeDatabase();
    await loadContractTables(fresh, fixtureFiles({ 'schools.csv': schools, 'referrals.csv': referrals, 'provision.csv': provision }), { enrichSql });
    const rows = await fresh.query<{ urn: string; age_phase: string; roll: number }>('SELECT urn, age_phase, roll FROM school_phase_rolls');
    const rolls: Record<string, number[]> = {};
    for (const r of rows) (rolls[r.urn] ??= [0, 0, 0, 0])[AGE_PHASES.indexOf(r.age_phase as never)] = r.roll;
    // T1 ages 3–10: N2, R (early years) + years 1–6 = 8 year groups: 240 × 2/8 = 60 early years, 180 primary.
    // T2 ages 11–17: years 7–13, 5 + 2 of 7: round(1200 × 5/7) = round(857.1) = 857 secondary, 343 post-16.
    // T3 ages 2–18: 17 year groups, 3 + 6 + 5 + 3: 130 × 3/17 = 22.9 → 23; × 9/17 = 68.8 → 69 (46); × 14/17 = 107.1
    //   → 107 (38); post-16 130 − 107 = 23.
    expect(rolls).toEqual({ T1: [60, 180, 0, 0], T2: [0, 0, 857, 343], T3: [23, 46, 38, 23] });
    await fresh.close();
  });

  it('gives the same age phase as the contract for every year group and every age', async () => {
    const header = REFERRALS.split('\n')[0];
    const line = (id: string, yearGroup: string, age: string) => `${id},P,S1,SLT,2024-01-01,${yearGroup},${age},school,false,pending,,`;
    const rows = [...YEAR_GROUPS.map((y) => line(`Y${y}`, y, '')), ...Array.from({ length: 26 }, (_, a) => line(`A${a}`, '', String(a)))];
    await loadContractTables(db, fixtureFiles({ 'referrals.csv': `${header}\n${rows.join('\n')}\n` }), { enrichSql });
    const got = Object.fromEntries((await db.query('SELECT referral_id, age_phase FROM referrals_enriched')).map((r) => [r.referral_id, r.age_phase]));
    const expected = Object.fromEntries([
      ...YEAR_GROUPS.map((y) => [`Y${y}`, agePhaseOfYearGroup(y)]),
      ...Array.from({ length: 26 }, (_, a) => [`A${a}`, agePhaseOfAge(a)]),
    ]);
    expect(got).toEqual(expected);
  });
});

describe('loadContractTables when a file cannot be loaded', () => {
  it('names a missing required file', async () => {
    const files = fixtureFiles();
    delete files['provision.csv'];
    await expect(loadContractTables(db, files, { enrichSql })).rejects.toThrow(/provision\.csv is missing/);
  });

  it('names a required column missing from a header', async () => {
    const load = loadContractTables(db, fixtureFiles({ 'schools.csv': 'urn,name\nS1,Alder\n' }), { enrichSql });
    await expect(load).rejects.toBeInstanceOf(TableLoadError);
    await expect(load).rejects.toThrow(/schools\.csv:1: school_type: required column is missing/);
  });

  it('keeps the previous data when a load fails part-way', async () => {
    await loadContractTables(db, fixtureFiles(), { enrichSql });
    // Two schools and their rows only: the checks pass, then building the derived tables fails inside the swap.
    const smaller = fixtureFiles({
      'schools.csv': SCHOOLS.split('\n').slice(0, 3).join('\n'),
      'referrals.csv': REFERRALS.split('\n').slice(0, 5).join('\n'),
      'provision.csv': PROVISION,
    });
    await expect(loadContractTables(db, smaller, { enrichSql: 'SELECT no_such_function()' })).rejects.toThrow();
    expect(await db.query('SELECT count(*) AS n FROM schools')).toEqual([{ n: 6 }]);
    expect(await db.query('SELECT count(*) AS n FROM school_phase_rolls')).toEqual([{ n: 24 }]);
  });

  it('puts disabled_optimizers back as it was, whether enrich.sql ends or fails between its SET and its RESET', async () => {
    const off = async () => (await db.query<{ off: string }>("SELECT current_setting('disabled_optimizers') AS off"))[0]?.off;
    await loadContractTables(db, fixtureFiles(), { enrichSql });
    expect(await off()).toBe('');
    // A derived table that fails after the SET (as accepted_referrals could, out of memory in the browser): the
    // setting is not part of the transaction, so without the load putting it back every later query would keep it.
    const failing = "SET disabled_optimizers = 'join_order,build_side_probe_side';\nSELECT no_such_function();\nRESET disabled_optimizers;\n";
    await expect(loadContractTables(db, fixtureFiles(), { enrichSql: failing })).rejects.toThrow();
    expect(await off()).toBe('');
    expect(await db.query('SELECT count(*) AS n FROM schools')).toEqual([{ n: 6 }]);
  });
});

describe('helpers', () => {
  it('reads a header with a BOM, quotes, capitals and CRLF', () => {
    expect(readCsvHeader(bytes('\uFEFFURN,"Name, full",phase\r\nS1,a,b\r\n'))).toEqual(['urn', 'name, full', 'phase']);
  });

  it('splits enrich.sql into its statements', () => {
    const statements = sqlStatements(enrichSql);
    expect(statements).toHaveLength(26);
    expect(statements[0]).toMatch(/^CREATE OR REPLACE MACRO record_key/);
    expect(statements[1]).toMatch(/^CREATE OR REPLACE MACRO age_phase_of/);
    // Each referral's record key, computed once (SHA-256 is most of the enrichment's cost), then the enriched
    // referrals as a view over referrals, those keys (by position) and schools: no copy of every referral.
    expect(statements[2]).toMatch(/^CREATE OR REPLACE TABLE referral_keys AS SELECT record_key\(referral_id\)/);
    expect(statements[3]).toMatch(/^CREATE OR REPLACE VIEW referrals_enriched/);
    expect(statements[4]).toMatch(/^CREATE OR REPLACE TABLE school_phase_rolls/);
    expect(statements[5]).toMatch(/^CREATE OR REPLACE MACRO month_index/);
    expect(statements[6]).toMatch(/^CREATE OR REPLACE MACRO date_month_index/);
    expect(statements[7]).toMatch(/^CREATE OR REPLACE MACRO month_text/);
    expect(statements[8]).toMatch(/^CREATE OR REPLACE TABLE referral_cells/);
    // accepted_referrals' join order is fixed for that statement alone (replaceTablesAndDerive puts the setting back
    // if anything in between fails).
    expect(statements[9]).toBe("SET disabled_optimizers = 'join_order,build_side_probe_side'");
    expect(statements[10]).toMatch(/^CREATE OR REPLACE TABLE accepted_referrals/);
    expect(statements[11]).toBe('RESET disabled_optimizers');
    expect(statements[12]).toMatch(/^CREATE OR REPLACE TABLE waiting_changes/);
    // The waits' macros, then wait_facts, its ENUM types and wait_counts (off wait_facts), dropped and made afresh
    // on every load.
    expect(statements[13]).toMatch(/^CREATE OR REPLACE MACRO day_number/);
    expect(statements[14]).toMatch(/^CREATE OR REPLACE MACRO month_last_day/);
    expect(statements[15]).toMatch(/^CREATE OR REPLACE MACRO quantile_between/);
    expect(statements.slice(16, 21).join('\n')).toMatch(/^DROP TABLE IF EXISTS wait_counts\nDROP TABLE IF EXISTS wait_facts\nDROP TYPE IF EXISTS service_enum\n/);
    expect(statements[21]).toMatch(/^CREATE TYPE service_enum AS ENUM/);
    expect(statements[24]).toMatch(/^CREATE TABLE wait_facts/);
    expect(statements[25]).toMatch(/^CREATE TABLE wait_counts/);
  });
});

describe('record keys', () => {
  it('are one column per referral, from the record_key macro (METHODS §7: R-000001 → 161)', async () => {
    const fresh = await openNodeDatabase();
    await loadContractTables(fresh, fixtureFiles(), { enrichSql });
    const columns = await fresh.query<{ column_name: string }>("SELECT column_name FROM duckdb_columns() WHERE table_name = 'referrals_enriched' AND column_name LIKE 'rkey%'");
    expect(columns.map((c) => c.column_name)).toEqual(['rkey']);
    expect(await fresh.query("SELECT record_key('R-000001') AS k")).toEqual([{ k: 161 }]);
    await fresh.close();
  });
});
