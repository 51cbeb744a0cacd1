// The local series' suppression and the builder of the shipped files, on hand-made inputs.
import { describe, expect, it } from 'vitest';
import { buildContext, contextFileText } from '../../../src/context/build.ts';
import { displayName, missingFromFiles, pctOver18Weeks } from '../../../src/context/figures.ts';
import { localWaitsShown } from '../../../src/context/local.ts';
import { Cell, createGate } from '../../../src/disclosure/index.ts';
import { EXAMPLE_AREA } from '../../../src/context/types.ts';

// Cell keys 100 and 150 both perturb by 0 (METHODS §7: 77–178 → 0), so the arithmetic below is on the counts given.
const counts = (waiting: number, over: number) => ({ month: '2023-01', service: 'SLT', waiting: Cell.seal(waiting, 100), waiting_over_18_weeks: Cell.seal(over, 150) });
const gate = createGate('shareable', 5);

describe('localWaitsShown', () => {
  it('shows the % from the published counts: 40 waiting, 10 over 18 weeks = 25%', () => {
    expect(localWaitsShown([counts(40, 10)], gate)).toEqual([{ month: '2023-01', service: 'SLT', waiting: 40, waiting_over_18_weeks: 10, pct_over_18_weeks: 25 }]);
  });
  it('hides the % when either count is 1–4, and caps a perturbed part at its whole', () => {
    const [few, smallOver, none, all] = localWaitsShown([counts(4, 0), counts(40, 3), counts(40, 0), counts(6, 6)], gate);
    expect(few).toMatchObject({ waiting: 'c', pct_over_18_weeks: 'c' });
    expect(smallOver).toMatchObject({ waiting: 40, waiting_over_18_weeks: 'c', pct_over_18_weeks: 'c' });
    expect(none).toMatchObject({ waiting: 40, waiting_over_18_weeks: 0, pct_over_18_weeks: 0 });
    expect(all).toMatchObject({ waiting: 6, waiting_over_18_weeks: 6, pct_over_18_weeks: 100 });
    const [perturbed] = localWaitsShown([{ month: '2023-01', service: 'SLT', waiting: Cell.seal(20, 100), waiting_over_18_weeks: Cell.seal(20, 240) }], gate);
    expect(perturbed).toMatchObject({ waiting: 20, waiting_over_18_weeks: 22, pct_over_18_weeks: 100 });
  });
  it('says no one was waiting (null), not c, for an empty month', () => {
    expect(localWaitsShown([counts(0, 0)], gate)[0]?.pct_over_18_weeks).toBeNull();
  });
});

describe('names and the published definition', () => {
  it('writes names as people read them', () => {
    expect(displayName('provider', 'OXLEAS NHS FOUNDATION TRUST')).toBe('Oxleas NHS Foundation Trust');
    expect(displayName('icb', 'SOUTH EAST LONDON')).toBe('NHS South East London ICB');
    expect(displayName('region', 'NORTH EAST AND YORKSHIRE')).toBe('North East and Yorkshire');
  });
  it('is 100 × (18–52 + over 52) ÷ total, and no figure without a total', () => {
    expect(pctOver18Weeks(200, 30, 20)).toBe(25);
    expect(pctOver18Weeks(null, 1, 1)).toBeNull();
    expect(pctOver18Weeks(0, 0, 0)).toBeNull();
  });
});

// A miniature of each published layout (headers as published), values made up for the test.
const ORG = `Organisation Type,Date,formattedDate,Therapy,Total waiting list,Waiting >18-52 weeks,Waiting >52 weeks,Percentage waiting more than 18 weeks,Organisation Name
,January 2023,2023-01-01,Speech And Language,1000.0,100.0,50.0,15.0,ENGLAND
Region,January 2023,2023-01-01,Speech And Language,100.0,10.0,5.0,15.0,LONDON
ICB,January 2023,2023-01-01,Occupational Therapy,,,,,"BATH, SWINDON"
Organisation,January 2023,2023-01-01,Community Paediatric Service,9.0,1.0,1.0,22.2,OXLEAS NHS FOUNDATION TRUST
Provider,June 2023,2023-06-01,Speech And Language,20.0,4.0,1.0,25.0,OXLEAS NHS FOUNDATION TRUST
`;
const ENGLAND = `"","Therapy","Total waiting list","Waiting >18-52 weeks","Waiting >52 weeks","Date","Percentage waiting more than 18 weeks","formattedDate"
"1","Speech And Language",1000,100,50," January 2023",15,2023-01-01
"2","Audiology",10,1,1," January 2023",20,2023-01-01
`;
const NEED = `time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehc_plans,number_slcn,slcn_pc
202425,Academic year,Local authority,E92000001,England,E12000007,London,E09000099,999,Testshire,All EHC plans,All EHC plans,200,50,25
202425,Academic year,Local authority,E92000001,England,E12000007,London,E09000099,999,Testshire,Sex,Male,100,30,30
2024,Calendar year,National,E92000001,England,,,,,,Child or young persons age,age 3,10,6,60
`;
const TIMELY = `time_period,geographic_level,region_code,region_name,old_la_code,new_la_code,la_name,new_all_ehc,% of EHCPs issued within 20 weeks
2019.0,Local authority,E12000007,London,999.0,E09000099,Testshire,40.0,75.0
`;
const PUPILS = `time_period,geographic_level,region_name,la_name,new_la_code,SEN provision,% of pupils,academic_year
202223.0,Regional,London,,,EHC plan,4.5,2022/23
`;

describe('buildContext', () => {
  const built = buildContext({ 'a.csv': ORG, 'b.csv': ENGLAND, 'c.csv': NEED, 'd.csv': TIMELY, 'e.csv': PUPILS });
  it('keeps SLT and OT rows by level, England from its own file, blanks as null, Organisation = provider', () => {
    expect(built.waits.rows).toEqual([
      ['england', 'ENGLAND', '2023-01', 'SLT', 1000, 100, 50],
      ['icb', 'BATH, SWINDON', '2023-01', 'OT', null, null, null],
      ['provider', 'OXLEAS NHS FOUNDATION TRUST', '2023-06', 'SLT', 20, 4, 1],
      ['region', 'LONDON', '2023-01', 'SLT', 100, 10, 5],
    ]);
  });
  it('keeps any local authority in the file, all plans and by age only; new plans by time identifier', () => {
    expect(built.ehcpNeed.rows).toEqual([
      ['all_plans', '202425', 'la', 'Testshire', 'E09000099', 'All EHC plans', 'All EHC plans', 200, 50, 25],
      ['new_plans', '2024', 'england', 'England', '', 'Child or young persons age', 'age 3', 10, 6, 60],
    ]);
    expect(built.timeliness.rows).toEqual([[2019, 'la', 'Testshire', 40, 75]]);
    expect(built.pupils.rows).toEqual([['2022/23', 'region', 'London', 'EHC plan', 4.5]]);
    expect(missingFromFiles(built, EXAMPLE_AREA)).toEqual(['local authority Bexley', 'ICB SOUTH EAST LONDON']);
  });
  it('names the missing kinds of file', () => {
    expect(() => buildContext({ 'b.csv': ENGLAND })).toThrow(/DfE EHC plans by primary need, DfE EHC plan timeliness/);
  });
  it('writes a file that reads back as the same object', () => {
    expect(JSON.parse(contextFileText(built.waits))).toEqual(JSON.parse(JSON.stringify(built.waits)));
  });
});
