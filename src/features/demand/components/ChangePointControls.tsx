// Re-baselining one series: the change point the tool proposes (and why), accept it, or set one by month; the
// choice goes into the address bar (?rebase=…), so the chart can be shared as re-baselined.
import { useId, useState } from 'react';
import type { SpcSeries } from '../../../analytics/index.ts';
import { spcSeriesKey } from '../../../analytics/spc.ts';
import { formatMonth } from '../../../components/table-columns.ts';
import { useDemandOptions } from '../hooks/use-demand-options.ts';
import { periodName } from '../lib/spc-words.ts';

export function ChangePointControls({ series }: { series: SpcSeries }) {
  const options = useDemandOptions();
  const id = useId();
  const key = spcSeriesKey(series);
  const candidates = series.points.filter((p, i) => p.judged && i >= 2 && i <= series.points.length - 2);
  const [month, setMonth] = useState('');
  const set = (months: readonly string[] | undefined) => options.setSeriesChangePoints(key, months);
  return (
    <div className="demand-spc-proposal">
      {series.changePoints.length > 0 && (
        <p className="demand-spc-reading__line">
          <strong>Limits recalculated from {series.changePoints.map(formatMonth).join(' and ')}</strong> (the vertical line on the chart):
          each part has its own mean and limits. <button type="button" className="app-link-button" onClick={() => set(undefined)}>Remove</button>
        </p>
      )}
      {series.proposed.map((p) => (
        <p className="demand-spc-reading__line" key={p.month}>
          <strong>Proposed change point: {formatMonth(p.month)}.</strong> {p.reason}{' '}
          <button type="button" className="app-link-button" onClick={() => set([...series.changePoints, p.month])}>
            Use new limits from {formatMonth(p.month)}
          </button>
        </p>
      ))}
      <div className="demand-button-group">
        <label htmlFor={id}>Set a change point</label>
        <select id={id} className="govuk-input" value={month} onChange={(e) => setMonth(e.target.value)}>
          <option value="">Choose a {series.period === 'quarter' ? '3-month period' : 'month'}</option>
          {candidates.map((p) => <option key={p.month} value={p.month}>{periodName(p)}</option>)}
        </select>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={!month}
          onClick={() => { set([...series.changePoints, month]); setMonth(''); }}>Add</button>
      </div>
    </div>
  );
}
