// The `report` figures on the committed sample data find the patterns planted by the generator
// (sample-data/README.md), and no count of 1–4 children appears anywhere in them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, DEFAULT_SETTINGS, NO_FILTERS, type Report } from '../../src/analytics/index.ts';
import type { Database } from '../../src/db/database.ts';
import { openWith, sampleFiles } from './fixture.ts';

let db: Database;
let report: Report;

beforeAll(async () => {
  const files = sampleFiles();
  const opened = await openWith(files);
  db = opened.db;
  report = await buildReport(opened.count, NO_FILTERS, { settings: DEFAULT_SETTINGS });
});
afterAll(async () => db.close());

describe('planted patterns in sample-data', () => {
  it('gives one capacity answer: the Demand view\'s, with the forecast section\'s FTE on the same basis', () => {
    const slt = report.capacity_plan.find((c) => c.service === 'SLT');
    // SLT at the defaults (sample-data/README.md): 19.6 FTE to reach and hold, 18.2 in post, 1.4 short.
    expect(slt).toMatchObject({ target_weeks: 18, months_to_target: 12, indirect_share: 0.4, fte_to_reach: 19.6, fte_to_hold: 19.6, fte_in_post: 18.2, gap_fte: -1.4 });
    expect(slt?.current_plan_meets_target_from_month).toBeNull();
    expect(slt?.recommended_meets_target_from_month).not.toBeNull();
    for (const c of report.capacity_plan) {
      const f = report.forecast.find((w) => w.service === c.service);
      expect(f?.fteForTarget).toBeCloseTo(c.fte_to_hold ?? NaN, 1);
    }
  });

  it('independent schools have "much lower" OT referrals than expected for their age mix (shareable mode)', () => {
    const cell = report.rates_by_type_phase.find((c) => c.service === 'OT' && c.school_type === 'independent' && c.age_phase === null);
    expect(cell?.comparison).toBe('much lower');
    expect(typeof cell?.ratio === 'number' && typeof cell.ratio_upper998 === 'number' && cell.ratio_upper998 < 1).toBe(true);
    expect(cell?.explanation).toMatch(/99\.8%/);
    // …and at each age phase it is below all school types of the same age (like for like).
    const primary = report.rates_by_type_phase.find((c) => c.service === 'OT' && c.school_type === 'independent' && c.age_phase === 'primary');
    expect(primary?.comparison).toBe('much lower');
  });

  it('early-years SLT demand shows a high SPC shift after the step in June 2025', () => {
    const series = report.spc.find((s) => s.service === 'SLT' && s.group_kind === 'age_phase' && s.group_value === 'early_years');
    expect(series?.series).toBe('seasonally_adjusted');
    const recent = series?.points.slice(-16) ?? [];
    const high = recent.filter((p) => p.rule !== null && p.side === 'high');
    // A shift needs 7 points in a row; most carry a higher-priority rule (2 of 3 near a limit, outside the limits),
    // and August is drawn but not judged on the adjusted series: 14 of the 15 judged months are flagged high.
    expect(high.some((p) => p.rule === 'shift')).toBe(true);
    expect(high.length).toBeGreaterThanOrEqual(12);
    // …and the older history has no high shift of that kind before the step (June 2025).
    const before = series?.points.filter((p) => p.month < '2025-01') ?? [];
    expect(before.filter((p) => p.rule === 'shift' && p.side === 'high')).toHaveLength(0);
  });

  it('the two planted SLT outliers lie outside the 99.8% funnel limits', () => {
    const slt = report.funnel.find((f) => f.service === 'SLT');
    expect(slt?.points.find((p) => p.urn === '119110')?.position).toBe('above 99.8%');
    expect(slt?.points.find((p) => p.urn === '125550')?.position).toBe('below 99.8%');
    // Among mainstream primaries they are the only ones outside 99.8% (the generator's own claim).
    const primaries = slt?.points.filter((p) => p.school_type === 'mainstream' && p.phase === 'primary' && p.position.includes('99.8')) ?? [];
    expect(primaries.map((p) => p.urn).sort()).toEqual(['119110', '125550']);
  });

  it('the Talk Boost adopter\'s SLT referrals fell relative to comparable schools', () => {
    const impact = report.programme_impact.find((p) => p.adopter_urn === '128531' && p.service === 'SLT');
    expect(impact?.adoption_month).toBe('2024-03');
    expect(typeof impact?.upper95 === 'number' && impact.upper95 < 1).toBe(true);
    expect(impact?.verdict).toMatch(/fell/);
  });

  it('August is flagged by no SPC rule on the seasonally adjusted area series', () => {
    const area = report.spc.find((s) => s.service === 'SLT' && s.group_kind === 'area');
    const augusts = area?.points.filter((p) => p.month.endsWith('-08')) ?? [];
    expect(augusts.length).toBe(5);
    expect(augusts.every((p) => !(p.rule === 'outside_limits' && p.side === 'low'))).toBe(true);
  });
});

/** Fields that count schools, months or bands rather than children: not disclosive. */
const NOT_CHILDREN = new Set(['suppressedSchools', 'comparison_schools', 'schools', 'months', 'band_order', 'index', 'n',
  'imd_decile', 'suppressionThreshold', 'programmeWindowMonths', 'targetWaitWeeks', 'decimals']);
const COUNT_FIELDS = /(^|_)(referrals|pupils|seen|waiting|pupils_slcn|pupils_ehcp|seen_within_18_weeks|waiting_over_\d+_weeks|adopter_referrals_before|adopter_referrals_after)$/;

function smallCounts(value: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => smallCounts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'number' && COUNT_FIELDS.test(k) && !NOT_CHILDREN.has(k) && v >= 1 && v <= 4) out.push(`${path}.${k}=${v}`);
      else smallCounts(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('disclosure control', () => {
  it('shows no count of 1–4 children anywhere in the report', () => {
    expect(smallCounts(report, 'report', [])).toEqual([]);
  });

  it('suppresses some cells (so the check above is not vacuous)', () => {
    expect(JSON.stringify(report)).toContain('"c"');
  });

  it('no rate is shown beside a suppressed count', () => {
    for (const cell of report.rates_by_type_phase) {
      if (cell.referrals === 'c') expect([cell.rate, cell.lower95, cell.upper95]).toEqual(['c', 'c', 'c']);
    }
  });
});
