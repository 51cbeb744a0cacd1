// The statistics library: pure functions only (no I/O, no React), re-exported here so callers import one path.
export * from './special.ts';
export * from './intervals.ts';
export * from './comparison.ts';
export * from './funnel.ts';
export * from './spc.ts';
export * from './rebaseline.ts';
export * from './sparse.ts';
export * from './spc-series.ts';
export * from './trend.ts';
export * from './suppression.ts';
export * from './forecast.ts';
export * from './capacity.ts';
export * from './quantiles.ts';
export * from './expected-need.ts';
export * from './standardised-ratio.ts';
