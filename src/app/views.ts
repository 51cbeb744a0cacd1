// The views of the app, by id (the `view` URL parameter). Each view's component is loaded on demand, so its code
// (and Vega's) is only fetched when it is first shown; start-app.tsx preloads the view in the address bar at start.
// A view is registered here by pointing `load` at a module whose default export is the view's component (no props:
// it reads the data with useDatabase()/useFigure() and the URL with useFilters()/useUrlParam()).
import type { ComponentType, ReactPromise } from 'react';
import type { ViewId } from './url-state.ts';

export interface ViewDefinition {
  readonly id: ViewId;
  /** The navigation link's text. */
  readonly label: string;
  /** The page's <h1>, also used in the document title. */
  readonly title: string;
  /** One sentence under the heading saying what the view answers. */
  readonly summary: string;
  /** Whether the global filter bar applies to this view. */
  readonly usesFilters: boolean;
  /** Whether the view has a board paper (the print button, front matter and disclosure statement). */
  readonly printable?: boolean;
  readonly load: () => Promise<{ default: ComponentType }>;
}

export const VIEWS: Record<ViewId, ViewDefinition> = {
  equity: {
    id: 'equity',
    printable: true,
    label: 'Equity',
    title: 'Equity of access',
    summary: 'How referrals to therapy differ by school type, age and locality.',
    usesFilters: true,
    load: () => import('../features/equity/EquityView.tsx'),
  },
  demand: {
    id: 'demand',
    printable: true,
    label: 'Demand',
    title: 'Demand and capacity',
    summary: 'Referrals over time against the therapy delivered and the workforce in post.',
    usesFilters: true,
    load: () => import('../features/demand/DemandView.tsx'),
  },
  'my-setting': {
    id: 'my-setting',
    printable: true,
    label: 'My setting',
    title: 'My setting',
    summary: 'How one school or setting compares with similar schools.',
    usesFilters: false,
    load: () => import('../features/my-setting/MySettingView.tsx'),
  },
  data: {
    id: 'data',
    label: 'Data',
    title: 'Data',
    summary: 'The tables loaded in this browser, and loading your own files.',
    usesFilters: false,
    load: () => import('../features/data/DataView.tsx'),
  },
  methods: {
    id: 'methods',
    label: 'Methods',
    title: 'Methods',
    summary: 'How every figure is worked out, in plain English, with a glossary and references.',
    usesFilters: false,
    load: () => import('../features/methods/MethodsView.tsx'),
  },
};

type ViewModule = { default: ComponentType };

const loading = new Map<ViewId, ReactPromise<ViewModule>>();

/**
 * Starts fetching a view's code (once) and returns the module's promise; start-app.tsx calls it for the first view
 * before React renders. Rendering through use() (see ViewHost in App.tsx) instead of React.lazy means a view whose
 * code has already arrived renders at once, without a Suspense fallback (React holds a revealed fallback ~300 ms).
 */
export function preloadView(id: ViewId): ReactPromise<ViewModule> {
  let promise = loading.get(id);
  if (!promise) {
    // The promise carries its own status, as React's use() reads it (a "tracked" thenable).
    const tracked = Object.assign(VIEWS[id].load(), { status: 'pending' as const });
    tracked.then(
      (value) => Object.assign(tracked, { status: 'fulfilled', value }),
      (reason: unknown) => Object.assign(tracked, { status: 'rejected', reason }),
    );
    loading.set(id, tracked);
    promise = tracked;
  }
  return promise;
}
