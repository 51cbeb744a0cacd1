// The board paper: the "Download board paper (PDF)" button (the browser's print, to a printer or a PDF), and the
// front matter and closing statement that only print (title, date, data source, filters and period, the sharing
// mark; then the disclosure statement). Page numbers come from the print stylesheet (@page margin boxes).
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useFigureFrame } from '../figure-context.tsx';
import { isPrintView, openAllDetails, setPrintMode, usePrintMode, whenReadyToPrint } from './print-mode.ts';
import './print.css';

/** The browser's own Print (Ctrl+P) gets print mode too, as far as it can be had at once: details and tables. */
export function usePrintEvents(): void {
  useEffect(() => {
    let close: (() => void) | null = null;
    const before = () => {
      flushSync(() => setPrintMode(true));
      close = openAllDetails();
    };
    const after = () => {
      close?.();
      close = null;
      setPrintMode(false);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

export function BoardPaperButton() {
  const [preparing, setPreparing] = useState(false);
  const print = async () => {
    setPreparing(true);
    setPrintMode(true);
    await whenReadyToPrint();
    const close = openAllDetails();
    setPreparing(false);
    window.print();
    // window.print() returns once the dialog closes; afterprint also ends print mode.
    close();
    setPrintMode(false);
  };
  return (
    <div className="board-paper-button no-print">
      <button type="button" className="govuk-button govuk-button--secondary" onClick={print} disabled={preparing} aria-describedby="board-paper-hint">
        {preparing ? 'Preparing the board paper…' : 'Download board paper (PDF)'}
      </button>
      <span className="board-paper-button__hint" id="board-paper-hint">Prints this view with its key findings, charts, tables and notes; choose &ldquo;Save as PDF&rdquo; as the printer.</span>
    </div>
  );
}

export function BoardPaperFront({ viewTitle, period }: { viewTitle: string; period?: string }) {
  const frame = useFigureFrame();
  const printing = usePrintMode();
  useEffect(() => {
    // The print view (&print=1) opens every folded explanation and says when it is ready (for tests and tools).
    if (!isPrintView()) return undefined;
    document.documentElement.classList.add('print-mode');
    let live = true;
    void whenReadyToPrint(1000).then(() => {
      if (!live) return;
      openAllDetails();
      document.documentElement.dataset.printReady = 'true';
    });
    return () => { live = false; };
  }, []);
  if (!printing) return null;
  return (
    <header className="board-paper-front">
      <p className="board-paper-front__service" data-view={viewTitle}>Board paper</p>
      <dl className="board-paper-front__facts">
        <dt>Date</dt><dd>{new Date(`${frame.date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}</dd>
        <dt>Data</dt><dd>{frame.source}</dd>
        {frame.filtersText && <><dt>Filters</dt><dd>{frame.filtersText}</dd></>}
        {period && <><dt>Period</dt><dd>{period}</dd></>}
        {frame.mark && <><dt>Mark</dt><dd className="board-paper-front__mark">{frame.mark}</dd></>}
      </dl>
    </header>
  );
}

export function DisclosureStatement() {
  const printing = usePrintMode();
  if (!printing) return null;
  return (
    <section className="board-paper-disclosure" aria-labelledby="board-paper-disclosure-title">
      <h2 id="board-paper-disclosure-title">Disclosure statement</h2>
      <p>
        No child&apos;s count is shown, or can be worked out, when it is 1 to 4: such counts, and every figure worked out
        from them, are shown as &ldquo;c&rdquo;. Other counts of children are changed by a small, repeatable amount
        (the cell key method, as in the Office for National Statistics&apos; Census 2021 custom tables), so totals may not
        equal the sum of their parts. Pupil numbers from the school census are not changed. Methods, formulas and
        references: the Methods page of Therapy Equity Explorer (docs/methods.md).
      </p>
    </section>
  );
}
