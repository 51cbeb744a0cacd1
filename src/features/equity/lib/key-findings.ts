// The Equity view's key findings, from the rows the analytics layer returns: heat-table cells flagged against the
// area (Fingertips comparison, METHODS §3) and schools outside the funnel limits (§4). A school type flagged for
// all ages stands for its age phases flagged the same way (they are named after it, not listed again).
// Findings are about access, not age: see rateFindings.
import type { FunnelPoint, FunnelSeries, RateCell } from '../../../analytics/index.ts';
import { LABELS } from '../../../contract/values.ts';
import { oneDp, rankFindings, ruleOf, type Finding } from '../../../components/findings/key-findings.ts';

export const ratesFigureId = (service: string) => `figure-rates-${service}`;
export const funnelFigureId = (service: string) => `figure-funnel-${service}`;

const label = (code: string) => LABELS[code] ?? code;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function groupName(c: RateCell): string {
  const type = c.school_type === null ? 'All schools' : `${label(c.school_type)} schools`;
  return c.age_phase === null ? type : `${type}, ${label(c.age_phase).toLowerCase()} age`;
}

/**
 * Findings from the heat table, compared like with like by the analytics layer (METHODS §3): each school type at
 * all ages through its age-standardised ratio (told as its rate adjusted for age mix against the area's), and each
 * type × phase cell against all school types at the same age. The age phases themselves ("All schools, post-16
 * age") are benchmarks, not findings: that referrals fall with age is expected, not a difference in access. An age
 * phase flagged the same way as its type is told with the type.
 */
export function rateFindings(cells: readonly RateCell[], withModerate = true): Finding[] {
  const out: Finding[] = [];
  const keep = (v: ReturnType<typeof ruleOf>) => v !== null && (v.certainty === 'strong' || (withModerate && v.certainty === 'moderate'));
  for (const service of [...new Set(cells.map((c) => c.service))]) {
    const own = cells.filter((c) => c.service === service);
    const area = own.find((c) => c.school_type === null && c.age_phase === null);
    if (!area || !isNumber(area.rate)) continue;
    const phaseRate = (phase: string) => own.find((c) => c.school_type === null && c.age_phase === phase)?.rate;
    const types = own.filter((c) => c.school_type !== null && c.age_phase === null && isNumber(c.adjusted_rate) && c.comparison !== 'c')
      .map((c) => ({ c, v: ruleOf(c.comparison as string, 'interval'), benchmark: area.rate as number }));
    const phases = own.filter((c) => c.school_type !== null && c.age_phase !== null && isNumber(c.rate) && c.comparison !== 'c').flatMap((c) => {
      const benchmark = isNumber(c.benchmark) ? c.benchmark : phaseRate(c.age_phase!);
      return isNumber(benchmark) ? [{ c, v: ruleOf(c.comparison as string, 'interval'), benchmark }] : [];
    });
    const flaggedTypes = types.filter((t) => keep(t.v));
    for (const t of flaggedTypes) {
      const same = phases.filter((p) => p.c.school_type === t.c.school_type && keep(p.v) && p.v?.direction === t.v?.direction);
      const also = same.length ? `; ${t.v!.direction} in the same way for ${same.map((p) => label(p.c.age_phase!).toLowerCase()).join(' and ')} age` : '';
      out.push({
        id: `rate|${service}|${t.c.school_type}|null`,
        text: `${groupName(t.c)}: ${service} referrals ${oneDp(t.c.adjusted_rate as number)} per 1,000 pupils a year adjusted for age mix against ${oneDp(t.benchmark)} across the area${also}`,
        ...t.v!, value: t.c.adjusted_rate as number, benchmark: t.benchmark, figureId: ratesFigureId(service),
      });
    }
    for (const p of phases.filter((x) => keep(x.v))) {
      const told = flaggedTypes.some((t) => t.c.school_type === p.c.school_type && t.v?.direction === p.v?.direction);
      if (told) continue;
      const phase = label(p.c.age_phase!).toLowerCase();
      out.push({
        id: `rate|${service}|${p.c.school_type}|${p.c.age_phase}`,
        text: `${groupName(p.c)}: ${service} referrals ${oneDp(p.c.rate as number)} per 1,000 pupils a year against ${oneDp(p.benchmark)} for all ${phase}-age pupils in the area`,
        ...p.v!, value: p.c.rate as number, benchmark: p.benchmark, figureId: ratesFigureId(service),
      });
    }
  }
  return out;
}

/**
 * Schools outside the funnel's 99.8% limits (and, with `withModerate`, its 95% limits). Schools of one type outside
 * the same limit on the same side are one finding naming them all (most extreme first), so a handful of special
 * schools does not crowd out everything else.
 */
export function funnelFindings(series: readonly FunnelSeries[], withModerate = false): Finding[] {
  return series.flatMap((s) => {
    const groups = new Map<string, { v: NonNullable<ReturnType<typeof ruleOf>>; points: FunnelPoint[] }>();
    for (const p of s.points) {
      const v = ruleOf(p.position, 'funnel');
      if (!v || v.certainty === 'none' || (v.certainty === 'moderate' && !withModerate)) continue;
      const key = `${p.school_type}|${p.position}`;
      const group = groups.get(key) ?? { v, points: [] };
      group.points.push(p);
      groups.set(key, group);
    }
    return [...groups.entries()].map(([key, { v, points }]): Finding => {
      const sorted = [...points].sort((a, b) => Math.abs(Math.log(b.rate / s.areaRate)) - Math.abs(Math.log(a.rate / s.areaRate)));
      const top = sorted[0]!;
      const rates = sorted.map((p) => p.rate);
      const [low, high] = [Math.min(...rates), Math.max(...rates)];
      const who = sorted.length === 1 ? top.name
        : `${sorted.length} ${label(top.school_type).toLowerCase()} schools (${sorted.slice(0, 3).map((p) => p.name).join(', ')}${sorted.length > 3 ? ' and others' : ''})`;
      const figures = sorted.length === 1 ? oneDp(top.rate) : `${oneDp(low)} to ${oneDp(high)}`;
      return {
        id: `funnel|${s.service}|${sorted.length === 1 ? top.urn : key}`,
        text: `${who}: ${s.service} referrals ${figures} per 1,000 pupils a year, adjusted for age mix, against ${oneDp(s.areaRate)} across the area`,
        ...v, value: top.rate, benchmark: s.areaRate, figureId: funnelFigureId(s.service),
      };
    });
  });
}

/** Every finding of the view, ranked (see src/components/findings/key-findings.ts). */
export function equityFindings(cells: readonly RateCell[], series: readonly FunnelSeries[] | undefined): Finding[] {
  return rankFindings([...rateFindings(cells), ...funnelFindings(series ?? [])]);
}
