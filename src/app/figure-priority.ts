// Which figures are computed first after a filter change (issue 14). Every figure of a view asks its queries at the
// same moment; they run one after another in the single DuckDB worker, and each answer is then drawn on the one main
// thread. A figure far from the viewport that answers first makes the one on screen wait twice: behind its queries
// in the worker, then behind its drawing (Vega takes 50–250 ms a chart section). So a figure says which sections of
// the page it is drawn in (their heading ids); when none of them is near the viewport, its queries are sent only
// after those of the figures near the viewport (or drawn in no known section), so the worker answers those first,
// and its answer is handed on (and drawn) only once every figure near the viewport has answered and the page has
// gone idle — i.e. has drawn them. Meanwhile the worker goes on with the deferred figures' queries while the main
// thread draws. A deferred figure whose filters change meanwhile is dropped. The key findings read the same cached
// figures, so they are complete (and right) once the last figure has answered, as before; only the order changes.

export interface PriorityEnvironment {
  /** Whether the section with this heading id is near the viewport; null when it is not on the page. */
  near(section: string): boolean | null;
  /** Calls `callback` once the page is idle (drawing done), or after a short time at most. */
  idle(callback: () => void): void;
  /** Calls `callback` after the current task (so every figure asked in the same render has started). */
  later(callback: () => void): void;
}

export function superseded(): Error {
  return new DOMException('The filters changed before this query ran.', 'AbortError');
}

export class FigurePriority {
  private first = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly env: PriorityEnvironment) {}

  /** True when the figure is drawn only in sections that are on the page and all far from the viewport. */
  deferred(sections: readonly string[] | undefined): boolean {
    if (!sections || sections.length === 0) return false;
    return sections.every((section) => this.env.near(section) === false);
  }

  /** Runs `task` now (a figure near the viewport), or next with its answer held until those near it are drawn. */
  async run<T>(sections: readonly string[] | undefined, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    if (this.deferred(sections)) {
      // Sent after the current task, so the queries of the figures near the viewport, asked in the same render, are
      // ahead of its own in the worker's queue.
      await new Promise<void>((resolve) => this.env.later(resolve));
      const answer = task();
      // A failed query is not held back (the error is shown where the figure is).
      answer.catch(() => undefined);
      await this.turn(signal);
      return answer;
    }
    this.first++;
    try {
      return await task();
    } finally {
      if (--this.first === 0) this.release();
    }
  }

  /** Resolves once no figure near the viewport is being computed and the page is idle; rejects on `signal`. */
  private turn(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(superseded());
        return;
      }
      let done = false;
      const go = () => {
        if (done) return;
        done = true;
        signal?.removeEventListener('abort', stop);
        resolve();
      };
      const queued = () => this.env.idle(go);
      const stop = () => {
        if (done) return;
        done = true;
        this.waiting = this.waiting.filter((w) => w !== queued);
        reject(superseded());
      };
      signal?.addEventListener('abort', stop, { once: true });
      if (this.first === 0) this.env.idle(go);
      else this.waiting.push(queued);
    });
  }

  private release(): void {
    for (const next of this.waiting.splice(0)) next();
  }
}

const MARGIN_PX = 200;
const IDLE_TIMEOUT_MS = 400;

/**
 * Whether each section element is near the viewport, kept by an IntersectionObserver (no layout read per figure
 * after a filter change, when the page has just been re-rendered: each getBoundingClientRect there forced a layout).
 * An element met for the first time is measured once, then observed.
 */
const nearness = new WeakMap<Element, boolean>();
let sectionObserver: IntersectionObserver | null | undefined;

function observed(element: Element): boolean {
  const known = nearness.get(element);
  if (known !== undefined) return known;
  const box = element.getBoundingClientRect();
  const near = box.bottom > -MARGIN_PX && box.top < window.innerHeight + MARGIN_PX;
  nearness.set(element, near);
  if (sectionObserver === undefined) {
    sectionObserver = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => { for (const e of entries) nearness.set(e.target, e.isIntersecting); }, { rootMargin: `${MARGIN_PX}px 0px` })
      : null;
  }
  // Without an observer every call measures (the element is not remembered).
  if (sectionObserver) sectionObserver.observe(element);
  else nearness.delete(element);
  return near;
}

/** The browser's: a section is its element labelled by the heading (or the heading itself). */
export const browserPriorityEnvironment: PriorityEnvironment = {
  near(section) {
    if (typeof document === 'undefined') return null;
    const heading = document.getElementById(section);
    if (!heading) return null;
    const element = heading.closest(`[aria-labelledby="${section}"]`) ?? heading.closest('section') ?? heading;
    return observed(element);
  },
  idle(callback) {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(callback, 50);
  },
  later(callback) {
    setTimeout(callback, 0);
  },
};
