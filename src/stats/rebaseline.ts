// Re-baselining XmR charts (METHODS §5, as NHSRplotthedots' `rebase`): the series is cut at change points and each
// segment gets its own mean and limits; the rules run within each segment. The tool proposes a change point where
// a shift (rule 4: 7+ points on one side of the mean) starts and persists to the end of the series, never before
// `minIndex` (the end of the seasonal baseline's first year), and the user accepts it or sets their own.
import { RUN_LENGTH, shiftRuns, xmrChart, type XmrOptions, type XmrPoint, type XmrResult } from './spc.ts';

export interface XmrSegment extends Omit<XmrResult, 'points'> {
  /** Index of the segment's first point in the whole series. */
  start: number;
  /** Index one past its last point. */
  end: number;
}

export interface SegmentedPoint extends XmrPoint {
  /** Which segment the point belongs to (0 = before the first change point). */
  segment: number;
}

export interface SegmentedXmr {
  /** Change points in force (indices where a new segment starts), ascending. */
  changePoints: number[];
  segments: XmrSegment[];
  points: SegmentedPoint[];
}

/** Each segment needs this many points at least, so a change point is never set in the first or last 1 point. */
export const MIN_SEGMENT = 2;

/** Valid, sorted, de-duplicated change points: inside the series, each leaving segments of at least 2 points. */
export function cleanChangePoints(n: number, changePoints: readonly number[]): number[] {
  const out: number[] = [];
  for (const cp of [...new Set(changePoints)].filter(Number.isInteger).sort((a, b) => a - b)) {
    const previous = out.at(-1) ?? 0;
    if (cp - previous >= MIN_SEGMENT && n - cp >= MIN_SEGMENT) out.push(cp);
  }
  return out;
}

/** XmR chart in segments: every segment has its own mean, limits and rules (the rules never span a change point). */
export function segmentedXmr(values: readonly number[], changePoints: readonly number[], options: XmrOptions = {}): SegmentedXmr {
  const cps = cleanChangePoints(values.length, changePoints);
  const bounds = [0, ...cps, values.length];
  const segments: XmrSegment[] = [];
  const points: SegmentedPoint[] = [];
  for (let s = 0; s + 1 < bounds.length; s++) {
    const start = bounds[s] as number;
    const end = bounds[s + 1] as number;
    const { points: segmentPoints, ...chart } = xmrChart(values.slice(start, end), options);
    segments.push({ ...chart, start, end });
    segmentPoints.forEach((p) => points.push({ ...p, index: start + p.index, segment: s }));
  }
  return { changePoints: cps, segments, points };
}

export interface ProposedChangePoint {
  index: number;
  /** Points in the shift that starts there and runs to the end of the series. */
  runLength: number;
  side: 'high' | 'low';
  /** Mean of the segment before and of the points from the change point on. */
  before: number;
  after: number;
}

/**
 * Change points to propose: repeatedly, within the last segment, a shift of 7+ points that runs to the series end
 * starts a new segment (if it starts at or after `minIndex` and leaves 7+ points before it in its segment). Stops when
 * no such shift remains, or after `maxProposals`. `accepted` change points are kept and not proposed again.
 */
export function proposeChangePoints(
  values: readonly number[], options: XmrOptions & { minIndex?: number; accepted?: readonly number[]; maxProposals?: number } = {},
): ProposedChangePoint[] {
  const minIndex = Math.max(options.minIndex ?? 0, RUN_LENGTH);
  const proposals: ProposedChangePoint[] = [];
  let cps = cleanChangePoints(values.length, options.accepted ?? []);
  for (let k = 0; k < (options.maxProposals ?? 3); k++) {
    const chart = segmentedXmr(values, cps, options);
    const last = chart.segments.at(-1) as XmrSegment;
    if (last.tooFewForSpc !== null) break;
    const run = shiftRuns(values.slice(last.start), last.mean).find((r) => r.end === last.end - last.start);
    if (!run) break;
    const index = last.start + run.start;
    if (index < minIndex || index - last.start < RUN_LENGTH) break;
    const after = values.slice(index);
    proposals.push({
      index, runLength: run.end - run.start, side: run.side,
      before: mean(values.slice(last.start, index)), after: mean(after),
    });
    cps = cleanChangePoints(values.length, [...cps, index]);
  }
  return proposals;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Share of points flagged by any rule (0–1), for "before and after re-baselining". */
export function flaggedShare(points: readonly { rule: unknown }[]): number {
  return points.length ? points.filter((p) => p.rule !== null).length / points.length : 0;
}
