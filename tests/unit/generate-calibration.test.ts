// The committed sample (seed 1, default area) matches METHODS.md §9 and carries the planted patterns strongly
// enough for the dashboard's own methods (§3 Byar comparison, §4 funnel, §5 seasonally adjusted SPC) to find them.
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, agePhaseOfAge, agePhaseOfYearGroup, type AgePhase, type YearGroup } from '../../src/contract/index.ts';
import { generateDataset, memorySinks, resolveOptions, type GenerateSummary } from '../../pipelines/generator/index.ts';

type Row = Record<string, string>;
const Z998 = 3.090232;

function rows(text: string): Row[] {
  const [header = '', ...body] = text.slice(0, -1).split('\n');
  const names = header.split(',');
  return body.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;
const share = <T>(xs: readonly T[], test: (x: T) => boolean): number => xs.filter(test).length / xs.length;

/** P(X ≤ x) for X ~ Poisson(e), summed in log space (fine for the counts here). */
function poissonCdf(x: number, e: number): number {
  let total = 0;
  let logFactorial = 0;
  for (let k = 0; k <= x; k++) {
    if (k > 1) logFactorial += Math.log(k);
    total += Math.exp(-e + k * Math.log(e) - logFactorial);
  }
  return total;
}

/** Upper 99.8% bound of a count: Byar from 10 events, exact Poisson below (METHODS.md §1). */
function upper998(x: number): number {
  if (x >= 10) return (x + 1) * (1 - 1 / (9 * (x + 1)) + Z998 / (3 * Math.sqrt(x + 1))) ** 3;
  let lo = x;
  let hi = x + 60;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (poissonCdf(x, mid) > 0.001) lo = mid;
    else hi = mid;
  }
  return lo;
}

const phaseOf = (r: Row): AgePhase =>
  r.year_group ? agePhaseOfYearGroup(r.year_group as YearGroup) : agePhaseOfAge(Number(r.age_at_referral));
const month = (r: Row): string => (r.referral_date ?? '').slice(0, 7);

let summary: GenerateSummary;
let schools: Row[];
let referrals: Row[];
let provision: Row[];
let workforce: Row[];
let months: string[];
let pupils: number;
const rollOf = (urns: Set<string>) => sum(schools.filter((s) => urns.has(s.urn ?? '')).map((s) => Number(s.pupils_on_roll)));
const monthlyCounts = (test: (r: Row) => boolean): number[] => {
  const counts = new Map(months.map((m) => [m, 0]));
  for (const r of referrals) if (test(r)) counts.set(month(r), (counts.get(month(r)) ?? 0) + 1);
  return months.map((m) => counts.get(m) ?? 0);
};

beforeAll(async () => {
  const memory = memorySinks();
  summary = await generateDataset(resolveOptions({ seed: 1 }), memory.factory);
  schools = rows(memory.text(TABLES.schools.file));
  referrals = rows(memory.text(TABLES.referrals.file));
  provision = rows(memory.text(TABLES.provision.file));
  workforce = rows(memory.text(TABLES.workforce.file));
  months = [...new Set(referrals.map(month))].sort();
  pupils = sum(schools.map((s) => Number(s.pupils_on_roll)));
});

describe('the area (METHODS.md §9, Bexley-like)', () => {
  it('has §9 pupils by setting and about 43,000 pupils in the school census', () => {
    const census = schools.filter((s) => ['mainstream', 'special', 'independent', 'alternative_provision'].includes(s.school_type ?? ''));
    const total = sum(census.map((s) => Number(s.pupils_on_roll)));
    expect(total).toBeGreaterThan(40_000);
    expect(total).toBeLessThan(47_000);
    const shareOf = (test: (s: Row) => boolean) => sum(census.filter(test).map((s) => Number(s.pupils_on_roll))) / total;
    expect(shareOf((s) => s.school_type === 'mainstream' && s.phase === 'primary')).toBeCloseTo(0.507, 1);
    expect(shareOf((s) => s.school_type === 'mainstream' && s.phase === 'secondary')).toBeCloseTo(0.46, 1);
    expect(Math.abs(shareOf((s) => s.school_type === 'special') - 0.017)).toBeLessThan(0.005);
    expect(Math.abs(shareOf((s) => s.school_type === 'independent') - 0.017)).toBeLessThan(0.01);
    expect(shareOf((s) => s.school_type === 'alternative_provision')).toBeLessThan(0.0015);
    const ehcp = sum(census.map((s) => Number(s.pupils_ehcp))) / total;
    expect(ehcp).toBeGreaterThan(0.038);
    expect(ehcp).toBeLessThan(0.054);
  });

  it('has every kind of setting, five localities and a few blank IMD deciles', () => {
    expect(schools.filter((s) => s.school_type === 'mainstream' && s.phase === 'primary')).toHaveLength(57);
    expect(schools.filter((s) => s.school_type === 'mainstream' && s.phase === 'secondary')).toHaveLength(16);
    for (const type of ['special', 'independent', 'alternative_provision', 'early_years', 'college']) {
      expect(schools.some((s) => s.school_type === type)).toBe(true);
    }
    expect(new Set(schools.map((s) => s.locality)).size).toBe(5);
    const blanks = schools.filter((s) => s.imd_decile === '').length;
    expect(blanks).toBeGreaterThan(0);
    expect(blanks).toBeLessThan(6);
    expect(schools.every((s) => /^\d{6}$/.test(s.urn ?? ''))).toBe(true);
  });

  it('has EHC plans concentrated in special schools and an SLCN share falling with age', () => {
    const ratio = (type: string, phase: string | null, column: string) => {
      const set = schools.filter((s) => s.school_type === type && (!phase || s.phase === phase) && s[column] !== '');
      return sum(set.map((s) => Number(s[column]))) / sum(set.map((s) => Number(s.pupils_on_roll)));
    };
    expect(ratio('special', null, 'pupils_ehcp')).toBeGreaterThan(0.85);
    expect(ratio('mainstream', 'primary', 'pupils_ehcp')).toBeLessThan(0.05);
    const slcn = [ratio('early_years', null, 'pupils_slcn'), ratio('mainstream', 'primary', 'pupils_slcn'),
      ratio('mainstream', 'secondary', 'pupils_slcn'), ratio('college', null, 'pupils_slcn')];
    expect(slcn).toEqual([...slcn].sort((a, b) => b - a));
  });
});

describe('referrals', () => {
  it('has realistic volumes: about 65 per 1,000 pupils a year, more SLT than OT, SLT falling with age', () => {
    const perThousandYear = (1000 * referrals.length) / pupils / 5;
    expect(perThousandYear).toBeGreaterThan(55);
    expect(perThousandYear).toBeLessThan(75);
    const slt = share(referrals, (r) => r.service === 'SLT');
    expect(slt).toBeGreaterThan(0.55);
    expect(slt).toBeLessThan(0.7);
    const phaseRate = (phase: AgePhase) => referrals.filter((r) => r.service === 'SLT' && phaseOf(r) === phase).length
      / sum(schools.map((s) => Number(s[`roll_${phase}`])));
    const rates = (['early_years', 'primary', 'secondary', 'post16'] as const).map(phaseRate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it('dips in August to about a third of the average month and peaks in the autumn', () => {
    for (const service of ['SLT', 'OT']) {
      const counts = monthlyCounts((r) => r.service === service);
      const average = mean(counts);
      const august = mean(counts.filter((_, i) => months[i]?.endsWith('-08')));
      const autumn = mean(counts.filter((_, i) => /-(09|10|11)$/.test(months[i] ?? '')));
      expect(august / average).toBeGreaterThan(0.2);
      expect(august / average).toBeLessThan(0.5);
      expect(autumn / average).toBeGreaterThan(1.15);
    }
  });

  it('has §9 waits: 58–72% of SLT and 60–74% of OT seen within 18 weeks', () => {
    const cutoff = '2025-08-31'; // referrals a year or more before the end have had time to be seen
    for (const [service, low, high] of [['SLT', 0.58, 0.72], ['OT', 0.6, 0.74]] as const) {
      const seen = referrals.filter((r) => r.service === service && r.first_contact_date && (r.referral_date ?? '') <= cutoff);
      const days = (r: Row) => (Date.parse(r.first_contact_date ?? '') - Date.parse(r.referral_date ?? '')) / 86_400_000;
      const within = share(seen, (r) => days(r) <= 126);
      expect(within).toBeGreaterThan(low);
      expect(within).toBeLessThan(high);
    }
  });

  it('has about 75% accepted, pending only at the end, 3% age without year group, sources by age', () => {
    const triaged = referrals.filter((r) => r.outcome !== 'pending');
    const accepted = share(triaged, (r) => r.outcome === 'accepted');
    expect(accepted).toBeGreaterThan(0.7);
    expect(accepted).toBeLessThan(0.8);
    expect(referrals.filter((r) => r.outcome === 'pending').every((r) => (r.referral_date ?? '') >= '2026-07-15')).toBe(true);
    const ageOnly = share(referrals, (r) => r.year_group === '');
    expect(ageOnly).toBeGreaterThan(0.015);
    expect(ageOnly).toBeLessThan(0.045);
    const sources = (yearGroups: string[]) => referrals.filter((r) => yearGroups.includes(r.year_group ?? ''));
    expect(share(sources(['N1', 'N2']), (r) => r.referral_source === 'health_visitor')).toBeGreaterThan(0.2);
    expect(share(sources(['3', '4', '5', '6', '7', '8']), (r) => r.referral_source === 'health_visitor')).toBeLessThan(0.03);
    expect(share(referrals, (r) => r.referral_source === 'school')).toBeGreaterThan(0.5);
    const perChild = new Map<string, number>();
    for (const r of referrals) perChild.set(r.pupil_pseudo_id ?? '', (perChild.get(r.pupil_pseudo_id ?? '') ?? 0) + 1);
    const repeated = share([...perChild.values()], (n) => n > 1);
    expect(repeated).toBeGreaterThan(0.05);
    expect(repeated).toBeLessThan(0.4);
  });
});

describe('planted patterns (sample-data/README.md)', () => {
  it('1: independent schools have much lower OT access, over five years and over the latest year', () => {
    const independent = new Set(schools.filter((s) => s.school_type === 'independent').map((s) => s.urn ?? ''));
    for (const from of [months[0] ?? '', months[months.length - 12] ?? '']) {
      const ot = referrals.filter((r) => r.service === 'OT' && month(r) >= from);
      const observed = ot.filter((r) => independent.has(r.school_urn ?? '')).length;
      const expectedAtAreaRate = (ot.length / pupils) * rollOf(independent);
      expect(observed / expectedAtAreaRate).toBeLessThan(0.5);
      expect(upper998(observed)).toBeLessThan(expectedAtAreaRate); // "much lower" (§3)
    }
  });

  it('2: early-years SLT demand steps up, a shift in the seasonally adjusted series (§5)', () => {
    const series = monthlyCounts((r) => r.service === 'SLT' && phaseOf(r) === 'early_years');
    expect(mean(series.slice(48)) / mean(series.slice(24, 36))).toBeGreaterThan(1.3);
    const baseline = series.slice(0, 48); // complete years before the latest 12 months
    const index = Array.from({ length: 12 }, (_, c) => mean(baseline.filter((_, i) => i % 12 === c)) / mean(baseline));
    const adjusted = series.map((x, i) => x / (index[i % 12] ?? 1));
    const centre = mean(adjusted);
    let run = 0;
    let longest = 0;
    adjusted.slice(-15).forEach((x) => { run = x > centre ? run + 1 : 0; longest = Math.max(longest, run); });
    expect(longest).toBeGreaterThanOrEqual(7);
    expect(summary.planted.earlyYearsSltStep.fromMonth).toBe('2025-06');
  });

  it('4: two primaries lie outside the 99.8% funnel limits for SLT over five years', () => {
    const slt = referrals.filter((r) => r.service === 'SLT');
    const areaRate = slt.length / pupils;
    const check = (urn: string) => {
      const observed = slt.filter((r) => r.school_urn === urn).length;
      const expected = areaRate * rollOf(new Set([urn]));
      return { ratio: observed / expected, below: poissonCdf(observed, expected), above: 1 - poissonCdf(observed - 1, expected) };
    };
    const high = check(summary.planted.highSltOutlier.urn);
    expect(high.ratio).toBeGreaterThan(2.2);
    expect(high.ratio).toBeLessThan(3.5);
    expect(high.above).toBeLessThan(0.001);
    const low = check(summary.planted.lowSltOutlier.urn);
    expect(low.ratio).toBeLessThan(0.35);
    expect(low.below).toBeLessThan(0.001);
  });

  it('5: the Talk Boost adopter refers about 30% less for SLT afterwards than comparable primaries', () => {
    const { urn, fromMonth, programme } = summary.planted.programmeAdopter;
    const planted = new Set([urn, summary.planted.highSltOutlier.urn, summary.planted.lowSltOutlier.urn]);
    const others = new Set(schools.filter((s) => s.phase === 'primary' && s.school_type === 'mainstream' && !planted.has(s.urn ?? '')).map((s) => s.urn));
    const count = (test: (u: string) => boolean, after: boolean) =>
      referrals.filter((r) => r.service === 'SLT' && test(r.school_urn ?? '') && (month(r) >= fromMonth) === after).length;
    const change = (test: (u: string) => boolean) => count(test, true) / count(test, false);
    const relative = change((u) => u === urn) / change((u) => others.has(u));
    expect(relative).toBeGreaterThan(0.5);
    expect(relative).toBeLessThan(0.85);
    const universal = provision.filter((p) => p.school_urn === urn && p.delivery_model === 'universal');
    expect(universal.every((p) => p.programme === programme && (p.month ?? '') >= fromMonth)).toBe(true);
    expect(universal.map((p) => p.month).sort()[0]).toBe(fromMonth);
  });
});

describe('provision and workforce', () => {
  it('names programmes on universal rows only, with fewer sessions in August', () => {
    expect(provision.every((p) => (p.delivery_model === 'universal') === (p.programme !== ''))).toBe(true);
    const sessions = (test: (p: Row) => boolean) => sum(provision.filter(test).map((p) => Number(p.sessions)));
    expect(sessions((p) => p.month?.endsWith('-08') ?? false) / (sessions(() => true) / 12)).toBeLessThan(0.3);
    const specialist = provision.filter((p) => p.delivery_model === 'specialist');
    const hoursPerSession = sum(specialist.map((p) => Number(p.therapist_hours))) / sum(specialist.map((p) => Number(p.sessions)));
    expect(hoursPerSession).toBeCloseTo(1, 1);
  });

  it('has SLT about 16–19 FTE and OT about 12–14 FTE in post, with vacancies (close to what each needs at 40% indirect time)', () => {
    for (const [service, low, high] of [['SLT', 16, 19.5], ['OT', 12, 14.5]] as const) {
      const rowsOf = workforce.filter((w) => w.service === service);
      expect(rowsOf).toHaveLength(60);
      expect(mean(rowsOf.map((w) => Number(w.fte_in_post)))).toBeGreaterThan(low);
      expect(Math.max(...rowsOf.map((w) => Number(w.fte_in_post)))).toBeLessThanOrEqual(high);
      expect(share(rowsOf, (w) => Number(w.fte_vacant) > 0)).toBeGreaterThan(0.5);
    }
  });
});
