// Universal programme impact: a dumbbell per adopting school — its referral rate before → after adoption, beside the
// same change in its comparison schools (open circle before, filled circle after). Rows whose adopter figures are
// suppressed, or that lack a rate, are skipped and counted in the description.
import type { TopLevelSpec } from 'vega-lite';
import type { ProgrammeImpact } from '../analytics/programme.ts';
import { formatMonth, formatOneDp, isValue, label, plural, subtitleOf } from './format.ts';
import { PALETTE, SERVICE_COLOURS, Y_TITLE_ABOVE_LABELS, frame } from './theme.ts';

export interface ProgrammeImpactOptions { periodLabel?: string }

const GROUPS = ['Adopting school', 'Comparison schools'] as const;
const GROUP_COLOURS = [SERVICE_COLOURS.SLT ?? '#12436d', PALETTE.similarMark];

const complete = (r: ProgrammeImpact) =>
  [r.adopter_before, r.adopter_after, r.comparison_before, r.comparison_after].every(isValue);

function ratioText(r: ProgrammeImpact): string {
  if (!isValue(r.ratio)) return 'not available';
  const interval = isValue(r.lower95) && isValue(r.upper95) ? ` (95% interval ${r.lower95.toFixed(2)} to ${r.upper95.toFixed(2)})` : '';
  return `${r.ratio.toFixed(2)}${interval}`;
}

export function programmeImpactSpec(rows: ProgrammeImpact[], options: ProgrammeImpactOptions = {}): TopLevelSpec {
  const shown = rows.filter(complete);
  const suppressed = rows.filter((r) => r.adopter_before === 'c' || r.adopter_after === 'c').length;
  const lines = shown.flatMap((r) => {
    const school = `${r.adopter_name} (${r.service})`;
    const common = {
      school, programme: r.programme, adopted: formatMonth(r.adoption_month), service: label(r.service),
      ratio_text: ratioText(r),
      verdict: r.verdict,
    };
    return [
      { ...common, group: GROUPS[0], before: r.adopter_before as number, after: r.adopter_after as number },
      { ...common, group: GROUPS[1], before: r.comparison_before as number, after: r.comparison_after as number, comparison_schools: r.comparison_schools },
    ].map((l) => ({ ...l, before_text: formatOneDp(l.before), after_text: formatOneDp(l.after) }));
  });
  const y = { field: 'school', type: 'nominal' as const, title: 'Adopting school (service)', sort: shown.map((r) => `${r.adopter_name} (${r.service})`), axis: Y_TITLE_ABOVE_LABELS };
  const yOffset = { field: 'group', type: 'nominal' as const, sort: [...GROUPS] };
  const xTitle = 'Referrals per 1,000 pupils per year';
  const color = { field: 'group', type: 'nominal' as const, title: null, scale: { domain: [...GROUPS], range: GROUP_COLOURS } };
  const tooltip = [
    { field: 'school', title: 'Adopting school' }, { field: 'programme', title: 'Programme' }, { field: 'adopted', title: 'Adopted' },
    { field: 'group', title: 'Group' }, { field: 'before_text', title: 'Rate before' }, { field: 'after_text', title: 'Rate after' },
    { field: 'ratio_text', title: 'Ratio of changes (1 = no difference)' }, { field: 'verdict', title: 'In words' },
  ];
  return {
    ...frame(Math.max(1, shown.length) * 56 + 150,
      `Dumbbell chart of referral rates per 1,000 pupils per year before and after adopting a programme, for ${plural(shown.length, 'adopting school')} `
      + `and their comparison schools; ${plural(rows.length - shown.length, 'school')} not drawn (${suppressed} suppressed for small numbers, `
      + `${rows.length - shown.length - suppressed} without rates before and after).`),
    title: {
      text: 'Referral rates before and after a universal programme',
      subtitle: subtitleOf(xTitle, options.periodLabel, 'Open circle: before adoption', 'filled circle: after'),
    },
    data: { name: 'table', values: lines },
    encoding: { y, yOffset, tooltip },
    layer: [
      { name: 'changes', mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'before', type: 'quantitative', title: xTitle }, x2: { field: 'after' }, color } },
      { name: 'before', mark: { type: 'point', filled: false, size: 90, strokeWidth: 2, fill: '#ffffff' }, encoding: { x: { field: 'before', type: 'quantitative' }, color } },
      { name: 'after', mark: { type: 'point', filled: true, size: 90 }, encoding: { x: { field: 'after', type: 'quantitative' }, color } },
    ],
  };
}
