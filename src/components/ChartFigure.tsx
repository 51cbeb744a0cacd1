// One chart as users meet it everywhere: a title, a caption saying what it shows, the Vega-Lite chart, and our own
// accessible buttons to download it (SVG, PNG) or its data (CSV), and to show the same data as a table.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { VegaEmbed } from 'react-vega';
import type { EmbedOptions, Result, VisualizationSpec } from 'vega-embed';
import { DataTable } from './DataTable.tsx';
import { DownloadCsvButton } from './DownloadCsvButton.tsx';
import { downloadBlob, downloadUrl, fileNameOf } from './download.ts';
import type { Column } from './table-columns.ts';
import { useNearViewport } from './use-near-viewport.ts';
import { announceChartDrawn } from './Deferred.tsx';

export interface ChartFigureProps<Row> {
  readonly title: string;
  /** What the chart shows and how to read it; also the chart's accessible description unless the spec has one. */
  readonly caption?: ReactNode;
  readonly spec: VisualizationSpec;
  /** The chart's data, for the table and the CSV. */
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  /** Base of the downloaded files' names; default from the title. */
  readonly fileName?: string;
  /** Heading level of the title inside its view (default 2). */
  readonly headingLevel?: 2 | 3;
  /** Called with the Vega view once drawn, e.g. to listen to a selection param (the first callback given is used). */
  readonly onView?: (view: Result['view']) => void;
  /** The figure element's id, the target of key findings' links. */
  readonly id?: string;
}

// `ast: true` evaluates Vega expressions with an interpreter instead of `new Function`, so the page's
// Content-Security-Policy needs no 'unsafe-eval'. `actions: false`: our own buttons replace Vega's menu.
const EMBED_OPTIONS: EmbedOptions = { actions: false, renderer: 'svg', ast: true };

export function ChartFigure<Row extends object>({ title, caption, spec, rows, columns, fileName, headingLevel = 2, onView, id: figureId }: ChartFigureProps<Row>) {
  const [view, setView] = useState<Result['view'] | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [placeholder, near] = useNearViewport();
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const base = fileName ?? fileNameOf(title);
  const described: VisualizationSpec = { description: typeof caption === 'string' ? `${title}. ${caption}` : title, ...spec } as VisualizationSpec;

  const saveSvg = async () => {
    if (view) downloadBlob(new Blob([await view.toSVG()], { type: 'image/svg+xml' }), `${base}.svg`);
  };
  const savePng = async () => {
    if (view) downloadUrl(await view.toImageURL('png', 2), `${base}.png`);
  };

  return (
    <figure className="chart-figure" id={figureId} tabIndex={figureId ? -1 : undefined} aria-labelledby={`${id}-title`}>
      <figcaption>
        <Heading className="chart-figure__title" id={`${id}-title`}>{title}</Heading>
        {caption && <p className="chart-figure__caption">{caption}</p>}
      </figcaption>
      {near
        ? <VegaEmbed className="chart-figure__chart" spec={described} options={EMBED_OPTIONS} onEmbed={(result) => { setView(result.view); onView?.(result.view); announceChartDrawn(); }} />
        : <div className="chart-figure__chart chart-figure__placeholder" ref={placeholder} />}
      <div className="chart-figure__actions">
        <button type="button" className="button button--secondary" onClick={saveSvg} disabled={!view}>Download SVG</button>
        <button type="button" className="button button--secondary" onClick={savePng} disabled={!view}>Download PNG</button>
        <DownloadCsvButton rows={rows} columns={columns} fileName={base} label="Download data (CSV)" />
        <button type="button" className="button button--secondary" aria-expanded={showTable} aria-controls={`${id}-table`}
          onClick={() => setShowTable((shown) => !shown)}>
          {showTable ? 'Hide data table' : 'Show data table'}
        </button>
      </div>
      <div id={`${id}-table`} hidden={!showTable}>
        {showTable && <DataTable caption={`Data for: ${title}`} rows={rows} columns={columns} />}
      </div>
    </figure>
  );
}
