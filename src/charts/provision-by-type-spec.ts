// Therapy provision per 100 pupils a year by school type (METHODS §8, §10): horizontal bars, one per service within
// each school type (SLT navy, OT turquoise: distinct in lightness as well as hue). Types with no figure are left out.
import type { TopLevelSpec } from 'vega-lite';
import type { ProvisionByType } from '../analytics/provision.ts';
import { SCHOOL_TYPES } from '../contract/values.ts';
import { formatCount, formatOneDp, isValue, label, plural, subtitleOf } from './format.ts';
import { SERVICE_COLOURS, Y_TITLE_ABOVE_LABELS, frame } from './theme.ts';

export interface ProvisionByTypeOptions {
  measure: 'hours_per_100' | 'sessions_per_100';
  periodLabel?: string;
}

const MEASURE_TITLE = {
  hours_per_100: 'Therapist hours per 100 pupils per year',
  sessions_per_100: 'Therapy sessions per 100 pupils per year',
} as const;

export function provisionByTypeSpec(rows: ProvisionByType[], options: ProvisionByTypeOptions): TopLevelSpec {
  const shown = rows.filter((r) => isValue(r[options.measure])).map((r) => ({
    school_type: label(r.school_type), service: label(r.service),
    value: r[options.measure] as number, value_text: formatOneDp(r[options.measure]), pupils_text: formatCount(r.pupils),
  }));
  const services = [...new Set(rows.map((r) => r.service))];
  const types = [...new Set(shown.map((r) => r.school_type))];
  const title = MEASURE_TITLE[options.measure];
  const y = { field: 'school_type', type: 'nominal' as const, title: 'School type', sort: SCHOOL_TYPES.map((t) => label(t)), axis: Y_TITLE_ABOVE_LABELS };
  return {
    ...frame(types.length * services.length * 26 + types.length * 10 + 150,
      `Bar chart of ${title.toLowerCase()} by school type and service: ${plural(shown.length, 'bar')}; `
      + `${plural(rows.length - shown.length, 'bar')} without a figure (no pupils) not drawn.`),
    title: { text: `Therapy provision by school type`, subtitle: subtitleOf(title, options.periodLabel) },
    data: { name: 'table', values: shown },
    layer: [
      {
        name: 'bars',
        mark: { type: 'bar' },
        encoding: {
          y, yOffset: { field: 'service', type: 'nominal', sort: services.map((s) => label(s)) },
          x: { field: 'value', type: 'quantitative', title },
          color: {
            field: 'service', type: 'nominal', title: 'Service',
            scale: { domain: services.map((s) => label(s)), range: services.map((s) => SERVICE_COLOURS[s] ?? '#505a5f') },
          },
          tooltip: [
            { field: 'school_type', title: 'School type' }, { field: 'service', title: 'Service' },
            { field: 'value_text', title }, { field: 'pupils_text', title: 'Pupils on roll' },
          ],
        },
      },
      {
        name: 'bar_values',
        mark: { type: 'text', align: 'left', dx: 4, aria: false },
        encoding: {
          y, yOffset: { field: 'service', type: 'nominal', sort: services.map((s) => label(s)) },
          x: { field: 'value', type: 'quantitative' }, text: { field: 'value_text' },
        },
      },
    ],
  };
}
