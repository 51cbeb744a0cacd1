// Key findings (src/components/findings, src/features/*/lib/key-findings.ts): hand-made rows in, hand-written
// statements and order out.
import { describe, expect, it } from 'vitest';
import type { FunnelSeries, RateCell } from '../../src/analytics/index.ts';
import { comparedWithText, kindOf } from '../../src/analytics/rates.ts';
import { rankFindings, ruleOf, sizeOf, type Finding } from '../../src/components/findings/key-findings.ts';
import { equityFindings, funnelFindings, rateFindings } from '../../src/features/equity/lib/key-findings.ts';

// A type's all-ages cell carries its rate adjusted for age mix (here equal to the crude rate given) and its
// comparison through the standardised ratio; a type × phase cell its benchmark (all types at the same age).
const cell = (service: string, type: string | null, phase: string | null, rate: number | 'c', comparison: RateCell['comparison'], benchmark: number | null = null): RateCell => {
  const kind = kindOf({ school_type: type, age_phase: phase });
  return {
    service, school_type: type, age_phase: phase, kind, referrals: 100, pupils: 1000, rate,
    lower95: null, upper95: null, lower998: null, upper998: null,
    expected: null, ratio: null, ratio_lower95: null, ratio_upper95: null, ratio_lower998: null, ratio_upper998: null,
    adjusted_rate: kind === 'type, all ages' ? rate : null, compared_with: comparedWithText(kind, phase), benchmark,
    comparison, explanation: '',
  };
};

const AREA_OT = cell('OT', null, null, 24.9, 'not compared');

describe('ruleOf', () => {
  it('names the interval or limit that fired', () => {
    expect(ruleOf('much lower', 'interval')).toEqual({ direction: 'lower', certainty: 'strong', rule: 'much lower: outside the 99.8% interval' });
    expect(ruleOf('higher', 'interval')).toEqual({ direction: 'higher', certainty: 'moderate', rule: 'higher: outside the 95% interval (inside the 99.8%)' });
    expect(ruleOf('above 99.8%', 'funnel')).toEqual({ direction: 'higher', certainty: 'strong', rule: 'much higher: above the upper 99.8% funnel limit' });
    expect(ruleOf('below 95%', 'funnel')?.rule).toBe('lower: below the lower 95% funnel limit');
    expect(ruleOf('similar', 'interval')?.certainty).toBe('none');
    expect(ruleOf('not compared', 'interval')).toBeNull();
    expect(ruleOf('c', 'interval')).toBeNull();
  });
});

describe('rateFindings', () => {
  it('states the group, service, rate and area rate, as in the issue', () => {
    const [f] = rateFindings([AREA_OT, cell('OT', 'independent', null, 8.5, 'much lower')]);
    expect(f?.text).toBe('Independent schools: OT referrals 8.5 per 1,000 pupils a year adjusted for age mix against 24.9 across the area');
    expect(f?.rule).toBe('much lower: outside the 99.8% interval');
    expect(f?.figureId).toBe('figure-rates-OT');
  });

  it('takes each cell\'s like-for-like comparison, tells a phase with its type when flagged alike, skips phase margins', () => {
    const found = rateFindings([
      AREA_OT,
      cell('OT', null, 'primary', 30, 'not compared'),
      cell('OT', null, 'post16', 4, 'not compared'),
      cell('OT', 'independent', null, 8.5, 'much lower'),
      // Much lower than all types at primary age (30), told with the type.
      cell('OT', 'independent', 'primary', 10, 'much lower', 30),
      // Mainstream post-16 is similar to post-16 in all schools: no finding (against the area it would be "much lower").
      cell('OT', 'mainstream', 'post16', 4.2, 'similar', 4),
      // Special primary: lower than all types at primary age.
      cell('OT', 'special', 'primary', 24, 'lower', 30),
      cell('OT', 'mainstream', 'primary', 'c', 'c'),
      cell('OT', 'special', null, 25.0, 'similar'),
    ]);
    expect(found.map((f) => f.text)).toEqual([
      'Independent schools: OT referrals 8.5 per 1,000 pupils a year adjusted for age mix against 24.9 across the area; lower in the same way for primary age',
      'Special schools, primary age: OT referrals 24.0 per 1,000 pupils a year against 30.0 for all primary-age pupils in the area',
    ]);
    expect(found[1]?.rule).toBe('lower: outside the 95% interval (inside the 99.8%)');
  });

  it('gives nothing without an area rate', () => {
    expect(rateFindings([cell('SLT', 'independent', null, 8.5, 'much lower')])).toEqual([]);
  });
});

describe('ranking', () => {
  const f = (id: string, certainty: Finding['certainty'], value: number, benchmark: number): Finding =>
    ({ id, text: id, rule: '', direction: 'higher', certainty, value, benchmark, figureId: 'x' });

  it('puts the 99.8% findings first, then the larger differences, either way round', () => {
    const ranked = rankFindings([f('a', 'moderate', 100, 10), f('b', 'strong', 12, 10), f('c', 'strong', 5, 10), f('d', 'strong', 30, 10)]);
    expect(ranked.map((x) => x.id)).toEqual(['d', 'c', 'b', 'a']);
    // 2× and ½× are the same size.
    expect(sizeOf({ value: 20, benchmark: 10 })).toBeCloseTo(sizeOf({ value: 5, benchmark: 10 }), 12);
  });

  it('ranks funnel outliers among the heat-table flags', () => {
    const series: FunnelSeries = {
      service: 'SLT', areaRate: 20, suppressedSchools: 0, limits: [],
      points: [
        { urn: '1', name: 'Brookcroft', school_type: 'mainstream', phase: 'primary', locality: 'North', referrals: 80, pupils: 300, expected: 40, denominator: 300, rate: 60, lower95: 50, upper95: 70, crude_rate: 60, position: 'above 99.8%', explanation: '' },
        { urn: '2', name: 'Quiet', school_type: 'mainstream', phase: 'primary', locality: 'North', referrals: 8, pupils: 300, expected: 10, denominator: 300, rate: 14, lower95: 10, upper95: 19, crude_rate: 14, position: 'below 95%', explanation: '' },
      ],
    };
    expect(funnelFindings([series]).map((x) => x.text)).toEqual(['Brookcroft: SLT referrals 60.0 per 1,000 pupils a year, adjusted for age mix, against 20.0 across the area']);
    const all = equityFindings([AREA_OT, cell('OT', 'independent', null, 8.5, 'much lower'), cell('OT', 'special', null, 30, 'higher')], [series]);
    expect(all.map((x) => x.id)).toEqual(['funnel|SLT|1', 'rate|OT|independent|null', 'rate|OT|special|null']);
  });
});

describe('funnelFindings', () => {
  const point = (urn: string, name: string, type: string, rate: number, position: FunnelSeries['points'][number]['position']) => ({
    urn, name, school_type: type, phase: 'primary', locality: 'North', referrals: 50, pupils: 300, expected: 20, denominator: 300, rate, lower95: 0, upper95: 0, crude_rate: rate, position, explanation: '',
  });
  it('tells schools of one type outside the same limit as one finding, most extreme first', () => {
    const series: FunnelSeries = {
      service: 'OT', areaRate: 25, suppressedSchools: 0, limits: [],
      points: [point('1', 'Ash', 'special', 80, 'above 99.8%'), point('2', 'Birch', 'special', 95, 'above 99.8%'), point('3', 'Cedar', 'mainstream', 5, 'below 99.8%')],
    };
    expect(funnelFindings([series]).map((f) => f.text)).toEqual([
      '2 special schools (Birch, Ash): OT referrals 80.0 to 95.0 per 1,000 pupils a year, adjusted for age mix, against 25.0 across the area',
      'Cedar: OT referrals 5.0 per 1,000 pupils a year, adjusted for age mix, against 25.0 across the area',
    ]);
  });
});
