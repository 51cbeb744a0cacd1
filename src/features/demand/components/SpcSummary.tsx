// The page a planner opens first: a Making Data Count summary, one row per series (the area, each school type and
// each age phase, for each service), with its variation icon, its assurance icon where a target exists (referrals
// have none: waits below do), the latest value and a one-line reading. Proposed change points can be accepted here
// for every series at once or one by one; they are kept in the address bar.
import type { SpcSeries } from '../../../analytics/index.ts';
import { spcSeriesKey } from '../../../analytics/spc.ts';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { formatMonth } from '../../../components/table-columns.ts';
import { AGE_PHASES, LABELS, SCHOOL_TYPES, type Service } from '../../../contract/index.ts';
import { useSpcSeries } from '../api/get-spc-series.ts';
import { useDemandOptions } from '../hooks/use-demand-options.ts';
import { spcFigureId } from '../lib/key-findings.ts';
import { periodName, seriesReading, seriesSubject } from '../lib/spc-words.ts';
import { VARIATION_TEXT, VariationIcon, type VariationKind } from './MdcIcon.tsx';

const GROUP_ORDER = ['area', ...SCHOOL_TYPES.map((t) => `school_type.${t}`), ...AGE_PHASES.map((p) => `age_phase.${p}`)];
const orderKey = (s: SpcSeries) => GROUP_ORDER.indexOf(s.group_kind === 'area' ? 'area' : `${s.group_kind}.${s.group_value}`);
const ONE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export const variationKind = (s: SpcSeries): VariationKind => (s.tooFewForSpc !== null ? 'not_judged' : s.icon);

function latestText(s: SpcSeries): string {
  // The latest period the variation icon judged (not an unjudged August), else the latest drawn.
  const latest = [...s.points].reverse().find((p) => p.judged && p.value !== null) ?? [...s.points].reverse().find((p) => p.value !== null);
  if (!latest) return 'No period shown';
  const value = s.series === 'seasonally_adjusted' ? `${ONE.format(latest.value as number)} adjusted (${latest.referrals} recorded)` : `${latest.referrals}`;
  return `${value}, ${periodName(latest)}`;
}

export function SpcSummary({ services }: { services: readonly Service[] }) {
  const options = useDemandOptions();
  const { data, error } = useSpcSeries({ series: options.series, screening: options.screening, changePoints: options.changePoints });
  if (error) return <ErrorSummary title="The summary could not be drawn" errors={[{ text: error.message }]} />;
  if (!data) return <ProgressIndicator message="Computing the summary" />;
  const rows = data.series.filter((s) => services.includes(s.service as Service))
    .sort((a, b) => services.indexOf(a.service as Service) - services.indexOf(b.service as Service) || orderKey(a) - orderKey(b));
  const pending = rows.filter((s) => s.proposed.length > 0);
  const applied = rows.filter((s) => s.changePoints.length > 0);
  const acceptAll = () => {
    const next: Record<string, readonly string[]> = { ...options.changePoints };
    for (const s of pending) next[spcSeriesKey(s)] = [...s.changePoints, ...s.proposed.map((p) => p.month)];
    options.setAllChangePoints(next);
  };
  return (
    <section className="demand-section" aria-labelledby="demand-summary">
      <h2 className="govuk-heading-m" id="demand-summary">Summary: is demand changing?</h2>
      <p className="govuk-body">
        One row per series, read as NHS England&rsquo;s Making Data Count does: the variation icon says whether the latest
        period is ordinary (common cause) or unusual (special cause, higher or lower). For referrals, higher is neither good
        nor bad, so the icons are orange (higher) and blue (lower). Referrals have no target, so there is no assurance icon
        here; the waits below have one. {data.periodLabel}.
      </p>
      <div className="demand-button-group demand-summary__actions">
        {pending.length > 0 && (
          <button type="button" className="govuk-button" onClick={acceptAll}>
            Use new limits at all {pending.reduce((n, s) => n + s.proposed.length, 0)} proposed change points
          </button>
        )}
        {applied.length > 0 && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => options.setAllChangePoints({})}>Remove all change points</button>
        )}
      </div>
      <div className="data-table__scroll" role="region" aria-label="Summary table: one row per series" tabIndex={0}>
        <table className="govuk-table data-table demand-summary-table">
          <caption className="govuk-visually-hidden">Making Data Count summary of referrals by series</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row"><th className="govuk-table__header" scope="col">Series</th><th className="govuk-table__header" scope="col">Variation</th><th className="govuk-table__header" scope="col">Latest value</th><th className="govuk-table__header" scope="col">Reading</th><th className="govuk-table__header" scope="col">Change points</th></tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((s) => {
              const key = spcSeriesKey(s);
              const kind = variationKind(s);
              return (
                <tr className="govuk-table__row" key={key} data-series={key} id={s.group_kind === 'area' ? undefined : spcFigureId(s)}>
                  <th className="govuk-table__header" scope="row">{s.group_kind === 'area' ? `${LABELS[s.service] ?? s.service}: all schools` : seriesSubject(s).replace(' referrals', ':')}</th>
                  <td className="govuk-table__cell demand-summary-table__icon" data-label="Variation"><VariationIcon kind={kind} /><span className="demand-summary-table__icon-text">{VARIATION_TEXT[kind]}</span></td>
                  <td className="govuk-table__cell" data-label="Latest value">{latestText(s)}</td>
                  <td className="govuk-table__cell" data-label="Reading">{seriesReading(s)}</td>
                  <td className="govuk-table__cell" data-label="Change points">
                    {s.changePoints.length > 0 && (
                      <p className="demand-summary-table__cp">New limits from {s.changePoints.map(formatMonth).join(' and ')}.{' '}
                        <button type="button" className="app-link-button" onClick={() => options.setSeriesChangePoints(key, undefined)}>Remove</button></p>
                    )}
                    {s.proposed.map((p) => (
                      <p className="demand-summary-table__cp" key={p.month}>Proposed: {formatMonth(p.month)}.{' '}
                        <button type="button" className="app-link-button" onClick={() => options.setSeriesChangePoints(key, [...s.changePoints, p.month])}>
                          Accept<span className="govuk-visually-hidden"> new limits from {formatMonth(p.month)} for {seriesSubject(s)}</span>
                        </button></p>
                    ))}
                    {s.changePoints.length === 0 && s.proposed.length === 0 && 'None'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
