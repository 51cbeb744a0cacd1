// The Holt-Winters recursion behind forecast.ts: multiplicative seasonality, additive damped trend, period 12.
// Kept apart from the fitting and interval code so that each piece stays small and testable.

export interface HwParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface HwState {
  level: number;
  trend: number;
  /** Seasonal factors indexed by position in the series modulo 12. */
  seasonal: number[];
}

const SEASON = 12;
/** Floor for level and seasonal factors: zero counts must not make the next division blow up. */
const FLOOR = 1e-9;

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Initial state at the end of the first year, from the first two years: trend from the difference of the yearly
 * means, seasonal factors as each month's ratio to its year's trend line averaged over the two years.
 */
export function initialState(values: readonly number[]): HwState {
  const [y1, y2] = [values.slice(0, SEASON), values.slice(SEASON, 2 * SEASON)];
  const [m1, m2] = [mean(y1), mean(y2)];
  const trend = (m2 - m1) / SEASON;
  const line = (yearMean: number, k: number) => Math.max(FLOOR, yearMean + (k - (SEASON - 1) / 2) * trend);
  const raw = Array.from({ length: SEASON }, (_, k) => ((y1[k] as number) / line(m1, k) + (y2[k] as number) / line(m2, k)) / 2);
  const scale = mean(raw);
  return {
    level: m1 + ((SEASON - 1) / 2) * trend,
    trend,
    seasonal: raw.map((s) => Math.max(FLOOR, s / scale)),
  };
}

/** One smoothing step after observing y at series position t; mutates and returns the state. */
function update(state: HwState, y: number, t: number, p: HwParameters): HwState {
  const k = t % SEASON;
  const s = state.seasonal[k] as number;
  const previous = state.level;
  const level = Math.max(FLOOR, p.alpha * (y / s) + (1 - p.alpha) * (previous + p.phi * state.trend));
  state.trend = p.beta * (level - previous) + (1 - p.beta) * p.phi * state.trend;
  state.level = level;
  state.seasonal[k] = Math.max(FLOOR, p.gamma * (y / level) + (1 - p.gamma) * s);
  return state;
}

const oneStep = (state: HwState, t: number, phi: number) => (state.level + phi * state.trend) * (state.seasonal[t % SEASON] as number);

export interface HwFit {
  /** One-step-ahead SSE from the second year on (the first year only initialises the state). */
  sse: number;
  /** One-step forecasts ŷ and what happened y, for each fitted month (series position t ≥ 12). */
  oneStep: { t: number; expected: number; actual: number }[];
  /** Point forecast h steps after the last observation (h ≥ 1). */
  pointForecast: (h: number) => number;
  /** The seasonal factor of the month `offset` months after the first forecast month (offset ≥ 0). */
  seasonalFor: (offset: number) => number;
  /** One simulated future path of `horizon` months, passed month by month to `record`; `draw(ŷ)` returns a random outcome around ŷ. */
  simulate: (horizon: number, draw: (expected: number) => number, record: (h: number, y: number) => void) => void;
}

export function holtWinters(values: readonly number[], init: HwState, p: HwParameters): HwFit {
  const state: HwState = { ...init, seasonal: init.seasonal.slice() };
  let sse = 0;
  const errors: HwFit['oneStep'] = [];
  for (let t = SEASON; t < values.length; t++) {
    const expected = oneStep(state, t, p.phi);
    const y = values[t] as number;
    sse += (y - expected) ** 2;
    errors.push({ t, expected, actual: y });
    update(state, y, t, p);
  }
  const n = values.length;
  const final: HwState = { ...state, seasonal: state.seasonal.slice() };
  return {
    sse,
    oneStep: errors,
    pointForecast: (h) => {
      let damped = 0;
      for (let j = 1; j <= h; j++) damped += p.phi ** j;
      return Math.max(0, (final.level + damped * final.trend) * (final.seasonal[(n + h - 1) % SEASON] as number));
    },
    seasonalFor: (offset) => final.seasonal[(n + offset) % SEASON] as number,
    simulate: (horizon, draw, record) => {
      const path: HwState = { ...final, seasonal: final.seasonal.slice() };
      for (let h = 0; h < horizon; h++) {
        const y = Math.max(0, draw(oneStep(path, n + h, p.phi)));
        update(path, y, n + h, p);
        record(h, y);
      }
    },
  };
}
