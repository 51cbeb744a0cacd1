// Renders its children (and so starts their queries) only after `after` is true and a chart has been drawn (or
// 1.5 s have passed), so the first chart of a long view is not held up by the DuckDB worker and the main thread
// computing and drawing the rest. The sections appear a moment later; nothing is lost for keyboard users.
import { startTransition, useEffect, useState } from 'react';
import type { ReactNode } from 'react';

const CHART_DRAWN = 'tee:chart-drawn';
let chartDrawn = false;

/** Called by ChartFigure once Vega has drawn a chart. */
export function announceChartDrawn(): void {
  if (chartDrawn) return;
  chartDrawn = true;
  performance.mark(CHART_DRAWN);
  window.dispatchEvent(new Event(CHART_DRAWN));
}

/** True once `after` is true and a chart has been drawn (or 2 s have passed): the moment Deferred reveals. */
export function useDeferredReveal(after = true): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!after || ready) return undefined;
    // After the chart is drawn, wait for the browser to paint it and go idle before starting the rest, and render
    // the rest as a transition, so React yields to the browser between slices instead of one long task.
    const reveal = () => startTransition(() => setReady(true));
    let idle: number | undefined;
    const show = () => {
      idle = typeof requestIdleCallback === 'function'
        ? requestIdleCallback(reveal, { timeout: 500 }) : window.setTimeout(reveal, 50);
    };
    if (chartDrawn) show();
    else window.addEventListener(CHART_DRAWN, show, { once: true });
    const timer = window.setTimeout(reveal, 2000);
    return () => {
      window.removeEventListener(CHART_DRAWN, show);
      window.clearTimeout(timer);
      if (idle !== undefined) (typeof cancelIdleCallback === 'function' ? cancelIdleCallback : window.clearTimeout)(idle);
    };
  }, [after, ready]);
  return ready;
}

export function Deferred({ children, after = true, minHeight = 480 }: { children: ReactNode; after?: boolean; minHeight?: number }) {
  const ready = useDeferredReveal(after);
  if (ready) return <>{children}</>;
  return <div style={{ minHeight }} />;
}
