// My setting's ranked list of similar schools: membership (same type and phase, plus the chosen school), order by
// adjusted rate, shared ranks for ties, and the count of similar schools that cannot be listed.
import { describe, expect, it } from 'vitest';
import type { FunnelPoint } from '../../src/analytics/funnel.ts';
import { rankSimilarSchools } from '../../src/features/my-setting/lib/similar-schools.ts';

const point = (urn: string, name: string, school_type: string, phase: string, rate: number): FunnelPoint => ({
  urn, name, school_type, phase, locality: 'North', referrals: 10, pupils: 300, expected: 9, denominator: 300,
  rate, lower95: rate - 5, upper95: rate + 5, crude_rate: rate, position: 'within', explanation: '',
});

describe('rankSimilarSchools', () => {
  const points = [
    point('1', 'Chosen Primary', 'mainstream', 'primary', 20),
    point('2', 'Alder Primary', 'mainstream', 'primary', 30),
    point('3', 'Birch Primary', 'mainstream', 'primary', 20),
    point('4', 'Cedar Secondary', 'mainstream', 'secondary', 50),
    point('5', 'Daisy Special', 'special', 'primary', 90),
  ];
  const school = { urn: '1', school_type: 'mainstream', phase: 'primary' };

  it('lists only the chosen school and schools of its type and phase, highest rate first', () => {
    const { rows } = rankSimilarSchools(points, school, 4);
    expect(rows.map((r) => r.urn)).toEqual(['2', '3', '1']);
    expect(rows.find((r) => r.urn === '1')?.chosen).toBe(true);
    expect(rows.filter((r) => r.chosen)).toHaveLength(1);
  });

  it('gives tied rates the same rank, ordered by name', () => {
    const { rows } = rankSimilarSchools(points, school, 4);
    expect(rows.map((r) => [r.name, r.rank])).toEqual([['Alder Primary', 1], ['Birch Primary', 2], ['Chosen Primary', 2]]);
  });

  it('counts the similar schools not on the funnel plot (1–4 referrals or no pupils)', () => {
    expect(rankSimilarSchools(points, school, 4).notListed).toBe(2);
    expect(rankSimilarSchools(points, school, 2).notListed).toBe(0);
  });

  it('still lists similar schools when the chosen school is not plotted', () => {
    const { rows } = rankSimilarSchools(points.filter((p) => p.urn !== '1'), school, 4);
    expect(rows.map((r) => r.urn)).toEqual(['2', '3']);
    expect(rows.some((r) => r.chosen)).toBe(false);
  });
});
