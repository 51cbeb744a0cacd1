// Key findings: the few statements a reader needs first, generated from the flags the analytics layer already set
// (Fingertips comparisons, funnel limits), each in plain English with its numbers and the rule that fired, and
// ranked by certainty (outside the 99.8% interval before outside the 95% only) and then by size (how far the
// figure is from its benchmark, as a ratio, so a 2× difference ranks the same whichever way it goes).
// Pure: each view turns its rows into Finding objects (src/features/<view>/lib/key-findings.ts); this ranks them.

export type Certainty = 'strong' | 'moderate' | 'none';

export interface Finding {
  /** Stable key. */
  readonly id: string;
  /** The statement, e.g. "Independent schools: OT referrals 8.5 per 1,000 a year against 24.9 across the area". */
  readonly text: string;
  /** The verdict and the rule that fired, e.g. "much lower: outside the 99.8% interval". */
  readonly rule: string;
  /** 'higher' / 'lower' / 'similar' … (chooses the tag's tone). */
  readonly direction: 'higher' | 'lower' | 'similar';
  /** 'strong' = outside the 99.8% interval or limit; 'moderate' = outside the 95% only; 'none' = not flagged. */
  readonly certainty: Certainty;
  /** The figure and its benchmark, for ranking by size. */
  readonly value: number;
  readonly benchmark: number;
  /** The id of the figure that shows it (a link target). */
  readonly figureId: string;
}

const CERTAINTY_RANK: Record<Certainty, number> = { strong: 2, moderate: 1, none: 0 };

/** How far a figure is from its benchmark: |ln(value ÷ benchmark)|; 0 when either is not positive. */
export function sizeOf(f: Pick<Finding, 'value' | 'benchmark'>): number {
  return f.value > 0 && f.benchmark > 0 ? Math.abs(Math.log(f.value / f.benchmark)) : 0;
}

/** Most certain first, then largest; ties keep their order. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => CERTAINTY_RANK[b.f.certainty] - CERTAINTY_RANK[a.f.certainty] || sizeOf(b.f) - sizeOf(a.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** The verdict words for a Fingertips comparison or a funnel position, with the rule that fired. */
export function ruleOf(comparison: string, what: 'interval' | 'funnel'): Pick<Finding, 'rule' | 'direction' | 'certainty'> | null {
  const direction = comparison.includes('higher') || comparison.startsWith('above') ? 'higher'
    : comparison.includes('lower') || comparison.startsWith('below') ? 'lower' : null;
  if (comparison === 'similar' || comparison === 'within') {
    return {
      direction: 'similar', certainty: 'none',
      rule: what === 'interval' ? 'similar: the benchmark lies inside the 95% interval' : 'within the 95% funnel limits',
    };
  }
  if (!direction) return null;
  const strong = comparison.startsWith('much') || comparison.includes('99.8');
  const words = `${strong ? 'much ' : ''}${direction}`;
  if (what === 'funnel') {
    const side = direction === 'higher' ? 'above the upper' : 'below the lower';
    return { direction, certainty: strong ? 'strong' : 'moderate', rule: `${words}: ${side} ${strong ? '99.8%' : '95%'} funnel limit` };
  }
  return {
    direction, certainty: strong ? 'strong' : 'moderate',
    rule: strong ? `${words}: outside the 99.8% interval` : `${words}: outside the 95% interval (inside the 99.8%)`,
  };
}

const ONE_DP = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** 1,234.5 — en-GB grouping, one decimal place. */
export const oneDp = (v: number) => ONE_DP.format(v);
