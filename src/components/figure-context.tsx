// What every figure's downloads and notes need to stand alone, given once by the shell (App.tsx) for the page:
// the view, the filters in words and as a file-name tag, the data source, the sharing mark and the link to a
// methods section. ChartFigure reads it; a view can override the mark (the disclosure gate's exact mode).
import { createContext, useContext } from 'react';

export interface FigureFrame {
  /** e.g. "equity" (first part of every file name). */
  readonly view: string;
  /** e.g. "Occupational therapy · Mainstream settings · Jan 2024 to Dec 2024". */
  readonly filtersText: string;
  /** The filters as a file-name tag, e.g. "ot-mainstream-2024-01-to-2024-12" ('' for none). */
  readonly filtersTag: string;
  /** e.g. "Therapy Equity Explorer, synthetic sample data (seed 1)". */
  readonly source: string;
  /** e.g. "SYNTHETIC — made-up sample data, not real children"; the gate may pass its exact-mode mark. */
  readonly mark: string;
  /** The href of a methods section, e.g. "?view=methods#funnel-plots". */
  readonly methodsHref: (section: string) => string;
  /** Opens the Methods page at a section without reloading the page (for a plain click on the link). */
  readonly openMethods?: (section: string) => void;
  /** yyyy-mm-dd, for file names and source lines. */
  readonly date: string;
}

export const DEFAULT_FRAME: FigureFrame = {
  view: 'figure', filtersText: '', filtersTag: '', source: 'Therapy Equity Explorer', mark: '',
  methodsHref: (section) => `?view=methods#${section}`, date: new Date().toISOString().slice(0, 10),
};

export const FigureFrameContext = createContext<FigureFrame>(DEFAULT_FRAME);

export function useFigureFrame(): FigureFrame {
  return useContext(FigureFrameContext);
}
