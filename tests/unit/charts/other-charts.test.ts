import { describe, expect, it } from 'vitest';
import { forecastSpec } from '../../../src/charts/forecast-spec.ts';
import { monthlyTrendSpec } from '../../../src/charts/monthly-trend-spec.ts';
import { programmeImpactSpec } from '../../../src/charts/programme-impact-spec.ts';
import { provisionByTypeSpec } from '../../../src/charts/provision-by-type-spec.ts';
import { settingComparisonSpec } from '../../../src/charts/setting-comparison-spec.ts';
import { SERVICE_COLOURS } from '../../../src/charts/theme.ts';
import { bandWeeks, waitingListChartSpec } from '../../../src/charts/waiting-list-chart-spec.ts';
import {
  forecastHistory, monthlyPoints, programmeRows, provisionRows, settingRows, waitingBands, workforcePlan,
} from './fixtures.ts';
import { ariaLabel, axisValues, expectGolden, markItems, render } from './helpers.ts';

describe('waitingListChartSpec', () => {
  const spec = waitingListChartSpec(waitingBands, { service: 'SLT', asOfLabel: 'at 31 March 2024' });
  it('matches its golden spec', () => expectGolden('waiting-list-chart', spec));
  it('draws the bands to scale: each spans its weeks and its height is children per week, so area = children', async () => {
    const rows = (spec.data as { values: { band: string; from: number; to: number; per_week: number | null }[] }).values;
    // 140 children over 6 weeks, 95 over 12, 31 over 34; the open band is drawn from 52 to 78.
    expect(rows.map((r) => [r.from, r.to])).toEqual([[0, 6], [6, 18], [18, 52], [52, 78]]);
    expect(rows.map((r) => r.per_week)).toEqual([140 / 6, 95 / 12, 31 / 34, null]);
    expect(bandWeeks('12-18 weeks')).toEqual([12, 18]);
    expect(bandWeeks('52+ weeks')).toEqual([52, 78]);
  });
  it('draws no bar for a suppressed band and marks it "c"', async () => {
    const { svg, view } = await render(spec);
    expect(svg).toContain("X-axis titled 'Weeks waited so far (52+ drawn to 78)'");
    expect(markItems(svg, 'bands')).toHaveLength(3);
    expect(markItems(svg, 'suppressed_bands').map((t) => t.text)).toEqual(['c']);
    expect(markItems(svg, 'band_values').map((t) => t.text)).toEqual(['140', '95', '31']);
    expect(ariaLabel(view)).toContain('1 band suppressed');
  });
});

describe('provisionByTypeSpec', () => {
  const spec = provisionByTypeSpec(provisionRows, { measure: 'hours_per_100', periodLabel: '2023/24' });
  it('matches its golden spec', () => expectGolden('provision-by-type', spec));
  it('draws a bar per school type and service with a figure, coloured by service', async () => {
    const { svg } = await render(spec);
    const bars = markItems(svg, 'bars');
    expect(bars).toHaveLength(4);
    expect(bars.filter((b) => b.fill === SERVICE_COLOURS.OT)).toHaveLength(2);
    expect(axisValues(svg, 'School type')).toEqual(['Mainstream', 'Special']);
    expect(spec.description).toContain('1 bar without a figure');
  });
  it('switches measure', async () => {
    const { svg } = await render(provisionByTypeSpec(provisionRows, { measure: 'sessions_per_100' }));
    expect(markItems(svg, 'bar_values').map((t) => t.text)).toContain('410.2');
  });
});

describe('programmeImpactSpec', () => {
  const spec = programmeImpactSpec(programmeRows);
  it('matches its golden spec', () => expectGolden('programme-impact', spec));
  it('draws before and after for adopter and comparison, skipping suppressed and incomplete rows', async () => {
    const { svg, view } = await render(spec);
    expect(markItems(svg, 'before')).toHaveLength(4);
    expect(markItems(svg, 'after')).toHaveLength(4);
    expect(axisValues(svg, 'Adopting school (service)')).toEqual(['Hazel Primary (SLT)', 'Juniper Primary (SLT)']);
    expect(svg).not.toContain('Ivy Infants');
    expect(ariaLabel(view)).toContain('2 schools not drawn (1 suppressed for small numbers, 1 without rates before and after)');
  });
});

describe('forecastSpec', () => {
  const spec = forecastSpec(forecastHistory, workforcePlan);
  it('matches its golden spec', () => expectGolden('forecast', spec));
  it('draws recorded months (not the suppressed one), the dashed forecast and its band', async () => {
    const { svg, view } = await render(spec);
    expect(markItems(svg, 'history_points')).toHaveLength(11);
    expect(markItems(svg, 'history')).toHaveLength(1);
    expect(markItems(svg, 'band')).toHaveLength(1);
    expect(markItems(svg, 'forecast')).toHaveLength(1);
    expect(svg).not.toContain('Month: Aug 2023');
    expect(ariaLabel(view)).toContain('1 month of history suppressed');
  });
});

describe('settingComparisonSpec', () => {
  const spec = settingComparisonSpec(settingRows, { measureLabel: 'Referrals per 1,000 pupils per year' });
  it('matches its golden spec', () => expectGolden('setting-comparison', spec));
  it('draws each row with a figure, with its interval and the area line; a suppressed row is not drawn', async () => {
    const { svg, view } = await render(spec);
    expect(markItems(svg, 'settings')).toHaveLength(3);
    expect(markItems(svg, 'intervals')).toHaveLength(3);
    expect(markItems(svg, 'area_line')).toHaveLength(1);
    expect(axisValues(svg, 'Setting')).toEqual(['Oak Primary', 'Similar mainstream primaries', 'Whole area']);
    expect(ariaLabel(view)).toContain('1 row suppressed');
  });
  it('says "with 95% interval" only when intervals are drawn (therapist hours have none)', () => {
    const title = (s: typeof spec) => JSON.stringify((s.title as { subtitle: string[] }).subtitle);
    expect(title(spec)).toContain('95% interval');
    const noIntervals = settingComparisonSpec(settingRows.map((r) => ({ ...r, lower95: null, upper95: null })), { measureLabel: 'Therapist hours per 100 pupils per year' });
    expect(title(noIntervals)).not.toContain('interval');
    expect(noIntervals.description).not.toContain('interval');
  });
});

describe('monthlyTrendSpec', () => {
  const spec = monthlyTrendSpec(monthlyPoints, { title: 'SLT referrals per month' });
  it('matches its golden spec', () => expectGolden('monthly-trend', spec));
  it('shows suppressed months as gaps marked "c"', async () => {
    const { svg, view } = await render(spec);
    expect(markItems(svg, 'months')).toHaveLength(6);
    expect(markItems(svg, 'suppressed_months').map((t) => t.text)).toEqual(['c', 'c']);
    expect(ariaLabel(view)).toContain('2 months suppressed');
  });
});
