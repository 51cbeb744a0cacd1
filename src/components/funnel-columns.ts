// The columns of a school's point on the funnel plot, with one label each, for every table and CSV that lists
// schools by their funnel point (Equity's funnel figure, My setting's funnel download and its similar schools), so
// the same number is called the same thing everywhere.
import { LABELS } from '../contract/index.ts';
import type { FunnelPoint } from '../analytics/funnel.ts';
import type { Column } from './table-columns.ts';

type FunnelKey = keyof Pick<FunnelPoint, 'name' | 'urn' | 'school_type' | 'locality' | 'referrals' | 'pupils' | 'rate'
  | 'lower95' | 'upper95' | 'crude_rate' | 'position' | 'explanation'>;

const FUNNEL_COLUMN: Record<FunnelKey, Omit<Column<FunnelPoint>, 'key'>> = {
  name: { label: 'School' },
  urn: { label: 'URN' },
  school_type: { label: 'School type', format: (v) => LABELS[String(v)] ?? String(v) },
  locality: { label: 'Locality' },
  referrals: { label: 'Referrals', format: 'integer' },
  pupils: { label: 'Pupils on roll', format: 'integer' },
  rate: { label: 'Rate adjusted for age mix (referrals per 1,000 pupils a year)', format: 'decimal1' },
  lower95: { label: '95% interval: lower', format: 'decimal1' },
  upper95: { label: '95% interval: upper', format: 'decimal1' },
  crude_rate: { label: 'Crude rate (referrals per 1,000 pupils a year)', format: 'decimal1' },
  position: { label: 'Against the funnel limits' },
  explanation: { label: 'Why' },
};

/** The named funnel-point columns, in the order given, for a row type that has those fields. */
export function funnelColumns<Row>(...keys: (FunnelKey & keyof Row)[]): Column<Row>[] {
  return keys.map((key) => ({ key, ...FUNNEL_COLUMN[key] }) as Column<Row>);
}
