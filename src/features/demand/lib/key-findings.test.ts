// The Demand view's key findings, from series, waits and plans built by hand so each statement can be checked by eye.
import { describe, expect, it } from 'vitest';
import type { SpcPoint, SpcSeries } from '../../../analytics/index.ts';
import type { PlannedService } from '../../../analytics/scenarios.ts';
import type { WaitsOverTime } from '../../../analytics/waits-over-time.ts';
import { capacityGap, demandFindings } from './key-findings.ts';

const point = (month: string, value: number, rule: SpcPoint['rule'] = null, side: SpcPoint['side'] = null): SpcPoint =>
  ({ month, lastMonth: month, referrals: value, value, rule, side, judged: true, segment: 0 });

function series(extra: Partial<SpcSeries>): SpcSeries {
  return {
    service: 'SLT', group_kind: 'area', group_value: null, series: 'raw', seriesNote: 'note',
    screened: true, mean: 40, upperProcessLimit: 60, lowerProcessLimit: 20, upperTwoSigma: 53, lowerTwoSigma: 27, trial: false,
    tooFewForSpc: null, icon: 'common_cause', period: 'month', changePoints: [], proposed: [], monthly: [],
    segments: [{ from: '2024-01', to: '2026-08', mean: 40, upperProcessLimit: 60, lowerProcessLimit: 20, upperTwoSigma: 53, lowerTwoSigma: 27, trial: false }],
    trend: { chi2: 1, significant: false, direction: 'no significant change', reason: null },
    points: [point('2026-07', 41), point('2026-08', 39)], ...extra,
  };
}

const waits = (assurance: 'fail' | 'pass' | 'hit_and_miss'): WaitsOverTime => ({
  service: 'SLT',
  measures: [{
    key: 'pct_within', label: '% seen within 18 weeks', unit: '%', target: 92, higherIsBetter: true,
    points: [{ month: '2026-07', value: 60, rule: null, side: null }, { month: '2026-08', value: 64.4, rule: null, side: null }],
    chart: { mean: 63 } as WaitsOverTime['measures'][number]['chart'], assurance,
  }],
});

const plan = (fteInPost: number, fteVacant: number, metFrom: number | null) => ({
  service: 'SLT',
  input: { targetWeeks: 18, monthsToTarget: 12, fteInPost, fteVacant },
  plan: { fteToReach: 19.6, fteToHold: 19.6, surplusToReach: fteInPost - 19.6 },
  projections: [{ name: 'Current plan', fte: fteInPost, months: [], targetMetFrom: metFrom }],
}) as unknown as PlannedService;

describe('demandFindings', () => {
  it('tells a proposed sustained shift with its numbers and rule, linked to the series', () => {
    const s = series({ group_kind: 'age_phase', group_value: 'early_years', proposed: [{ month: '2025-06', side: 'high', before: 21.4, after: 33.2, runLength: 15, reason: '' }] });
    const [f] = demandFindings({ series: [s], targetWeeks: 18 });
    expect(f?.text).toBe('SLT referrals for children in the early years rose from about 21 to 33 a month from Jun 2025');
    expect(f?.rule).toBe('sustained shift: 15 months in a row above the mean; new limits proposed');
    expect(f?.figureId).toBe('summary-SLT-age_phase-early_years');
    // Once accepted, the segments tell it.
    const accepted = series({ changePoints: ['2025-06'], segments: [
      { from: '2021-09', to: '2025-05', mean: 21.4, upperProcessLimit: 30, lowerProcessLimit: 12, upperTwoSigma: 27, lowerTwoSigma: 15, trial: false },
      { from: '2025-06', to: '2026-08', mean: 33.2, upperProcessLimit: 45, lowerProcessLimit: 21, upperTwoSigma: 41, lowerTwoSigma: 25, trial: false },
    ] });
    expect(demandFindings({ series: [accepted], targetWeeks: 18 }).map((x) => `${x.text} — ${x.rule}`))
      .toEqual(['SLT referrals rose from about 21 to 33 a month from Jun 2025 — sustained shift: limits recalculated from then']);
  });

  it('tells an unusual latest month, and nothing for common-cause or unjudged series', () => {
    const high = series({ icon: 'special_cause_high', points: [point('2026-07', 45), point('2026-08', 66, 'outside_limits', 'high')] });
    const found = demandFindings({ series: [high, series({}), series({ tooFewForSpc: 'Too few referrals for SPC', icon: 'special_cause_high' })], targetWeeks: 18 });
    expect(found.map((f) => `${f.text} — ${f.rule}`)).toEqual(['SLT referrals: about 66 in Aug 2026 against a usual 40 a month — unusually high: special cause, outside the process limits']);
    expect(found[0]?.figureId).toBe('figure-spc-SLT');
  });

  it('tells waits against the target with the assurance rule', () => {
    const [f] = demandFindings({ series: [], waits: [waits('fail')], targetWeeks: 18 });
    expect(f?.text).toBe('SLT: 64% of children seen within 18 weeks in Aug 2026 (usually about 63%) against a target of 92%');
    expect(f?.rule).toMatch(/^consistently fails the target/);
    expect(f?.certainty).toBe('strong');
    expect(demandFindings({ series: [], waits: [waits('hit_and_miss')], targetWeeks: 18 })[0]?.certainty).toBe('moderate');
  });

  it('tells an FTE shortfall, and whether filling the vacancies closes it', () => {
    const [short] = demandFindings({ series: [], plans: [plan(18.2, 2.8, null)], targetWeeks: 18, to: '2026-08' });
    expect(short?.text).toBe('SLT: 18.2 FTE in post against 19.6 FTE needed to reach the 18-week target by Aug 2027');
    expect(short?.rule).toBe('1.4 FTE short at your assumptions, and with the FTE in post the projection does not meet it; filling the 2.8 vacant FTE would close it');
    expect(short?.certainty).toBe('strong');
    const [still] = demandFindings({ series: [], plans: [plan(15, 2, null)], targetWeeks: 18, to: '2026-08' });
    expect(still?.rule).toMatch(/even the 2.0 vacant FTE filled would leave 2.6 short$/);
    const [enough] = demandFindings({ series: [], plans: [plan(22, 0, 2)], targetWeeks: 18, to: '2026-08' });
    expect(enough?.rule).toBe('2.4 FTE more than needed at your assumptions');
    expect(enough?.certainty).toBe('none');
    // 0.1 FTE either way is finer than the assumptions: about what is needed.
    expect(demandFindings({ series: [], plans: [plan(19.5, 1, 4)], targetWeeks: 18, to: '2026-08' })[0]?.rule).toBe('about what is needed at your assumptions');
  });

  it('ranks failed targets and shortfalls before what is not flagged', () => {
    const found = demandFindings({ series: [], waits: [waits('pass')], plans: [plan(18.2, 2.8, null)], targetWeeks: 18, to: '2026-08' });
    expect(found.map((f) => f.id)).toEqual(['capacity-SLT', 'waits-SLT']);
  });
});

describe('capacityGap', () => {
  it('judges short, about and more at ±0.25 FTE, and what filling the vacant posts would do', () => {
    expect(capacityGap(plan(19.35, 0, 3))).toEqual({ gap: 19.35 - 19.6, vacant: 0, side: 'short', shortAfterFilling: null });
    expect(capacityGap(plan(19.4, 1, 3))?.side).toBe('about');
    expect(capacityGap(plan(19.85, 0, 3))?.side).toBe('more');
    expect(capacityGap(plan(18, 2, 3))?.shortAfterFilling).toBe(0);
    expect(capacityGap(plan(17, 2, 3))?.shortAfterFilling).toBeCloseTo(0.6, 10);
  });

  it('has nothing to judge without workforce data', () => {
    const none = { ...plan(0, 0, null), input: { targetWeeks: 18, monthsToTarget: 12, fteInPost: null, fteVacant: null }, plan: { fteToReach: 19.6, fteToHold: 19.6, surplusToReach: null } } as unknown as PlannedService;
    expect(capacityGap(none)).toBeNull();
  });
});
