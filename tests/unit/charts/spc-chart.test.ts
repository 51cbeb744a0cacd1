import { describe, expect, it } from 'vitest';
import { ruleText, spcChartSpec } from '../../../src/charts/spc-chart-spec.ts';
import { SPECIAL_CAUSE } from '../../../src/charts/theme.ts';
import { spcSeriesFixture } from './fixtures.ts';
import { ariaLabel, expectGolden, markItems, render } from './helpers.ts';

const spec = spcChartSpec(spcSeriesFixture, { periodLabel: 'Jan 2023 to Mar 2024' });
const subtitle = (s: ReturnType<typeof spcChartSpec>) => {
  const title = s.title;
  return typeof title === 'object' && title !== null && 'subtitle' in title ? [title.subtitle].flat().join(' | ') : '';
};

describe('ruleText', () => {
  it.each([
    ['outside_limits', 'high', 'Outside the process limits'],
    ['trend', 'high', 'Trend: 7 points rising'],
    ['trend', 'low', 'Trend: 7 points falling'],
    ['two_of_three', 'low', '2 of 3 points near a limit'],
    ['shift', 'high', 'Shift: 7 points above the mean'],
    [null, null, 'Common cause (no rule broken)'],
  ] as const)('%s (%s) → %s', (rule, side, expected) => expect(ruleText(rule, side)).toBe(expected));
});

describe('spcChartSpec', () => {
  it('matches its golden spec', () => expectGolden('spc-chart', spec));

  it('leaves suppressed months out and counts them', async () => {
    const { svg, view } = await render(spec);
    expect(markItems(svg, 'months')).toHaveLength(spcSeriesFixture.points.filter((p) => p.value !== null).length);
    expect(spec.description).toContain('1 month suppressed');
    expect(ariaLabel(view)).toBe(spec.description);
  });

  it('draws mean, process limits and 2σ lines, and colours special causes by direction', async () => {
    const { svg } = await render(spec);
    expect(markItems(svg, 'spc_lines')).toHaveLength(5);
    const points = markItems(svg, 'months');
    const may = points.find((p) => p.ariaLabel.includes('Month: May 2023'));
    expect(may?.ariaLabel).toContain('Why: Outside the process limits');
    expect(may?.fill).toBe(SPECIAL_CAUSE.high);
    expect(points.find((p) => p.ariaLabel.includes('Month: Apr 2023'))?.fill).toBe(SPECIAL_CAUSE.low);
    expect(points.filter((p) => p.fill === SPECIAL_CAUSE.common)).toHaveLength(11);
    expect(subtitle(spec)).toContain('Seasonally adjusted');
  });

  it('says "trial limits" with fewer than 13 points and "raw counts" for the raw series', () => {
    const s = spcChartSpec({ ...spcSeriesFixture, trial: true, series: 'raw' });
    expect(subtitle(s)).toContain('Trial limits (fewer than 13 points)');
    expect(subtitle(s)).toContain('Raw counts');
  });

  it('draws no limits and flags nothing when the series is too sparse for SPC', async () => {
    const sparse = spcChartSpec({ ...spcSeriesFixture, period: 'none', segments: [], tooFewForSpc: 'Mean under 2 referrals a month.' });
    const { svg } = await render(sparse);
    // No mean either: a mean of hidden and near-empty months would mislead (it ran above the plot before).
    expect(markItems(svg, 'spc_lines')).toHaveLength(0);
    expect(markItems(svg, 'months').every((p) => p.fill === SPECIAL_CAUSE.common)).toBe(true);
    expect(subtitle(sparse)).toContain('Too few referrals for SPC: no limits');
    expect(sparse.description).toContain('no limits drawn');
  });

  it('gives a series whose drawn values are all 0 a 0–5 axis, not a collapsed one', async () => {
    const zeros = spcChartSpec({
      ...spcSeriesFixture, period: 'none', segments: [], tooFewForSpc: 'Too few referrals for SPC.',
      points: spcSeriesFixture.points.map((p) => ({ ...p, value: p.value === null ? null : 0, referrals: p.value === null ? 'c' : 0 })),
    });
    const { view } = await render(zeros);
    expect(view.scale('y').domain()).toEqual([0, 5]);
    // An ordinary series keeps its own domain.
    const { view: normal } = await render(spec);
    expect((normal.scale('y').domain() as number[])[1]).toBeGreaterThan(5);
  });

  it('draws each segment\'s limits over its own months, a line at the change point, and limits truncated at 0', async () => {
    const rebased = spcChartSpec({
      ...spcSeriesFixture,
      changePoints: ['2023-09'],
      segments: [
        { from: '2023-01', to: '2023-08', mean: 33, upperProcessLimit: 45, lowerProcessLimit: 21, upperTwoSigma: 41, lowerTwoSigma: 25, trial: true },
        { from: '2023-09', to: '2024-03', mean: 4, upperProcessLimit: 10.4, lowerProcessLimit: -2.4, upperTwoSigma: 8.3, lowerTwoSigma: -0.3, trial: true },
      ],
      points: spcSeriesFixture.points.map((p, i) => ({ ...p, judged: i !== 2 && p.judged })),
    });
    const { svg } = await render(rebased);
    // 5 lines in the first segment; the second loses its negative 2σ line: 4.
    const lines = markItems(svg, 'spc_lines');
    expect(lines).toHaveLength(9);
    expect(lines.filter((l) => l.ariaLabel.includes('Lower process limit 0 (-2.4, drawn at 0)'))).toHaveLength(1);
    expect(markItems(svg, 'spc_change_points')).toHaveLength(1);
    expect(rebased.description).toContain('limits recalculated from Sep 2023');
    const notJudged = markItems(svg, 'months').find((p) => p.ariaLabel.includes('Month: Mar 2023'));
    expect(notJudged?.ariaLabel).toContain('Not judged by the SPC rules');
  });
});
