import { describe, expect, it } from 'vitest';
import { academicYearStart, ageOn, yearGroupOn } from '../../pipelines/anonymise/year-group.ts';
import { normaliseName, normaliseYearGroup } from '../../pipelines/anonymise/raw-extract.ts';

// English year groups: the cohort is born 1 September to 31 August; the year group in an academic year follows from
// age on the 31 August before it (2 → N1, 3 → N2, 4 → R, 5 → Y1 … 18 → Y14). Each row worked by hand.
describe('yearGroupOn', () => {
  it.each([
    // dob,         referral,     year group, age at referral, why
    ['2019-08-31', '2024-10-01', '1', 5, 'born 31 Aug: 5 on 31 Aug 2024, the oldest age of Year 1 in 2024/25'],
    ['2019-09-01', '2024-10-01', 'R', 5, 'born a day later, 1 Sep: 4 on 31 Aug 2024, so Reception'],
    ['2019-09-01', '2024-08-31', 'N2', 4, 'the last day of 2023/24: age on 31 Aug 2023 was 3'],
    ['2019-09-01', '2024-09-01', 'R', 5, 'the first day of 2024/25: 4 on 31 Aug 2024'],
    ['2020-03-15', '2024-09-10', 'R', 4, 'fixture row 2: 4 on 31 Aug 2024'],
    ['2017-06-17', '2024-09-12', '3', 7, 'fixture row 3: 7 on 31 Aug 2024 → 7 − 4 = Year 3'],
    ['2011-01-20', '2024-11-05', '9', 13, 'fixture row 4: 13 on 31 Aug 2024 → Year 9'],
    ['2021-11-02', '2025-02-03', 'N1', 3, 'fixture row 6: 2 on 31 Aug 2024'],
    ['2021-08-31', '2025-02-03', 'N2', 3, 'born 31 Aug 2021: 3 on 31 Aug 2024'],
    ['2006-08-31', '2025-06-30', '14', 18, 'born 31 Aug 2006: 18 on 31 Aug 2024 → Year 14, the last in range'],
  ])('born %s, referred %s → %s', (dob, referral, yearGroup, age) => {
    expect(yearGroupOn(dob, referral)).toEqual({ yearGroup, ageAtReferral: age });
  });

  it.each([
    ['2004-02-01', '2024-10-01', 20, 'fixture row 8: 20 on 31 Aug 2024, past Year 14'],
    ['2005-08-31', '2024-10-01', 19, 'born 31 Aug 2005: 19 on 31 Aug 2024, past Year 14'],
    ['2023-12-01', '2025-01-10', 1, 'fixture row 9: 0 on 31 Aug 2024, before N1'],
    ['2022-09-01', '2025-01-10', 2, 'born 1 Sep 2022: 1 on 31 Aug 2024, before N1'],
  ])('born %s, referred %s: outside N1–Y14 → no year group, age %i', (dob, referral, age) => {
    expect(yearGroupOn(dob, referral)).toEqual({ yearGroup: null, ageAtReferral: age });
  });

  it('counts age in whole years, birthdays included', () => {
    expect(ageOn('2019-09-01', '2024-08-31')).toBe(4);
    expect(ageOn('2019-09-01', '2024-09-01')).toBe(5);
    expect(ageOn('2020-02-29', '2025-02-28')).toBe(4); // a leap-day birthday falls on 1 March
    expect(ageOn('2020-02-29', '2025-03-01')).toBe(5);
  });

  it('knows when the academic year started', () => {
    expect(academicYearStart('2024-08-31')).toBe(2023);
    expect(academicYearStart('2024-09-01')).toBe(2024);
    expect(academicYearStart('2025-01-10')).toBe(2024);
  });
});

describe('normaliseYearGroup', () => {
  it.each([
    ['Year 8', '8'], ['Y1', '1'], ['y10', '10'], ['YR', 'R'], ['Reception', 'R'], ['r', 'R'], ['n1', 'N1'],
    ['N2', 'N2'], ['07', '7'], ['14', '14'], ['', ''], ['Year Eight', 'Year Eight'],
  ])('%j → %j', (raw, expected) => expect(normaliseYearGroup(raw)).toBe(expected));
});

describe('normaliseName', () => {
  it('ignores case, accents, spaces, hyphens and apostrophes', () => {
    expect(normaliseName("Zoë O'Test-Fixture")).toBe('zoeotestfixture');
    expect(normaliseName('ZOE OTEST FIXTURE')).toBe('zoeotestfixture');
  });
});
