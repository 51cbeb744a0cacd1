// The names the query layer imports must all be exported from src/stats/index.ts.
import { describe, expect, it } from 'vitest';
import * as stats from '../../../src/stats/index.ts';

describe('src/stats/index.ts', () => {
  it.each([
    'Z', 'poissonCountInterval', 'rateInterval', 'wilsonInterval', 'compareWithBenchmark', 'comparisonExplanation',
    'funnelLimitCounts', 'funnelLimits', 'proportionFunnelLimits', 'funnelPosition',
    'xmrChart', 'SPC_RULE_TEXT', 'variationIcon', 'seasonalIndices', 'seasonallyAdjust', 'sparseSeriesCheck',
    'cochranArmitageTrend', 'rateTrend',
    'SUPPRESSED', 'validateThreshold', 'formatCount', 'standardisedRatio',
    'forecastMonthly', 'backtest',
    'targetMeanWait', 'targetCapacity', 'reliefCapacity', 'waitPressure', 'fteRequired', 'targetQueueSize', 'CAPACITY_DEFAULTS',
    'median', 'percentile', 'expectedNeed', 'expectedNeedLabel', 'DEFAULT_PREVALENCE',
  ])('exports %s', (name) => {
    expect((stats as Record<string, unknown>)[name]).toBeDefined();
  });

  it('SUPPRESSED is "c"', () => expect(stats.SUPPRESSED).toBe('c'));
});
