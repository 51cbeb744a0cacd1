// Fingertips' comparison of a group with the area benchmark (METHODS §3), and the sentence that tells a user which
// rule and which interval produced the label. For referral rates neither direction is "good": the labels say
// higher / lower than the area, never better / worse.
import type { Interval } from './intervals.ts';

export type Comparison = 'similar' | 'higher' | 'lower' | 'much higher' | 'much lower' | 'not compared';

const isInterval = (ci: Interval) => Number.isFinite(ci.lower) && Number.isFinite(ci.upper);

/**
 * Benchmark inside the 95% interval (bounds included, as Fingertips does) → similar; outside the 95% but inside
 * the 99.8% → higher / lower; outside the 99.8% → much higher / much lower. Any NaN → 'not compared'.
 */
export function compareWithBenchmark(ci95: Interval, ci998: Interval, benchmark: number): Comparison {
  if (!Number.isFinite(benchmark) || !isInterval(ci95) || !isInterval(ci998)) return 'not compared';
  if (benchmark >= ci95.lower && benchmark <= ci95.upper) return 'similar';
  const groupIsHigher = benchmark < ci95.lower;
  const inside998 = benchmark >= ci998.lower && benchmark <= ci998.upper;
  if (groupIsHigher) return inside998 ? 'higher' : 'much higher';
  return inside998 ? 'lower' : 'much lower';
}

export interface ExplanationOptions {
  /** Unit after each figure, e.g. 'per 1,000' or '%'. Default 'per 1,000'. */
  unit?: string;
  /** Who is being compared: default 'this group'. */
  subject?: string;
  /** What the benchmark is: default 'the area'. */
  benchmarkName?: string;
  /** What is measured: default 'rate'. */
  measure?: string;
  /** Decimal places for the figures: default 1. */
  decimals?: number;
}

/** Fixed decimals with thousands separators, independent of the machine's locale. */
export function formatNumber(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return '–';
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

/**
 * One plain-English sentence naming the rule and the interval that produced the label, e.g.
 * "The area rate (12.3 per 1,000) lies outside this group's 99.8% interval (14.0 to 19.9 per 1,000), so this group
 * is much higher than the area."
 */
export function comparisonExplanation(
  c: Comparison,
  benchmark: number,
  ci95: Interval,
  ci998: Interval,
  options: ExplanationOptions = {},
): string {
  const { unit = 'per 1,000', subject = 'this group', benchmarkName = 'the area', measure = 'rate', decimals = 1 } = options;
  const fmt = (v: number) => `${formatNumber(v, decimals)}${unit === '%' ? '%' : ` ${unit}`}`;
  const range = (ci: Interval) => `${formatNumber(ci.lower, decimals)} to ${fmt(ci.upper)}`;
  const owner = subject === 'this group' ? "this group's" : `${subject}'s`;
  const name = benchmarkName.replace(/^the /, '');
  const lead = `The ${name} ${measure} (${fmt(benchmark)})`;
  switch (c) {
    case 'not compared':
      return `Not compared with ${benchmarkName}: the ${measure} or its interval could not be calculated (for example, no pupils).`;
    case 'similar':
      return `${lead} lies inside ${owner} 95% interval (${range(ci95)}), so ${subject} is similar to ${benchmarkName}.`;
    case 'higher':
    case 'lower':
      return `${lead} lies outside ${owner} 95% interval (${range(ci95)}) but inside its 99.8% interval (${range(ci998)}), so ${subject} is ${c} than ${benchmarkName}.`;
    case 'much higher':
    case 'much lower':
      return `${lead} lies outside ${owner} 99.8% interval (${range(ci998)}), so ${subject} is ${c} than ${benchmarkName}.`;
  }
}
