// Section 2: a funnel plot of schools per service. Hovering a point shows its figures; clicking it (or, from the
// keyboard, a link in the lists under the chart) opens that school in My setting.
import { useCallback, useMemo } from 'react';
import type { Result, VisualizationSpec } from 'vega-embed';
import type { FunnelPoint, FunnelSeries } from '../../../analytics/index.ts';
import { periodLabel } from '../../../app/figures.ts';
import { funnelPlotSpec, SCHOOL_SELECTION } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { funnelColumns } from '../../../components/funnel-columns.ts';
import { LABELS } from '../../../contract/values.ts';
import { useFunnel } from '../api/get-funnel.ts';
import { mySettingHref, navigateTo } from '../links.ts';
import { FigureState } from './FigureState.tsx';
import { FlagTable } from './FlagTable.tsx';
import { SchoolLink } from './SchoolLink.tsx';
import { FigureNotes } from '../../../components/FigureNotes.tsx';
import { funnelFigureId } from '../lib/key-findings.ts';
import { StableSlots, useAnsweredServices } from '../../../components/stable-slots.tsx';

interface FunnelRow {
  name: string; urn: string; school_type: string; locality: string; pupils: number; referrals: number;
  rate: number; lower95: number; upper95: number; position: string; explanation: string;
}

const COLUMNS = funnelColumns<FunnelRow>('name', 'urn', 'school_type', 'locality', 'pupils', 'referrals', 'rate', 'lower95',
  'upper95', 'position', 'explanation');

const OUTSIDE_998 = ['above 99.8%', 'below 99.8%'];
const OUTSIDE_95_ONLY = ['above 95%', 'below 95%'];
/** The tag beside an outlier, in the heat table's words (the explanation names the limit). */
const COMPARISON_OF: Record<string, string> = {
  'above 99.8%': 'much higher', 'below 99.8%': 'much lower', 'above 95%': 'higher', 'below 95%': 'lower',
};

const rowsOf = (points: FunnelPoint[]): FunnelRow[] => points.map((p) => ({
  name: p.name, urn: p.urn, school_type: p.school_type, locality: p.locality,
  pupils: p.pupils, referrals: p.referrals, rate: p.rate, lower95: p.lower95, upper95: p.upper95,
  position: p.position, explanation: p.explanation,
}));

function OutlierTable({ caption, points }: { caption: string; points: FunnelPoint[] }) {
  const flags = points.map((p) => {
    const comparison = COMPARISON_OF[p.position] ?? p.position;
    return { key: p.urn, name: <SchoolLink urn={p.urn} name={p.name} />, comparison, tag: comparison, why: p.explanation };
  });
  return <FlagTable caption={caption} nameHeader="School (opens My setting)" flags={flags} />;
}

/**
 * Stopgap until src/charts/funnel-plot-spec.ts does it itself (see the equity report): the area-rate rule and the
 * highlight ring (empty here) have no description, so Vega gives their containers role graphics-symbol without a
 * label and axe reports svg-img-alt (serious). The area rate is in the subtitle and the chart's description.
 */
const UNDESCRIBED_LAYERS = ['area_rate', 'highlight_ring', 'highlight_label'];
interface NamedLayer { name?: string; mark?: string | Record<string, unknown> }
function hideUndescribedMarks(spec: VisualizationSpec): VisualizationSpec {
  const layers = (spec as { layer?: NamedLayer[] }).layer;
  if (!layers) return spec;
  const layer = layers.map((l) => (l.name && UNDESCRIBED_LAYERS.includes(l.name) && l.mark !== undefined
    ? { ...l, mark: { ...(typeof l.mark === 'string' ? { type: l.mark } : l.mark), aria: false } } : l));
  return { ...spec, layer } as VisualizationSpec;
}

/** Opens the clicked school in My setting: the spec's point selection holds `{ urn: [urn] }` once a point is clicked. */
function useOpenClickedSchool() {
  return useCallback((view: Result['view']) => {
    view.addSignalListener(SCHOOL_SELECTION, (_name, value: { urn?: unknown[] } | null) => {
      const urn = value?.urn?.[0];
      if (typeof urn === 'string') navigateTo(mySettingHref(window.location.search, urn));
    });
  }, []);
}

function ServiceFunnel({ series, period }: { series: FunnelSeries; period: string }) {
  const spec = useMemo(() => hideUndescribedMarks(funnelPlotSpec(series, { periodLabel: period })), [series, period]);
  const rows = useMemo(() => rowsOf(series.points), [series]);
  const openSchool = useOpenClickedSchool();
  const byRate = (a: FunnelPoint, b: FunnelPoint) => b.rate - a.rate;
  const outside998 = series.points.filter((p) => OUTSIDE_998.includes(p.position)).sort(byRate);
  const outside95 = series.points.filter((p) => OUTSIDE_95_ONLY.includes(p.position)).sort(byRate);
  const name = LABELS[series.service] ?? series.service;
  return (
    <div className="equity-service">
      <ChartFigure
        methods={{ section: 'funnel-plots', name: 'Funnel plots' }}
        id={funnelFigureId(series.service)}
        headingLevel={3}
        title={`${name}: schools' referral rates by size`}
        caption={`Each point is a school: its ${name.toLowerCase()} referrals per 1,000 pupils a year, ${period}, adjusted for the ages of its pupils, against its size. Schools inside the funnel differ from the area rate (${series.areaRate.toFixed(1)}) by no more than chance would explain; about 1 school in 20 falls outside the dashed 95% limits by chance alone, and about 1 in 500 outside the solid 99.8% limits. Hover over a point for its figures; click it to open the school in My setting.`}
        spec={spec}
        rows={rows}
        columns={COLUMNS}
        fileName={`funnel-${series.service.toLowerCase()}`}
        onView={openSchool}
      />
      {series.suppressedSchools > 0 && (
        <p className="govuk-body">{series.suppressedSchools} {series.suppressedSchools === 1 ? 'school is' : 'schools are'} not plotted: 1 to 4 referrals (too few to show) or no pupils in the age phase.</p>
      )}
      {outside998.length === 0
        ? <p className="govuk-body">No school lies outside the 99.8% limits for {name.toLowerCase()}.</p>
        : (
          <FigureNotes summary={`Why ${outside998.length} ${outside998.length === 1 ? 'school is' : 'schools are'} outside the 99.8% limits`}>
            <OutlierTable caption={`${name}: schools outside the 99.8% limits (${outside998.length})`} points={outside998} />
          </FigureNotes>
        )}
      {outside95.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{outside95.length} more {outside95.length === 1 ? 'school' : 'schools'} outside the 95% limits only</span></summary>
          <div className="govuk-details__text">
            <OutlierTable caption={`${name}: schools outside the 95% limits but inside the 99.8% limits (${outside95.length})`} points={outside95} />
          </div>
        </details>
      )}
    </div>
  );
}

export function FunnelSection({ services }: { services: readonly string[] }) {
  const query = useFunnel();
  const answered = useAnsweredServices(services, query.isPlaceholderData);
  return (
    <section className="equity-section" aria-labelledby="equity-funnel">
      <h2 className="govuk-heading-m" id="equity-funnel">Schools that refer more or less than expected</h2>
      <FigureNotes summary="How schools are placed on the funnel">
      <p className="govuk-body">
        Referrals fall steeply with age, so each school&apos;s rate is adjusted for its age mix: it is compared with what its
        pupils would be expected to refer at the area&apos;s rate for each age phase. The funnel lines are control limits
        around the area rate; they are wide for small schools, whose rates vary more by chance. A school outside the
        99.8% limits is very unlikely to differ by chance alone and is worth a conversation, not a judgement.
      </p>
      </FigureNotes>
      <FigureState query={query} loading="Placing schools on the funnel plot" failed="The funnel plot could not be drawn">
        {({ series, period }) => {
          const shown = answered.flatMap((service) => series.filter((s) => s.service === service && s.points.length > 0));
          if (shown.length === 0) return <p className="govuk-body">No school has enough referrals under these filters to plot. Try clearing some of them.</p>;
          // One figure per service of the answer (useAnsweredServices), keyed by its slot (StableSlots): redrawn in place, not afresh.
          const byService = new Map(shown.map((s) => [s.service, s]));
          return (
            <StableSlots items={[...byService.keys()]}>
              {(service) => { const s = byService.get(service); return s && <ServiceFunnel series={s} period={periodLabel(period)} />; }}
            </StableSlots>
          );
        }}
      </FigureState>
    </section>
  );
}
