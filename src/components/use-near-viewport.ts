// Deferring work for what is below the fold until it is near the viewport or the page is idle.
import { useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether the element given `ref` is near the viewport yet (or the page has gone idle). ChartFigure draws charts
 * further down a long view after the ones the user can see, so the first chart is not held up by Vega parsing
 * eight others; a section can do the same with its queries (e.g. react-query's `enabled: near`). Once true it
 * stays true.
 */
export function useNearViewport<E extends HTMLElement = HTMLDivElement>(): [RefObject<E | null>, boolean] {
  const ref = useRef<E>(null);
  const [near, setNear] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    // Measured at once rather than left to the observer, whose first callback can wait a few frames on a busy page.
    const margin = 400;
    const box = element?.getBoundingClientRect();
    if (!element || !box || typeof IntersectionObserver === 'undefined' || (box.top < window.innerHeight + margin && box.bottom > -margin)) {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: `${margin}px 0px` });
    observer.observe(element);
    // Off-screen charts are still drawn once the page is idle, for printing, find-in-page and keyboard users.
    const idle = typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => setNear(true), { timeout: 3000 }) : window.setTimeout(() => setNear(true), 1000);
    return () => {
      observer.disconnect();
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, []);
  return [ref, near];
}
