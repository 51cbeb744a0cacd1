// The words under each SPC chart. Series are built by hand so each expectation can be checked by eye.
import { describe, expect, it } from 'vitest';
import type { SpcPoint, SpcSeries } from '../../../analytics/index.ts';
import { flaggedRuns, latestVariation, ruleHeadline, seriesReading, trendText } from './spc-words.ts';

const point = (month: string, rule: SpcPoint['rule'] = null, side: SpcPoint['side'] = null): SpcPoint =>
  ({ month, lastMonth: month, referrals: 10, value: 10, rule, side, judged: true, segment: 0 });

function series(points: SpcPoint[], extra: Partial<SpcSeries> = {}): SpcSeries {
  return {
    service: 'SLT', group_kind: 'age_phase', group_value: 'early_years', series: 'seasonally_adjusted', seriesNote: 'note',
    screened: true, mean: 10, upperProcessLimit: 20, lowerProcessLimit: 0, upperTwoSigma: 16, lowerTwoSigma: 4, trial: false,
    tooFewForSpc: null, icon: 'common_cause', period: 'month', changePoints: [], proposed: [], monthly: [],
    segments: [{ from: '2025-01', to: '2025-12', mean: 10, upperProcessLimit: 20, lowerProcessLimit: 0, upperTwoSigma: 16, lowerTwoSigma: 4, trial: false }],
    trend: { chi2: 1, significant: false, direction: 'no significant change', reason: null },
    points, ...extra,
  };
}

describe('flaggedRuns', () => {
  it('groups consecutive months with the same rule and side, and splits at a gap or a change of rule', () => {
    const s = series([
      point('2025-04'), point('2025-05', 'shift', 'high'), point('2025-06', 'shift', 'high'), point('2025-07', 'outside_limits', 'high'),
      point('2025-08', 'shift', 'high'), point('2025-09'), point('2025-10', 'shift', 'high'),
    ]);
    expect(flaggedRuns(s).map((r) => `${r.when}: ${r.headline}`)).toEqual([
      'May 2025 to Jun 2025 (2 months): Shift — 7 or more points above the mean',
      'Jul 2025: Outside the process limits — above the upper limit',
      'Aug 2025: Shift — 7 or more points above the mean',
      'Oct 2025: Shift — 7 or more points above the mean',
    ]);
  });

  it('runs across a year end', () => {
    const s = series([point('2025-12', 'trend', 'low'), point('2026-01', 'trend', 'low')]);
    expect(flaggedRuns(s)[0]?.when).toBe('Dec 2025 to Jan 2026 (2 months)');
  });

  it('flags nothing when the series is too sparse for SPC', () => {
    const s = series([point('2025-05', 'shift', 'high')], { tooFewForSpc: 'Too few referrals for SPC' });
    expect(flaggedRuns(s)).toEqual([]);
    expect(latestVariation(s).text).toMatch(/^No variation icon/);
  });
});

describe('latestVariation and trendText', () => {
  it('reads the icon as rising or falling demand, with a symbol that is not colour', () => {
    const s = series([point('2026-08', 'outside_limits', 'high')], { icon: 'special_cause_high' });
    expect(latestVariation(s)).toEqual({ symbol: '▲', text: 'Special cause, higher: Aug 2026 is unusually high (outside the process limits). Demand is rising.' });
  });

  it('says the recent-trend result, or why it was not tested', () => {
    const up = series([], { trend: { chi2: 12, significant: true, direction: 'increasing', reason: null } });
    expect(trendText(up)).toBe('Increasing: significant at 99.8% on the last 5 months.');
    const none = series([], { trend: { chi2: NaN, significant: false, direction: 'no significant change', reason: 'Recent trend needs 5 periods; only 3 available.' } });
    expect(trendText(none)).toBe('Recent trend needs 5 periods; only 3 available.');
  });

  it('names each rule with its direction', () => {
    expect(ruleHeadline('trend', 'low')).toBe('Trend — 7 or more points each lower than the one before');
    expect(ruleHeadline('two_of_three', 'high')).toBe('Two of three near a limit — close to the upper process limit');
  });
});

describe('seriesReading', () => {
  const secondary = { group_kind: 'school_type' as const, group_value: 'mainstream' };
  it('says a sustained shift in plain English, from the change point in force', () => {
    const s = series([point('2024-08'), point('2024-09')], {
      ...secondary, series: 'raw',
      changePoints: ['2024-09'],
      segments: [
        { from: '2021-09', to: '2024-08', mean: 41.6, upperProcessLimit: 60, lowerProcessLimit: 20, upperTwoSigma: 50, lowerTwoSigma: 30, trial: false },
        { from: '2024-09', to: '2026-08', mean: 57.2, upperProcessLimit: 80, lowerProcessLimit: 30, upperTwoSigma: 70, lowerTwoSigma: 40, trial: false },
      ],
    });
    expect(seriesReading(s)).toBe('SLT referrals from mainstream schools rose from about 42 to 57 a month from Sep 2024 (sustained shift; limits recalculated from then).');
  });

  it('or from the first proposal, before the planner accepts it', () => {
    const s = series([point('2025-05')], {
      proposed: [{ month: '2025-05', side: 'high', before: 43.2, after: 64.9, runLength: 15, reason: '' }],
    });
    expect(seriesReading(s)).toBe('SLT referrals for children in the early years rose from about 43 to 65 a month (seasonally adjusted) from May 2025 (sustained shift; new limits proposed).');
  });

  it('steady, 3-monthly, and too few for SPC', () => {
    const q = { ...point('2026-06'), lastMonth: '2026-08' };
    expect(seriesReading(series([q], { period: 'quarter', series: 'raw', mean: 20.5, group_kind: 'age_phase', group_value: 'secondary' })))
      .toBe('SLT referrals for secondary-age children are steady at about 21 every 3 months: only common-cause variation in Jun–Aug 2026.');
    expect(seriesReading(series([point('2026-08')], { period: 'none', tooFewForSpc: 'x', group_kind: 'school_type', group_value: 'college' })))
      .toBe('SLT referrals from college settings: too few referrals for SPC, so no verdict; the counts are in the table.');
  });
});
