// The shell every view sits in: skip link, header, view navigation, the data banner, the global filters and the
// current view (loaded lazily from the registry in views.ts) inside the main landmark.
import { Suspense, use, useEffect, useRef } from 'react';
import { DataBanner } from './layout/DataBanner.tsx';
import { DisclosureBanner } from './layout/DisclosureBanner.tsx';
import { Footer } from './layout/Footer.tsx';
import { Header, ServiceNavigation } from './layout/Header.tsx';
import { FilterBar } from './FilterBar.tsx';
import { ProgressIndicator, WhenDataReady } from './database-context.tsx';
import { ViewErrorBoundary } from './ViewErrorBoundary.tsx';
import { useUrlState } from './url-state.ts';
import { VIEWS, preloadView } from './views.ts';
import { FigureFrameContext } from '../components/figure-context.tsx';
import { useFigureFrameValue } from './layout/figure-frame.ts';
import { BoardPaperButton, BoardPaperFront, DisclosureStatement, usePrintEvents } from '../components/print/BoardPaper.tsx';
import { useBoardPaperPeriod } from './layout/board-paper-period.ts';
import type { ViewId } from './url-state.ts';

const SERVICE_NAME = 'Therapy Equity Explorer';

/** Renders a view from the registry; suspends only while its code is still downloading. */
function ViewHost({ id }: { id: ViewId }) {
  const { default: View } = use(preloadView(id));
  return <View />;
}

/** The board paper's front matter, with the period the figures cover (the data's months under the filters). */
function PrintFront({ title }: { title: string }) {
  return <BoardPaperFront viewTitle={title} period={useBoardPaperPeriod()} />;
}

export function App() {
  const { view } = useUrlState();
  const definition = VIEWS[view];
  const heading = useRef<HTMLHeadingElement>(null);
  const shownView = useRef(view);
  const frame = useFigureFrameValue();
  usePrintEvents();

  useEffect(() => {
    document.title = `${definition.title} – ${SERVICE_NAME}`;
    // After switching view (not on first load), move focus to the new heading, as a page load would.
    if (shownView.current !== view) {
      shownView.current = view;
      heading.current?.focus();
    }
  }, [view, definition.title]);

  return (
    <FigureFrameContext.Provider value={frame}>
      <a className="govuk-skip-link" href="#main-content">Skip to main content</a>
      <Header />
      <ServiceNavigation />
      <div className="govuk-width-container app-body">
        <main className="main" id="main-content" tabIndex={-1}>
          <DataBanner />
          <DisclosureBanner />
          <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>{definition.title}</h1>
          <p className="govuk-body-l">{definition.summary}</p>
          <WhenDataReady>
            {definition.printable && <PrintFront title={definition.title} />}
            {definition.usesFilters && <FilterBar />}
            {definition.printable && <BoardPaperButton />}
            <ViewErrorBoundary key={view}>
              <Suspense fallback={<ProgressIndicator message="Opening the view" />}>
                <ViewHost id={view} />
              </Suspense>
            </ViewErrorBoundary>
            {definition.printable && <DisclosureStatement />}
          </WhenDataReady>
        </main>
      </div>
      <Footer />
    </FigureFrameContext.Provider>
  );
}
