// Twelve-month demand forecast for monthly referral counts, with a prediction interval.
//
// Method: Holt-Winters with multiplicative seasonality and an additive damped trend (ETS(M,Ad,M) in Hyndman's
// taxonomy). Why this one:
//  - seasonality is multiplicative in referrals: August falls to about a third of the level and autumn peaks
//    scale with it, so as demand grows the dip deepens in counts; additive seasonality would misplace it;
//  - a damped trend carries recent growth forward but flattens it over the year, which forecasts better than a
//    straight-line trend on short public-service series (Gardner & McKenzie 1985; the M3 results);
//  - smoothing parameters (α, β, γ, φ) are fitted by minimising the one-step-ahead sum of squared errors, as R's
//    HoltWinters() does, with φ kept in [0.8, 0.98] as R's forecast::ets does.
// The prediction interval is simulated from the fitted model with multiplicative errors (spread grows with the
// level, as it does for counts), using a fixed-seed generator so the same data always give the same interval.
// Under 24 months there is no second season to initialise from: simple exponential smoothing (no season) is used
// and the method string says so. `backtest` holds back the last 12 months to show how well this works.
import { monthNumber } from './months.ts';
import { nelderMead } from './optimise.ts';
import { normalQuantile } from './special.ts';
import { quantileOfSorted } from './quantiles.ts';
import { holtWinters, initialState, type HwFit, type HwParameters } from './holt-winters.ts';

export interface MonthlyCount {
  /** yyyy-mm */
  month: string;
  value: number;
}

export interface ForecastPoint {
  month: string;
  forecast: number;
  lower: number;
  upper: number;
}

export interface Forecast {
  method: string;
  points: ForecastPoint[];
  /** Fitted seasonal indices, January first, mean 1 (null without a seasonal model). */
  seasonal: number[] | null;
  parameters: Record<string, number>;
}

export interface BacktestResult {
  method: string;
  holdout: number;
  /** Mean absolute percentage error over held-back months with a non-zero count (%). */
  mape: number;
  /** Mean absolute error (referrals a month). */
  mae: number;
  /** Share of held-back months whose actual count fell inside the prediction interval (0–1). */
  coverage: number;
  level: number;
  points: (ForecastPoint & { actual: number })[];
}

const SEASON = 12;
const SIMULATIONS = 2000;
const SEED = 20240901;

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => Math.log(p / (1 - p));


const monthLabel = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;

/** Sorted, gap-free series (a gap would shift the season); throws on gaps, duplicates or non-finite values. */
function prepare(series: readonly MonthlyCount[]): { start: number; values: number[] } {
  const sorted = [...series].map((p) => ({ n: monthNumber(p.month), value: p.value })).sort((a, b) => a.n - b.n);
  sorted.forEach((p, i) => {
    if (!Number.isFinite(p.value) || p.value < 0) throw new RangeError(`Forecast needs non-negative counts; got ${p.value}.`);
    if (i > 0 && p.n !== (sorted[i - 1] as { n: number }).n + 1) throw new RangeError('Forecast needs consecutive months with no gaps.');
  });
  return { start: sorted[0]?.n ?? 0, values: sorted.map((p) => p.value) };
}

/** Map unconstrained optimiser coordinates onto α, β, γ in (0, 1) and φ in [0.8, 0.98]. */
function toParameters(u: readonly number[]): HwParameters {
  return {
    alpha: logistic(u[0] as number),
    beta: logistic(u[1] as number),
    gamma: logistic(u[2] as number),
    phi: 0.8 + 0.18 * logistic(u[3] as number),
  };
}

function fitHoltWinters(values: readonly number[]): { parameters: HwParameters; sse: number } {
  const init = initialState(values);
  const starts = [[0.3, 0.05, 0.2, 0.9], [0.1, 0.01, 0.1, 0.95], [0.6, 0.1, 0.4, 0.85]];
  let best = { parameters: toParameters([0, 0, 0, 0]), sse: Infinity };
  for (const [a, b, g, p] of starts as [number, number, number, number][]) {
    const start = [logit(a), logit(b), logit(g), logit((p - 0.8) / 0.18)];
    const result = nelderMead((u) => holtWinters(values, init, toParameters(u)).sse, start, 1);
    if (result.value < best.sse) best = { parameters: toParameters(result.x), sse: result.value };
  }
  return best;
}

/** Deterministic PRNG (mulberry32) and standard normal draws from it (Box–Muller). */
function normalGenerator(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * κ in Var(y) = ŷ + κŷ²: Poisson noise plus a multiplicative excess, by moments from the one-step errors. Counts
 * get Poisson spread at the very least, so small months (August) get relatively wider intervals than busy ones.
 * The second year is left out when a third exists: it also set the initial seasonal factors, so its errors are
 * too small; residual degrees of freedom allow for the four fitted parameters.
 */
function extraVariance(errors: HwFit['oneStep'], n: number): number {
  const used = n >= 3 * SEASON ? errors.filter((e) => e.t >= 2 * SEASON) : errors;
  const inflate = used.length / Math.max(1, used.length - 4);
  const excess = used.reduce((s, e) => s + inflate * (e.actual - e.expected) ** 2 - e.expected, 0);
  const scale = used.reduce((s, e) => s + e.expected ** 2, 0);
  return scale > 0 ? Math.max(0, excess / scale) : 0;
}

function seasonalForecast(values: readonly number[], start: number, horizon: number, level: number): Forecast {
  const { parameters } = fitHoltWinters(values);
  const fit = holtWinters(values, initialState(values), parameters);
  const overdispersion = extraVariance(fit.oneStep, values.length);
  const normal = normalGenerator(SEED);
  const draw = (mu: number) => mu + Math.sqrt(Math.max(0, mu) + overdispersion * mu * mu) * normal();
  // One typed array per month ahead: thousands of draws without garbage, sorted numerically in place.
  const byMonth = Array.from({ length: horizon }, () => new Float64Array(SIMULATIONS));
  for (let s = 0; s < SIMULATIONS; s++) fit.simulate(horizon, draw, (h, y) => ((byMonth[h] as Float64Array)[s] = y));
  const tail = (1 - level) / 2;
  const points = byMonth.map((draws, h) => {
    draws.sort();
    return {
      month: monthLabel(start + values.length + h),
      forecast: fit.pointForecast(h + 1),
      lower: quantileOfSorted(draws, tail),
      upper: quantileOfSorted(draws, 1 - tail),
    };
  });
  const seasonal = Array.from({ length: SEASON }, (_, k) => fit.seasonalFor((k - ((start + values.length) % SEASON) + SEASON) % SEASON));
  const meanSeasonal = seasonal.reduce((s, v) => s + v, 0) / SEASON;
  return {
    method: 'Holt-Winters, multiplicative seasonality, damped additive trend (ETS(M,Ad,M)); parameters by least one-step SSE; simulated interval',
    points,
    seasonal: seasonal.map((s) => s / meanSeasonal),
    parameters: { ...parameters, overdispersion },
  };
}

/** Under 24 months: simple exponential smoothing, interval from ETS(A,N,N): σ²(1 + (h − 1)α²). */
function levelOnlyForecast(values: readonly number[], start: number, horizon: number, level: number): Forecast {
  const run = (alpha: number) => {
    let l = values[0] ?? 0;
    let sse = 0;
    for (const y of values.slice(1)) {
      sse += (y - l) ** 2;
      l += alpha * (y - l);
    }
    return { l, sse };
  };
  const alpha = logistic(nelderMead((u) => run(logistic(u[0] as number)).sse, [0], 1).x[0] as number);
  const { l, sse } = run(alpha);
  const sigma2 = values.length > 2 ? sse / (values.length - 2) : NaN;
  const z = normalQuantile(1 - (1 - level) / 2);
  const points = Array.from({ length: horizon }, (_, h) => {
    const half = z * Math.sqrt(sigma2 * (1 + h * alpha * alpha));
    return { month: monthLabel(start + values.length + h), forecast: l, lower: Math.max(0, l - half), upper: l + half };
  });
  return {
    method: `Simple exponential smoothing, no seasonal pattern: only ${values.length} months of history (a seasonal forecast needs 24)`,
    points,
    seasonal: null,
    parameters: { alpha, sigma: Math.sqrt(sigma2) },
  };
}

// Forecasts already made, by their inputs: the result depends on nothing else (the interval's generator has a fixed
// seed), and the Demand view asks the same forecast twice a filter change (the forecast and the capacity plan) and
// again when a service comes back; each costs the page 15–35 ms (the fit and 1,000 simulated paths). Frozen, so no
// caller can change what another is given.
const FORECASTS = new Map<string, Forecast>();
const FORECASTS_KEPT = 32;

function frozen(forecast: Forecast): Forecast {
  for (const point of forecast.points) Object.freeze(point);
  Object.freeze(forecast.points);
  if (forecast.seasonal) Object.freeze(forecast.seasonal);
  Object.freeze(forecast.parameters);
  return Object.freeze(forecast);
}

/** Forecast the next `horizon` months with a `level` prediction interval. */
export function forecastMonthly(series: readonly MonthlyCount[], horizon = 12, level = 0.95): Forecast {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1; got ${level}.`);
  const key = JSON.stringify([horizon, level, series.map((p) => [p.month, p.value])]);
  const known = FORECASTS.get(key);
  if (known) return known;
  const forecast = frozen(forecastAfresh(series, horizon, level));
  FORECASTS.set(key, forecast);
  if (FORECASTS.size > FORECASTS_KEPT) FORECASTS.delete(FORECASTS.keys().next().value as string);
  return forecast;
}

function forecastAfresh(series: readonly MonthlyCount[], horizon: number, level: number): Forecast {
  const { start, values } = prepare(series);
  if (values.length === 0) return { method: 'No history: nothing to forecast', points: [], seasonal: null, parameters: {} };
  const yearMeans = [values.slice(0, SEASON), values.slice(SEASON, 2 * SEASON)].map((y) => y.reduce((s, v) => s + v, 0) / y.length);
  // The multiplicative model needs a positive level in both initial years.
  const seasonalPossible = values.length >= 2 * SEASON && yearMeans.every((m) => m > 0);
  return seasonalPossible ? seasonalForecast(values, start, horizon, level) : levelOnlyForecast(values, start, horizon, level);
}

/** Fit on all but the last `holdout` months, forecast them, and score the forecast against what happened. */
export function backtest(series: readonly MonthlyCount[], holdout = 12, level = 0.95): BacktestResult {
  const { start, values } = prepare(series);
  if (values.length <= holdout) throw new RangeError(`Backtest needs more than ${holdout} months; got ${values.length}.`);
  const training = values.slice(0, -holdout).map((value, i) => ({ month: monthLabel(start + i), value }));
  const forecast = forecastMonthly(training, holdout, level);
  const points = forecast.points.map((p, i) => ({ ...p, actual: values[values.length - holdout + i] as number }));
  const nonZero = points.filter((p) => p.actual > 0);
  return {
    method: forecast.method,
    holdout,
    mape: (100 * nonZero.reduce((s, p) => s + Math.abs(p.actual - p.forecast) / p.actual, 0)) / nonZero.length,
    mae: points.reduce((s, p) => s + Math.abs(p.actual - p.forecast), 0) / points.length,
    coverage: points.filter((p) => p.actual >= p.lower && p.actual <= p.upper).length / points.length,
    level,
    points,
  };
}
