// Vega-Lite specs for every chart: pure functions of the analytics layer's output (no React, no I/O). Views draw
// them with vega-embed (src/components/ChartFigure.tsx, which also redraws them in place); each spec names its main
// dataset 'table'.
export { rateHeatmapSpec, rateHeatmapRows, ALL_AGES, ALL_TYPES, type RateHeatmapOptions } from './rate-heatmap-spec.ts';
export { rateIntervalsSpec, rateIntervalRows, type RateIntervalsOptions } from './rate-intervals-spec.ts';
export { funnelPlotSpec, SCHOOL_SELECTION, type FunnelPlotOptions } from './funnel-plot-spec.ts';
export { spcChartSpec, ruleText, type SpcChartOptions } from './spc-chart-spec.ts';
export { waitsChartSpec, waitWeeksChartSpec, waitsGroups, type WaitsChartOptions } from './waits-chart-spec.ts';
export { waitingListChartSpec, type WaitingListChartOptions } from './waiting-list-chart-spec.ts';
export { provisionByTypeSpec, type ProvisionByTypeOptions } from './provision-by-type-spec.ts';
export { programmeImpactSpec, type ProgrammeImpactOptions } from './programme-impact-spec.ts';
export { forecastSpec, type ForecastOptions, type HistoryPoint } from './forecast-spec.ts';
export { settingComparisonSpec, type SettingComparisonOptions, type SettingComparisonRow } from './setting-comparison-spec.ts';
export { monthlyTrendSpec, type MonthlyTrendOptions, type MonthlyTrendPoint } from './monthly-trend-spec.ts';
export { chartConfig, contrastRatio, PALETTE, COMPARISON_DOMAIN, SERVICE_COLOURS } from './theme.ts';
export { contextLinesSpec, waitsContextLines, slcnAgeLines, timelinessLines, pupilsLines, type ContextLinePoint, type ContextLinesOptions } from './context-lines-spec.ts';
