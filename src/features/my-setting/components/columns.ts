// The columns of My setting's tables and CSV downloads; "c" passes through every column as it is. Where a crude and
// an age-adjusted figure both appear, each says which it is.
import type { FunnelPoint } from '../../../analytics/funnel.ts';
import type { ProfileProvisionRow, ProfileRateRow, ProfileWaitsRow } from '../../../analytics/school-profile.ts';
import type { Column } from '../../../components/table-columns.ts';
import { funnelColumns } from '../../../components/funnel-columns.ts';
import { comparisonText } from './ComparisonFlag.tsx';

const vsArea = (v: unknown) => comparisonText(v as Parameters<typeof comparisonText>[0], 'the area');
const vsSimilar = (v: unknown) => comparisonText(v as Parameters<typeof comparisonText>[0], 'similar settings');

export const RATE_COLUMNS: readonly Column<ProfileRateRow>[] = [
  { key: 'label', label: 'Setting' },
  { key: 'schools', label: 'Schools', format: 'integer' },
  { key: 'referrals', label: 'Referrals', format: 'integer' },
  { key: 'pupils', label: 'Pupils on roll', format: 'integer' },
  { key: 'rate', label: 'Referrals per 1,000 pupils a year (crude)', format: 'decimal1' },
  { key: 'lower95', label: '95% interval: lower (crude)', format: 'decimal1' },
  { key: 'upper95', label: '95% interval: upper (crude)', format: 'decimal1' },
  { key: 'expected', label: 'Referrals expected for its age mix', format: 'decimal1' },
  { key: 'ratio', label: 'Ratio to expected', format: 'decimal2' },
  { key: 'adjusted_rate', label: 'Rate adjusted for age mix (per 1,000)', format: 'decimal1' },
  { key: 'vs_area', label: 'Compared with the area (adjusted for age mix)', format: vsArea },
  { key: 'vs_similar', label: 'Compared with similar settings (crude rates)', format: vsSimilar },
];

export const WAITS_COLUMNS: readonly Column<ProfileWaitsRow>[] = [
  { key: 'label', label: 'Setting' },
  { key: 'seen', label: 'First contacts', format: 'integer' },
  { key: 'median_weeks', label: 'Median wait (weeks)', format: 'decimal1' },
  { key: 'p90_weeks', label: '90th percentile (weeks)', format: 'decimal1' },
  { key: 'seen_within_18_weeks', label: 'Seen within 18 weeks', format: 'integer' },
  { key: 'pct_within_18_weeks', label: '% within 18 weeks', format: 'decimal1' },
  { key: 'lower95', label: '95% interval: lower (%)', format: 'decimal1' },
  { key: 'upper95', label: '95% interval: upper (%)', format: 'decimal1' },
  { key: 'waiting', label: 'Waiting at the end', format: 'integer' },
  { key: 'vs_area', label: 'Compared with the area', format: vsArea },
];

export const PROVISION_COLUMNS: readonly Column<ProfileProvisionRow>[] = [
  { key: 'label', label: 'Setting' },
  { key: 'schools', label: 'Schools', format: 'integer' },
  { key: 'pupils', label: 'Pupils on roll', format: 'integer' },
  { key: 'sessions', label: 'Sessions', format: 'integer' },
  { key: 'therapist_hours', label: 'Therapist hours', format: 'decimal1' },
  { key: 'sessions_per_100', label: 'Sessions per 100 pupils a year', format: 'decimal1' },
  { key: 'hours_per_100', label: 'Therapist hours per 100 pupils a year', format: 'decimal1' },
];

export type FunnelRow = Pick<FunnelPoint, 'name' | 'urn' | 'referrals' | 'pupils' | 'rate' | 'lower95' | 'upper95' | 'crude_rate' | 'position'> & { school_type: string };
export const FUNNEL_COLUMNS = funnelColumns<FunnelRow>('name', 'urn', 'school_type', 'referrals', 'pupils', 'rate', 'lower95', 'upper95',
  'crude_rate', 'position');

export interface MonthRow { month: string; referrals: number | 'c' }
export const MONTH_COLUMNS: readonly Column<MonthRow>[] = [
  { key: 'month', label: 'Month', format: 'month' },
  { key: 'referrals', label: 'Referrals', format: 'integer' },
];
