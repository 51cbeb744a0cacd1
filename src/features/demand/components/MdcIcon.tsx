// Making Data Count icons, drawn as SVG: variation (common cause; special cause high or low) and assurance
// (consistently passes, hit and miss, consistently fails). Shapes follow the published MDC icon set: a ringed circle
// with a small run of points and, for special cause, the letter H or L; for assurance, P or F, or a target line for
// hit and miss. Referrals are neither good nor bad, so high/low use the same neutral orange/blue as the charts
// (never red/green); assurance, where higher is better, uses blue for passes and orange for fails. Each icon has a
// text alternative and the text is also printed beside it, so colour is never the only cue.
import type { ReactNode } from 'react';
import { SPECIAL_CAUSE } from '../../../charts/theme.ts';

export type VariationKind = 'common_cause' | 'special_cause_high' | 'special_cause_low' | 'not_judged';
export type AssuranceKind = 'pass' | 'fail' | 'hit_and_miss';

export const VARIATION_TEXT: Record<VariationKind, string> = {
  common_cause: 'Common cause variation',
  special_cause_high: 'Special cause variation: higher',
  special_cause_low: 'Special cause variation: lower',
  not_judged: 'Not judged: too few referrals for SPC',
};

export const ASSURANCE_TEXT: Record<AssuranceKind, string> = {
  pass: 'Consistently passes the target',
  fail: 'Consistently fails the target',
  hit_and_miss: 'Hit and miss: the target lies inside the process limits',
};

const GREY = SPECIAL_CAUSE.common;

function Ring({ colour, label, children }: { colour: string; label: string; children: ReactNode }) {
  return (
    <svg className="mdc-icon" viewBox="0 0 40 40" width="36" height="36" role="img" aria-label={label} focusable="false">
      <title>{label}</title>
      <circle cx="20" cy="20" r="17.5" fill="#ffffff" stroke={colour} strokeWidth="3" />
      {children}
    </svg>
  );
}

const dots = (ys: readonly number[], colour: string, lastColour = colour) => ys.map((y, i) => (
  <circle key={i} cx={9 + i * 5.5} cy={y} r="2" fill={i >= ys.length - 2 ? lastColour : colour} />
));

export function VariationIcon({ kind }: { kind: VariationKind }) {
  const label = VARIATION_TEXT[kind];
  switch (kind) {
    case 'special_cause_high':
      return <Ring colour={SPECIAL_CAUSE.high} label={label}>{dots([27, 28, 26, 22, 20], GREY, SPECIAL_CAUSE.high)}<text x="20" y="15" textAnchor="middle" fontSize="11" fontWeight="700" fill={SPECIAL_CAUSE.high}>H</text></Ring>;
    case 'special_cause_low':
      return <Ring colour={SPECIAL_CAUSE.low} label={label}>{dots([21, 20, 22, 26, 29], GREY, SPECIAL_CAUSE.low)}<text x="20" y="15" textAnchor="middle" fontSize="11" fontWeight="700" fill={SPECIAL_CAUSE.low}>L</text></Ring>;
    case 'not_judged':
      return <Ring colour={GREY} label={label}><line x1="11" y1="20" x2="29" y2="20" stroke={GREY} strokeWidth="3" strokeDasharray="3 3" /></Ring>;
    default:
      return <Ring colour={GREY} label={label}>{dots([22, 19, 23, 20, 22], GREY)}</Ring>;
  }
}

export function AssuranceIcon({ kind }: { kind: AssuranceKind }) {
  const label = ASSURANCE_TEXT[kind];
  if (kind === 'hit_and_miss') {
    return (
      <Ring colour={GREY} label={label}>
        <line x1="8" y1="21" x2="32" y2="21" stroke={SPECIAL_CAUSE.high} strokeWidth="2" />
        <polyline points="9,26 14,16 19,26 24,16 29,26" fill="none" stroke={GREY} strokeWidth="2" />
      </Ring>
    );
  }
  const colour = kind === 'pass' ? SPECIAL_CAUSE.low : SPECIAL_CAUSE.high;
  return <Ring colour={colour} label={label}><text x="20" y="26" textAnchor="middle" fontSize="17" fontWeight="700" fill={colour}>{kind === 'pass' ? 'P' : 'F'}</text></Ring>;
}
