// One chart as users meet it everywhere: a title, the Vega-Lite chart (with its subtitle: units, period)
// sized to its container (scrolling sideways when the container is narrower than the chart can be read at), our
// own accessible buttons to download it (SVG, PNG: with title, subtitle, filters, source and sharing mark) or its
// data (CSV, with the same header block), the same data as a table, and "About this figure" folded underneath
// (how to read it and a link to its section of the methods page).
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import embed from 'vega-embed';
import type { EmbedOptions, Result, VisualizationSpec } from 'vega-embed';
import { sameChart, specWithCopiedRows, splitSpec } from '../charts/spec-data.ts';
import type { SpecParts } from '../charts/spec-data.ts';
import { compiledSpec } from './compiled-spec.ts';
import { canUpdateInPlace, updateView } from './update-view.ts';
import { DataTable } from './DataTable.tsx';
import { DownloadCsvButton } from './DownloadCsvButton.tsx';
import { composeSvg, downloadBlob, downloadName, fileNameOf, svgToPng } from './download.ts';
import { useFigureFrame } from './figure-context.tsx';
import type { Column } from './table-columns.ts';
import { useNearViewport } from './use-near-viewport.ts';
import { announceChartDrawn } from './Deferred.tsx';
import { usePrintMode } from './print/print-mode.ts';

export interface ChartFigureProps<Row> {
  readonly title: string;
  /** What the chart shows and how to read it; also the chart's accessible description unless the spec has one. */
  readonly caption?: ReactNode;
  readonly spec: VisualizationSpec;
  /** The chart's data, for the table and the CSV. */
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  /** The figure's part of the downloaded files' names; default from the title. */
  readonly fileName?: string;
  /** Heading level of the title inside its view (default 2). */
  readonly headingLevel?: 2 | 3;
  /** Called with the Vega view once drawn, e.g. to listen to a selection param (the first callback given is used). */
  readonly onView?: (view: Result['view']) => void;
  /** The figure element's id, the target of key findings' links. */
  readonly id?: string;
  /** The narrowest width (px) the chart can be read at (axis titles and legends do not wrap); narrower containers,
   * on a phone, scroll sideways instead of clipping or overlapping. Default 480. */
  readonly minWidth?: number;
  /** The methods page section (its anchor) that explains this figure's method. */
  readonly methods?: { readonly section: string; readonly name: string };
  /** Overrides the page's sharing mark in the downloads (e.g. the disclosure gate's exact mode). */
  readonly mark?: string;
}

// `ast: true` evaluates Vega expressions with an interpreter instead of `new Function`, so the page's
// Content-Security-Policy needs no 'unsafe-eval'. `actions: false`: our own buttons replace Vega's menu.
export const DEFAULT_MIN_WIDTH = 480;

/** Tables up to this many rows are printed in the board paper. */
export const PRINT_TABLE_ROWS = 40;

const EMBED_OPTIONS: EmbedOptions = { actions: false, renderer: 'svg', ast: true };

/** Columns of sentences (explanations) would take pages in print: they are in the notes and the CSV instead. */
function printColumns<Row extends object>(rows: readonly Row[], columns: readonly Column<Row>[]): readonly Column<Row>[] {
  const averageLength = (c: Column<Row>) => rows.reduce((sum, r) => sum + String(r[c.key] ?? '').length, 0) / Math.max(1, rows.length);
  return columns.filter((c) => averageLength(c) <= 40);
}

type SpecTitle = string | { text?: string | string[]; subtitle?: string | string[] } | undefined;

/** The spec's subtitle lines (units, period, notes), for the CSV's header block. */
export function subtitleLines(spec: VisualizationSpec): string[] {
  const title = (spec as { title?: SpecTitle }).title;
  if (!title || typeof title === 'string') return [];
  const subtitle = title.subtitle;
  return subtitle === undefined ? [] : Array.isArray(subtitle) ? subtitle : [subtitle];
}

/**
 * The spec drawn on screen: its title is the figure's HTML heading instead (it wraps on a phone), so the chart keeps
 * only its subtitle (units, period, which series), which is part of what the chart says. A blank title text keeps
 * Vega drawing the subtitle; an empty one would drop it.
 */
function withoutTitle(spec: VisualizationSpec): VisualizationSpec {
  const copy = { ...spec } as Record<string, unknown>;
  const title = copy.title as SpecTitle;
  if (title && typeof title !== 'string' && title.subtitle !== undefined) copy.title = { ...title, text: ' ', fontSize: 1, offset: 6 };
  else delete copy.title;
  return copy as VisualizationSpec;
}

type View = Result['view'];

/** How far outside the viewport (px) a chart still counts as on screen. */
const ON_SCREEN_MARGIN = 100;

/**
 * Whether `element` is on screen (within ON_SCREEN_MARGIN), kept by an IntersectionObserver so that asking costs no
 * layout: a redraw asks right after a filter change, when the page has just been re-rendered, and measuring the
 * element there (getBoundingClientRect) forced a layout of the whole page per chart before the figures' queries
 * were even sent. Measured once only when the observer has not reported yet.
 */
function useOnScreen(container: RefObject<HTMLDivElement | null>, active: boolean): RefObject<OnScreen | null> {
  const seen = useRef<OnScreen | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!active || !element || typeof IntersectionObserver !== 'function') return undefined;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries.at(-1);
      if (entry) seen.current = { element, onScreen: entry.isIntersecting };
    }, { rootMargin: `${ON_SCREEN_MARGIN}px 0px` });
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, active]);
  return seen;
}

interface OnScreen { readonly element: Element; readonly onScreen: boolean }

function isOnScreen(element: Element, seen: OnScreen | null): boolean {
  if (seen?.element === element) return seen.onScreen;
  const box = element.getBoundingClientRect();
  return box.bottom > -ON_SCREEN_MARGIN && box.top < window.innerHeight + ON_SCREEN_MARGIN;
}

/**
 * Resolves once the page is idle (at most `timeout` ms) or `element` comes on screen: an off-screen chart's redraw
 * waits, so that the charts the user is looking at are redrawn first after a filter change.
 */
function idleOrOnScreen(element: Element, timeout = 1000): Promise<void> {
  return new Promise((resolve) => {
    let observer: IntersectionObserver | undefined;
    const done = () => {
      observer?.disconnect();
      (typeof cancelIdleCallback === 'function' ? cancelIdleCallback : window.clearTimeout)(idle);
      resolve();
    };
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(done, { timeout }) : window.setTimeout(done, 50);
    if (typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) done(); }, { rootMargin: `${ON_SCREEN_MARGIN}px 0px` });
      observer.observe(element);
    }
  });
}

/** How a chart was last drawn: embedded afresh (compiled, parsed, drawn) or its data replaced in the drawn view. */
export type DrawnBy = 'embedded' | 'in place';

/**
 * Draws `spec` into `container` while `active`, and redraws it whenever the spec changes: in place when only its
 * data changed (same skeleton, src/charts/spec-data.ts), else embedded afresh. Draws run one after another; a spec
 * superseded while another draw runs is skipped. `onDrawn` is called after every draw with the view and how it
 * was drawn (a new view only after an embed).
 */
function useChart(container: RefObject<HTMLDivElement | null>, spec: VisualizationSpec, active: boolean, printing: boolean,
  onDrawn: (view: View, by: DrawnBy) => void): void {
  const parts = useMemo(() => splitSpec(spec), [spec]);
  const latest = useRef({ spec, parts, onDrawn });
  useLayoutEffect(() => {
    latest.current = { spec, parts, onDrawn };
  });
  const drawn = useRef<{ result: Result; parts: SpecParts | null } | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const closed = useRef(false);
  const onScreen = useOnScreen(container, active);

  useEffect(() => {
    closed.current = false;
    return () => {
      closed.current = true;
      // After any draw under way, so that its view is finalized too.
      queue.current = queue.current.then(() => {
        drawn.current?.result.finalize();
        drawn.current = null;
      });
    };
  }, []);

  useEffect(() => {
    if (!active) return;
    const target = { spec, parts };
    queue.current = queue.current.then(async () => {
      const element = container.current;
      // Superseded by a newer spec (its own draw is queued behind this one) or unmounted.
      const superseded = () => closed.current || !element || latest.current.spec !== target.spec;
      if (superseded() || !element) return;
      // A new spec object drawing the same chart (a parent's re-render): nothing to draw.
      const before = drawn.current;
      if (before?.parts && target.parts && sameChart(before.parts, target.parts)) return;
      // A redraw off screen waits for the page to be idle (not for print, which draws every chart now).
      if (before && !printing && !isOnScreen(element, onScreen.current)) {
        await idleOrOnScreen(element);
        if (superseded()) return;
      }
      // Draws run one after another (the queue), so the chart drawn (`before`) is still the one judged above.
      const started = performance.now();
      // How long each draw took, for the benches (tests/bench): tee:chart-draw:embedded or tee:chart-draw:in place.
      const measure = (by: DrawnBy) => performance.measure(`tee:chart-draw:${by}`, { start: started, detail: element.closest('figure')?.id || undefined });
      try {
        if (before && canUpdateInPlace(before.result.view, before.parts, target.parts)) {
          await updateView(before.result.view, before.parts as SpecParts, target.parts as SpecParts);
          drawn.current = { result: before.result, parts: target.parts };
          measure('in place');
          latest.current.onDrawn(before.result.view, 'in place');
          return;
        }
        before?.result.finalize();
        drawn.current = null;
        // A skeleton compiled before is not compiled again (compiled-spec.ts).
        const compiled = target.parts ? compiledSpec(target.parts) : null;
        const result = compiled
          ? await embed(element, compiled as VisualizationSpec, { ...EMBED_OPTIONS, mode: 'vega' })
          : await embed(element, target.parts ? specWithCopiedRows(target.parts) : target.spec, EMBED_OPTIONS);
        if (closed.current) {
          result.finalize();
          return;
        }
        drawn.current = { result, parts: target.parts };
        measure('embedded');
        latest.current.onDrawn(result.view, 'embedded');
      } catch (error) {
        console.error(`[chart] Error drawing the chart: ${String(error)}`);
      }
    });
  }, [container, spec, parts, active, printing, onScreen]);
}

export function ChartFigure<Row extends object>(props: ChartFigureProps<Row>) {
  const { title, caption, spec, rows, columns, fileName, headingLevel = 2, onView, id: figureId, minWidth = DEFAULT_MIN_WIDTH, methods, mark } = props;
  const [view, setView] = useState<View | null>(null);
  const chart = useRef<HTMLDivElement>(null);
  const [drawnBy, setDrawnBy] = useState<DrawnBy | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [placeholder, nearViewport] = useNearViewport();
  // The board paper draws every chart and shows every table.
  const printing = usePrintMode();
  const near = nearViewport || printing;
  // A long table (the funnel's every school) is not printed; the board paper says where to find it.
  const tableShown = showTable || (printing && rows.length <= PRINT_TABLE_ROWS);
  const frame = useFigureFrame();
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const figure = fileName ?? fileNameOf(title);
  const shownMark = mark ?? frame.mark;
  const base = downloadName({ view: frame.view, figure, filtersTag: frame.filtersTag, mark: shownMark, date: frame.date });
  const subtitle = useMemo(() => subtitleLines(spec), [spec]);
  const shown = useMemo(() => ({
    description: typeof caption === 'string' ? `${title}. ${caption}` : title, ...withoutTitle(spec),
  }) as VisualizationSpec, [spec, caption, title]);
  useChart(chart, shown, near, printing, (drawnView, by) => {
    setDrawnBy(by);
    if (by === 'embedded') {
      setView(drawnView);
      onView?.(drawnView);
    }
    announceChartDrawn();
  });
  // The chart's own SVG carries its subtitle, so the downloaded image's header adds title, filters, source and mark.
  const labels = { title, filters: frame.filtersText, source: `${frame.source}. Downloaded ${frame.date}.`, mark: shownMark };

  const composed = async () => {
    if (!view) return null;
    return composeSvg(await view.toSVG(), labels);
  };
  const saveSvg = async () => {
    const out = await composed();
    if (out) downloadBlob(new Blob([out.svg], { type: 'image/svg+xml' }), `${base}.svg`);
  };
  const savePng = async () => {
    const out = await composed();
    if (out) downloadBlob(await svgToPng(out.svg, out.width, out.height), `${base}.png`);
  };

  return (
    <figure className="chart-figure" id={figureId} tabIndex={figureId ? -1 : undefined} aria-labelledby={`${id}-title`}>
      <figcaption>
        <Heading className="chart-figure__title" id={`${id}-title`}>{title}</Heading>
      </figcaption>
      <div className="chart-figure__scroll" {...(minWidth > 0 ? { role: 'region', 'aria-label': `${title} (scrolls sideways on a narrow screen)`, tabIndex: 0 } : {})}>
        {near
          ? <div className="chart-figure__chart" style={minWidth ? { minWidth } : undefined} ref={chart} data-drawn={drawnBy ?? undefined} />
          : <div className="chart-figure__chart chart-figure__placeholder" ref={placeholder} />}
      </div>
      <div className="chart-figure__actions">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={saveSvg} disabled={!view}>Download SVG</button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={savePng} disabled={!view}>Download PNG</button>
        <DownloadCsvButton rows={rows} columns={columns} fileName={figure} title={title} label="Download data (CSV)" mark={mark}
          header={subtitle.length ? [['Subtitle', subtitle.join(' · ')]] : []} />
        <button type="button" className="govuk-button govuk-button--secondary" aria-expanded={showTable} aria-controls={`${id}-table`}
          onClick={() => setShowTable((open) => !open)}>
          {showTable ? 'Hide data table' : 'Show data table'}
        </button>
      </div>
      <div id={`${id}-table`} className="chart-figure__table" hidden={!tableShown}>
        {tableShown && <DataTable caption={`Data for: ${title}`} rows={rows} columns={printing && !showTable ? printColumns(rows, columns) : columns} />}
      </div>
      {printing && !tableShown && (
        <p className="chart-figure__print-note">The data table ({rows.length} rows) is too long to print: download it as a CSV from this chart in Therapy Equity Explorer.</p>
      )}
      {(caption || methods) && (
        <details className="govuk-details chart-figure__about">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">About this figure</span></summary>
          <div className="govuk-details__text">
            {caption && <p className="chart-figure__caption">{caption}</p>}
            {methods && <p className="chart-figure__method">Method: <a href={frame.methodsHref(methods.section)} onClick={(event) => {
              if (!frame.openMethods || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              frame.openMethods(methods.section);
            }}>{methods.name}</a> on the Methods page.</p>}
          </div>
        </details>
      )}
    </figure>
  );
}
