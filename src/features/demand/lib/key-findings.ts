// The Demand view's key findings (issue 16 item 1), from the flags the analytics layer already set: sustained shifts
// and unusual latest periods in the SPC series (Making Data Count summary), the assurance of the share seen within
// the target wait (waits over time), and the capacity answer's gap between FTE in post and FTE needed. Each is a
// plain-English statement with its numbers, the rule that fired, and a link to the figure that shows it; ranked by
// certainty and then by size (src/components/findings). Pure.
import type { SpcSeries } from '../../../analytics/index.ts';
import type { PlannedService } from '../../../analytics/scenarios.ts';
import type { WaitsOverTime } from '../../../analytics/waits-over-time.ts';
import { oneDp, rankFindings, type Finding } from '../../../components/findings/key-findings.ts';
import { formatMonth } from '../../../components/table-columns.ts';
import { addMonths } from '../../../analytics/filters.ts';
import { periodName, seriesSubject } from './spc-words.ts';

/** The chart of a series: the whole-area chart in "Referrals over time", or the series' row in the summary table. */
export const spcFigureId = (s: Pick<SpcSeries, 'service' | 'group_kind' | 'group_value'>) =>
  s.group_kind === 'area' ? `figure-spc-${s.service}` : `summary-${s.service}-${s.group_kind}-${s.group_value ?? ''}`;
export const waitsFigureId = (service: string, measure: string) => `figure-waits-${service}-${measure}`;
export const planFigureId = (service: string) => `plan-${service}`;

const about = (v: number) => (v >= 10 ? String(Math.round(v)) : oneDp(v));
const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
/** A gap under a quarter of an FTE is "about what is needed": finer than the assumptions behind it. */
export const ABOUT = 0.25;

const RULE_WORDS: Record<string, string> = {
  outside_limits: 'outside the process limits',
  trend: '7 or more points in a row each moving the same way',
  two_of_three: 'two of three points near a process limit',
  shift: '7 or more points in a row on one side of the mean',
};

function spcFindings(series: readonly SpcSeries[]): Finding[] {
  const out: Finding[] = [];
  for (const s of series) {
    if (s.tooFewForSpc !== null || s.period === 'none') continue;
    const per = s.period === 'quarter' ? 'every 3 months' : 'a month';
    const adjusted = s.series === 'seasonally_adjusted' ? ' (seasonally adjusted)' : '';
    const applied = s.segments.length > 1 ? s.segments.at(-1) : undefined;
    const previous = s.segments.at(-2);
    const shift = applied && previous ? { month: applied.from, before: previous.mean, after: applied.mean }
      : s.proposed[0] ?? null;
    if (shift) {
      const rose = shift.after > shift.before;
      out.push({
        id: `spc-shift-${s.service}-${s.group_kind}-${s.group_value ?? ''}`,
        text: `${seriesSubject(s)} ${rose ? 'rose' : 'fell'} from about ${about(shift.before)} to ${about(shift.after)} ${per}${adjusted} from ${formatMonth(shift.month)}`,
        rule: 'runLength' in shift
          ? `sustained shift: ${shift.runLength} ${s.period === 'quarter' ? '3-month periods' : 'months'} in a row ${shift.side === 'high' ? 'above' : 'below'} the mean; new limits proposed`
          : 'sustained shift: limits recalculated from then',
        direction: rose ? 'higher' : 'lower', certainty: 'strong', value: shift.after, benchmark: shift.before, figureId: spcFigureId(s),
      });
      continue;
    }
    if (s.icon !== 'special_cause_high' && s.icon !== 'special_cause_low') continue;
    const latest = [...s.points].reverse().find((p) => p.judged && p.value !== null);
    if (!latest || latest.value === null) continue;
    const high = s.icon === 'special_cause_high';
    out.push({
      id: `spc-latest-${s.service}-${s.group_kind}-${s.group_value ?? ''}`,
      text: `${seriesSubject(s)}: about ${about(latest.value)} in ${periodName(latest)} against a usual ${about(s.mean)} ${per}${adjusted}`,
      rule: `unusually ${high ? 'high' : 'low'}: special cause, ${latest.rule ? RULE_WORDS[latest.rule] ?? latest.rule : 'outside the usual variation'}`,
      direction: high ? 'higher' : 'lower', certainty: 'strong', value: latest.value, benchmark: s.mean, figureId: spcFigureId(s),
    });
  }
  return out;
}

function waitsFindings(waits: readonly WaitsOverTime[], targetWeeks: number): Finding[] {
  const out: Finding[] = [];
  for (const w of waits) {
    const m = w.measures.find((x) => x.key === 'pct_within');
    if (!m || m.target === null || !m.assurance) continue;
    const latest = [...m.points].reverse().find((p) => p.value !== null);
    if (!latest || latest.value === null) continue;
    const mean = m.chart?.mean ?? latest.value;
    const text = `${w.service}: ${WHOLE.format(latest.value)}% of children seen within ${targetWeeks} weeks in ${formatMonth(latest.month)} (usually about ${WHOLE.format(mean)}%) against a target of ${WHOLE.format(m.target)}%`;
    const id = `waits-${w.service}`;
    const figureId = waitsFigureId(w.service, m.key);
    if (m.assurance === 'fail') {
      out.push({ id, text, rule: 'consistently fails the target: its process limits lie below it', direction: 'lower', certainty: 'strong', value: mean, benchmark: m.target, figureId });
    } else if (m.assurance === 'hit_and_miss') {
      out.push({ id, text, rule: 'hit and miss: the target lies inside the process limits', direction: mean < m.target ? 'lower' : 'higher', certainty: 'moderate', value: mean, benchmark: m.target, figureId });
    } else {
      out.push({ id, text, rule: 'consistently passes the target: its process limits lie above it', direction: 'similar', certainty: 'none', value: mean, benchmark: m.target, figureId });
    }
  }
  return out;
}

/** The FTE in post against the FTE needed to reach the target, and what filling the vacant posts would do: the one
 * judgement behind the plan's answer (PlanSection) and the capacity finding. Null without workforce data. */
export interface CapacityGap {
  /** FTE in post − FTE needed to reach the target. */
  readonly gap: number;
  readonly vacant: number;
  readonly side: 'short' | 'about' | 'more';
  /** FTE still short with every vacant post filled (0: filling them closes the gap); null unless short with posts vacant. */
  readonly shortAfterFilling: number | null;
}

export function capacityGap(p: PlannedService): CapacityGap | null {
  if (p.input.fteInPost === null || p.plan.surplusToReach === null) return null;
  const gap = p.plan.surplusToReach;
  const vacant = p.input.fteVacant ?? 0;
  const side = gap >= ABOUT ? 'more' : gap > -ABOUT ? 'about' : 'short';
  return { gap, vacant, side, shortAfterFilling: side === 'short' && vacant > 0 ? Math.max(0, -(gap + vacant)) : null };
}

function capacityFindings(plans: readonly PlannedService[], to: string): Finding[] {
  const out: Finding[] = [];
  for (const p of plans) {
    const { input, plan } = p;
    const judged = capacityGap(p);
    if (input.fteInPost === null || !judged || !Number.isFinite(plan.fteToReach)) continue;
    const { gap, vacant, side, shortAfterFilling } = judged;
    const by = formatMonth(addMonths(to, input.monthsToTarget));
    const met = p.projections[0]?.targetMetFrom ?? null;
    const text = `${p.service}: ${oneDp(input.fteInPost)} FTE in post against ${oneDp(plan.fteToReach)} FTE needed to reach the ${WHOLE.format(input.targetWeeks)}-week target by ${by}`;
    const base = { id: `capacity-${p.service}`, text, value: input.fteInPost, benchmark: plan.fteToReach, figureId: planFigureId(p.service) };
    if (side === 'short') {
      const fill = shortAfterFilling === null ? '' : shortAfterFilling === 0 ? `; filling the ${oneDp(vacant)} vacant FTE would close it` : `; even the ${oneDp(vacant)} vacant FTE filled would leave ${oneDp(shortAfterFilling)} short`;
      out.push({
        ...base, direction: 'lower', certainty: met === null || met > input.monthsToTarget ? 'strong' : 'moderate',
        rule: `${oneDp(-gap)} FTE short at your assumptions${met === null ? ', and with the FTE in post the projection does not meet it' : ''}${fill}`,
      });
    } else {
      out.push({ ...base, direction: side === 'more' ? 'higher' : 'similar', certainty: 'none', rule: side === 'more' ? `${oneDp(gap)} FTE more than needed at your assumptions` : 'about what is needed at your assumptions' });
    }
  }
  return out;
}

export interface DemandFindingsInput {
  readonly series: readonly SpcSeries[];
  readonly waits?: readonly WaitsOverTime[];
  readonly targetWeeks: number;
  readonly plans?: readonly PlannedService[];
  /** Last month of the period: the capacity answer's "by" date counts from it. */
  readonly to?: string;
}

export function demandFindings(input: DemandFindingsInput): Finding[] {
  return rankFindings([
    ...capacityFindings(input.plans ?? [], input.to ?? ''),
    ...waitsFindings(input.waits ?? [], input.targetWeeks),
    ...spcFindings(input.series),
  ]);
}
