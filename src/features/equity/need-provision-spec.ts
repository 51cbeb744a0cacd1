// Need against provision, one point per school: need per 100 pupils (x) and therapist hours per 100 pupils a year
// (y); schools flagged as possible unmet need (high need, low provision) are drawn orange, as diamonds, and named,
// so the flag does not rest on colour. Pure (no React): a candidate for src/charts (see the report).
import type { TopLevelSpec } from 'vega-lite';
import type { ProvisionSchool } from '../../analytics/index.ts';
import { formatCount, formatOneDp, isValue, label, plural, serviceName, subtitleOf } from '../../charts/format.ts';
import { INK, PALETTE, Y_TITLE_ABOVE, frame } from '../../charts/theme.ts';
import { expectedNeedLabel } from '../../stats/expected-need.ts';

export interface NeedProvisionOptions {
  service: string;
  /** What need is for this service, e.g. "Pupils with SLCN per 100 pupils". */
  needTitle: string;
  periodLabel?: string;
}

const FLAGS = ['Possible unmet need', 'Not flagged'] as const;

export function needProvisionSpec(schools: ProvisionSchool[], options: NeedProvisionOptions): TopLevelSpec {
  const own = schools.filter((s) => s.service === options.service);
  const points = own.filter((s) => isValue(s.need_per_100) && isValue(s.hours_per_100)).map((s) => ({
    urn: s.urn, name: s.name, school_type: label(s.school_type),
    need: s.need_per_100 as number, hours: s.hours_per_100 as number,
    flag: s.unmet_need ? FLAGS[0] : FLAGS[1],
    need_text: formatOneDp(s.need_per_100), hours_text: formatOneDp(s.hours_per_100), pupils_text: formatCount(s.pupils),
    expected_text: isValue(s.expected_need) ? expectedNeedLabel(s.expected_need) : 'not estimated',
    why: s.unmet_need ? s.explanation : 'Not flagged: need is not in the top quarter, or hours are not in the bottom quarter.',
  }));
  const flagged = points.filter((p) => p.flag === FLAGS[0]).length;
  // Special schools have many times the need and the hours of mainstream ones; square-root scales keep the
  // mainstream cluster, where the flag usually lives, readable without hiding the high end.
  const x = { field: 'need', type: 'quantitative' as const, title: `${options.needTitle} (square-root scale)`, scale: { type: 'sqrt' as const } };
  const y = { field: 'hours', type: 'quantitative' as const, title: 'Therapist hours per 100 pupils per year (square-root scale)', scale: { type: 'sqrt' as const }, axis: Y_TITLE_ABOVE };
  const tooltip = [
    { field: 'name', title: 'School' }, { field: 'urn', title: 'URN' }, { field: 'school_type', title: 'Type' },
    { field: 'pupils_text', title: 'Pupils on roll' }, { field: 'need_text', title: options.needTitle },
    { field: 'hours_text', title: 'Therapist hours per 100 pupils a year' }, { field: 'expected_text', title: 'Expected need (estimate)' },
    { field: 'flag', title: 'Flag' }, { field: 'why', title: 'Why' },
  ];
  return {
    ...frame(420,
      `Scatter plot of ${plural(points.length, 'school')}: ${serviceName(options.service)} therapist hours per 100 pupils a year against need; `
      + `${plural(flagged, 'school')} flagged as possible unmet need; ${plural(own.length - points.length, 'school')} not drawn (need suppressed or unknown).`),
    title: {
      text: `${label(options.service)}: need and provision by school`,
      subtitle: subtitleOf(options.periodLabel, 'Orange diamonds: possible unmet need (named)'),
    },
    data: { name: 'table', values: points },
    layer: [
      {
        name: 'schools',
        mark: { type: 'point', filled: true, size: 80, stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x, y,
          color: { field: 'flag', type: 'nominal', title: null, scale: { domain: [...FLAGS], range: [PALETTE.higher, PALETTE.similarMark] } },
          shape: { field: 'flag', type: 'nominal', title: null, scale: { domain: [...FLAGS], range: ['diamond', 'circle'] } },
          size: { condition: { test: `datum.flag === '${FLAGS[0]}'`, value: 220 }, value: 70 },
          order: { field: 'flag', sort: 'ascending' },
          tooltip,
        },
      },
      // Only when a school is flagged: an empty layer would give its scales an infinite extent.
      ...(flagged > 0 ? [{
        name: 'flagged_names',
        transform: [{ filter: `datum.flag === '${FLAGS[0]}'` }],
        mark: { type: 'text' as const, align: 'left' as const, dx: 12, dy: -10, fontWeight: 'bold' as const, color: INK },
        encoding: { x, y, text: { field: 'name' } },
      }] : []),
    ],
  };
}
