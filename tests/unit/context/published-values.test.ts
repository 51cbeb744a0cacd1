// Every kind of shipped context figure against the value printed in the published file it came from. The expected
// values were typed in by reading /work/shared/context-data/*.csv (DfE and NHS England releases), never computed
// by the code under test.
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_AREA, loadContextData, pupilsContext, slcnContext, timelinessContext, waitsContext,
} from '../../../src/context/index.ts';

const data = await loadContextData();
const waits = waitsContext(data, EXAMPLE_AREA);
const wait = (level: string, service: string, month: string) => {
  const found = waits.filter((r) => r.level === level && r.service === service && r.month === month);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('NHS England children and young people\'s community services waiting lists, 2023', () => {
  it('England speech and language, January 2023: 67,774 waiting, 35.1% over 18 weeks', () => {
    const r = wait('england', 'SLT', '2023-01');
    expect(r.total_waiting_list).toBe(67774);
    expect(r.over_18_weeks).toBe(20810 + 2980);
    expect(r.pct_over_18_weeks!.toFixed(1)).toBe('35.1');
    expect(r.pct_over_18_weeks).toBeCloseTo(35.1019565024936, 9);
  });

  it('England occupational therapy, January 2023 and October 2023; England SLT February 2023', () => {
    expect(wait('england', 'OT', '2023-01')).toMatchObject({ total_waiting_list: 22556, over_18_weeks: 7388 });
    expect(wait('england', 'OT', '2023-01').pct_over_18_weeks).toBeCloseTo(32.754034403263, 9);
    expect(wait('england', 'OT', '2023-10')).toMatchObject({ total_waiting_list: 18355, over_18_weeks: 5633 + 1302 });
    expect(wait('england', 'OT', '2023-10').pct_over_18_weeks).toBeCloseTo(37.7826205393626, 9);
    // February to May are absent from the by-organisation file: England comes from its own file.
    expect(wait('england', 'SLT', '2023-02')).toMatchObject({ total_waiting_list: 65871, over_18_weeks: 20048 + 2342 });
  });

  it('London, South East London ICB and Oxleas (published first as "Organisation", from June as "Provider")', () => {
    expect(wait('region', 'SLT', '2023-01')).toMatchObject({ total_waiting_list: 7537, series: 'NHS region: London' });
    expect(wait('region', 'SLT', '2023-01').pct_over_18_weeks).toBeCloseTo(27.4114369112379, 9);
    expect(wait('icb', 'SLT', '2023-01')).toMatchObject({ total_waiting_list: 1470, over_18_weeks: 394, series: 'ICB: NHS South East London ICB' });
    expect(wait('icb', 'OT', '2023-10').pct_over_18_weeks).toBeCloseTo(21.6216216216216, 9);
    expect(wait('provider', 'OT', '2023-01')).toMatchObject({ total_waiting_list: 532, over_18_weeks: 116, series: 'Provider: Oxleas NHS Foundation Trust' });
    expect(wait('provider', 'SLT', '2023-06')).toMatchObject({ total_waiting_list: 649, over_18_weeks: 30 });
    expect(wait('provider', 'SLT', '2023-06').pct_over_18_weeks).toBeCloseTo(4.62249614791988, 9);
  });

  it('has ten months for every series of the example area and both therapies', () => {
    for (const level of ['england', 'region', 'icb', 'provider']) {
      for (const service of ['SLT', 'OT']) expect(waits.filter((r) => r.level === level && r.service === service)).toHaveLength(10);
    }
  });

  it('keeps an organisation that published no counts as no data, not zero', () => {
    const banes = data.waits.rows.filter((r) => r[0] === 'icb' && r[1] === 'BATH AND NORTH EAST SOMERSET, SWINDON AND WILTSHIRE' && r[2] === '2023-01');
    expect(banes).toHaveLength(2);
    expect(banes.every((r) => r[4] === null)).toBe(true);
  });
});

describe('DfE EHC plans by primary need, 2025 release', () => {
  const shares = slcnContext(data, EXAMPLE_AREA);
  const share = (release: string, area: string, age: string) => shares.find((s) => s.release === release && s.area === area && s.age === age);

  it('Bexley, January 2025: SLCN is the primary need of 934 of 3,267 EHC plans, 28.6%', () => {
    expect(share('all_plans', 'Bexley', 'All ages')).toMatchObject({ ehc_plans: 3267, slcn: 934, slcn_pct: 28.6 });
  });

  it('England, January 2025: 135,836 of 638,745, 21.3%; age 5: 14,271 of 30,847, 46.3%', () => {
    expect(share('all_plans', 'England', 'All ages')).toMatchObject({ ehc_plans: 638745, slcn: 135836, slcn_pct: 21.3 });
    expect(share('all_plans', 'England', 'age 5')).toMatchObject({ ehc_plans: 30847, slcn: 14271, slcn_pct: 46.3 });
  });

  it('new plans in 2024: England 27,058 of 97,563 (27.7%), age 3 51.2%; Bexley 205 of 536 (38.2%), age 4 34 of 59', () => {
    expect(share('new_plans', 'England', 'All ages')).toMatchObject({ ehc_plans: 97563, slcn: 27058, slcn_pct: 27.7 });
    expect(share('new_plans', 'England', 'age 3')).toMatchObject({ ehc_plans: 17696, slcn: 9067, slcn_pct: 51.2 });
    expect(share('new_plans', 'Bexley', 'All ages')).toMatchObject({ ehc_plans: 536, slcn: 205, slcn_pct: 38.2 });
    expect(share('new_plans', 'Bexley', 'age 4')).toMatchObject({ ehc_plans: 59, slcn: 34, slcn_pct: 57.6 });
  });
});

describe('DfE SEND and AP dashboard extracts', () => {
  it('EHC plans issued within 20 weeks: Bexley 2022 89.802% of 391; London 2021 63.9%; England 2017 64.9%', () => {
    const rows = timelinessContext(data, EXAMPLE_AREA);
    expect(rows).toHaveLength(18);
    expect(rows.find((r) => r.area === 'Bexley' && r.year === 2022)).toMatchObject({ new_plans: 391, pct_within_20_weeks: 89.802 });
    expect(rows.find((r) => r.area === 'London' && r.year === 2021)?.pct_within_20_weeks).toBe(63.9);
    expect(rows.find((r) => r.area === 'England' && r.year === 2017)).toMatchObject({ new_plans: 42162, pct_within_20_weeks: 64.9 });
  });

  it('% of pupils with an EHC plan: England 2022/23 4.29; Bexley 2017/18 2.71; London SEN support 2019/20 11.52', () => {
    const rows = pupilsContext(data, EXAMPLE_AREA);
    const find = (area: string, year: string, provision: string) => rows.find((r) => r.area === area && r.academic_year === year && r.provision === provision)?.percent;
    expect(find('England', '2022/23', 'EHC plan')).toBe(4.29);
    expect(find('Bexley', '2017/18', 'EHC plan')).toBe(2.71);
    expect(find('London', '2019/20', 'SEN support')).toBe(11.52);
  });

  it('every shipped file names its source and the Open Government Licence', () => {
    for (const file of Object.values(data)) {
      expect(file.source.length).toBeGreaterThan(20);
      expect(file.licence).toBe('Open Government Licence v3.0');
    }
  });
});
