// One SPC chart with, beneath it, what it says in words: the variation of the latest month (a neutral symbol and
// text), the recent-trend test, and every flagged run of months with the rule that flagged it.
import { useMemo } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import type { SpcSeries } from '../../../analytics/index.ts';
import { spcChartSpec } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import type { Column } from '../../../components/table-columns.ts';
import { LABELS } from '../../../contract/index.ts';
import { drawnLimit } from '../../../stats/spc.ts';
import { spcFigureId } from '../lib/key-findings.ts';
import { flaggedRuns, latestVariation, methodText, periodName, ruleHeadline, seriesGroupName, seriesReading, seriesSubject, trendText } from '../lib/spc-words.ts';
import { ChangePointControls } from './ChangePointControls.tsx';

interface SpcRow {
  month: string;
  period: string;
  referrals: number | 'c';
  value: number | 'c' | null;
  mean: number | null;
  lower_limit: number | null;
  upper_limit: number | null;
  special_cause: string;
}

function columnsOf(series: SpcSeries): Column<SpcRow>[] {
  return [
    { key: 'period', label: series.period === 'quarter' ? '3-month period' : 'Month' },
    { key: 'referrals', label: 'Referrals recorded', format: 'integer' },
    { key: 'value', label: series.series === 'seasonally_adjusted' ? 'Seasonally adjusted value' : 'Value charted', format: 'decimal1' },
    { key: 'mean', label: 'Mean', format: 'decimal1' },
    { key: 'lower_limit', label: 'Lower process limit', format: 'decimal1' },
    { key: 'upper_limit', label: 'Upper process limit', format: 'decimal1' },
    { key: 'special_cause', label: 'Special cause' },
  ];
}

function rowsOf(series: SpcSeries): SpcRow[] {
  const limits = series.tooFewForSpc === null;
  return series.points.map((p) => {
    const segment = limits ? series.segments[p.segment] : undefined;
    return {
      month: p.month,
      period: periodName(p),
      referrals: p.referrals,
      value: p.referrals === 'c' ? 'c' : p.value,
      mean: segment?.mean ?? null,
      // Limits below 0 mean none: shown, as drawn, at 0.
      lower_limit: segment ? drawnLimit(segment.lowerProcessLimit) : null,
      upper_limit: segment ? drawnLimit(segment.upperProcessLimit) : null,
      special_cause: !limits ? 'Not judged (too few referrals for SPC)' : !p.judged ? (p.referrals === 'c' ? 'Not judged (hidden)' : 'Not judged (low-season month)')
        : p.rule && p.side ? ruleHeadline(p.rule, p.side) : 'Common cause',
    };
  });
}

export function titleOf(series: SpcSeries): string {
  return `${LABELS[series.service] ?? series.service} referrals ${series.period === 'quarter' ? 'per 3 months' : 'per month'}: ${seriesGroupName(series)}`;
}

const ONE_DP = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A small multiple: shorter and with the legend in two columns, so it fits half the page. (A `compact` option on
 * spcChartSpec would be the better home for this; until then the view adjusts the built spec's layout only.)
 */
function compactSpec(spec: TopLevelSpec): TopLevelSpec {
  const config = spec.config ?? {};
  return { ...spec, height: 300, config: { ...config, legend: { ...config.legend, columns: 2 } } } as TopLevelSpec;
}

interface Props {
  readonly series: SpcSeries;
  readonly periodLabel: string;
  /** Set for small multiples: the whole-area series, whose method the caption then refers to rather than repeats. */
  readonly area?: SpcSeries;
}

export function SpcSeriesFigure({ series, periodLabel, area }: Props) {
  const title = titleOf(series);
  const limits = series.tooFewForSpc === null
    ? ` ${series.changePoints.length ? 'Latest segment: m' : 'M'}ean ${ONE_DP.format(series.mean)}; process limits ${ONE_DP.format(drawnLimit(series.lowerProcessLimit))} to ${ONE_DP.format(series.upperProcessLimit)}${series.lowerProcessLimit < 0 ? ' (the lower limit is below 0, so drawn at 0)' : ''}.`
    : '';
  const sameMethod = area !== undefined && area.seriesNote === series.seriesNote && area.trial === series.trial;
  const caption = sameMethod
    ? `${series.series === 'raw' ? 'Raw counts' : 'Seasonally adjusted'}, with limits worked out as for all schools above.${limits}`
    : `${methodText(series)}${limits}`;
  // Built once per answer: the view re-renders on every filter change (before the new answer), and a new spec
  // object would be split and compared with the drawn one again (src/components/ChartFigure.tsx).
  const spec = useMemo(() => (area === undefined
    ? spcChartSpec(series, { title, periodLabel })
    : compactSpec(spcChartSpec(series, { title: `${series.service} referrals: ${seriesGroupName(series)}`, periodLabel }))), [series, area, title, periodLabel]);
  const rows = useMemo(() => rowsOf(series), [series]);
  const columns = useMemo(() => columnsOf(series), [series]);
  const fileName = `spc-${series.service}-${series.group_value ?? 'area'}-${series.series === 'raw' ? 'raw' : 'adjusted'}`.toLowerCase();
  return (
    <div className="demand-spc-series">
      <ChartFigure
        title={title}
        headingLevel={3}
        id={area === undefined && series.group_kind === 'area' ? spcFigureId(series) : undefined}
        caption={caption}
        spec={spec}
        rows={rows}
        columns={columns}
        fileName={fileName}
      />
      <SpcReading series={series} />
    </div>
  );
}

function SpcReading({ series }: { series: SpcSeries }) {
  const variation = latestVariation(series);
  const runs = flaggedRuns(series);
  // Each rule is explained once, at its first run.
  const explained = new Set<string>();
  const explain = (rule: string) => (explained.has(rule) ? false : (explained.add(rule), true));
  return (
    <div className="demand-spc-reading">
      {series.tooFewForSpc !== null
        // Said once: the subject and "no verdict", then why (the reason already starts "Too few referrals for SPC").
        ? <p className="demand-spc-reading__line"><strong>{seriesSubject(series)}: no verdict.</strong> {series.tooFewForSpc}</p>
        : (
          <>
            <p className="demand-spc-reading__line"><strong>{seriesReading(series)}</strong></p>
            <p className="demand-spc-reading__line">
              <span className={`demand-spc-icon spc-icon--${series.icon}`} aria-hidden="true">{variation.symbol}</span>
              <strong>Latest {series.period === 'quarter' ? '3 months' : 'month'}:</strong> {variation.text}
            </p>
            <p className="demand-spc-reading__line"><strong>Recent trend:</strong> {trendText(series)}</p>
            <ChangePointControls series={series} />
          </>
        )}
      {series.tooFewForSpc === null && (runs.length === 0
        ? <p className="demand-spc-reading__line">No month is flagged: all the variation is common cause.</p>
        : (
          <>
            <p className="demand-spc-reading__line"><strong>Flagged {series.period === 'quarter' ? '3-month periods' : 'months'} ({runs.reduce((n, r) => n + r.months.length, 0)}):</strong></p>
            <ul className="demand-spc-reading__flags">
              {runs.map((run) => (
                <li key={run.months[0]}>
                  {run.when}: {run.headline}.{explain(run.rule) && <> <span className="demand-spc-reading__why">{run.explanation}</span></>}
                </li>
              ))}
            </ul>
          </>
        ))}
    </div>
  );
}
