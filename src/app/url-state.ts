// The app's state that belongs in the address bar, so any view with its filters can be bookmarked or shared:
//   ?view=equity&service=SLT&type=mainstream&phase=primary&locality=North&from=2023-09&to=2024-08
// Parsing drops values the contract does not allow; parameters this module does not know (a view's own, such as
// `school`) are kept untouched. Filters are written with history.replaceState (no history entry per change);
// switching view uses pushState, so Back returns to the previous view.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { AGE_PHASES, LABELS, SCHOOL_TYPES, SERVICES } from '../contract/index.ts';
import type { AgePhase, SchoolType, Service } from '../contract/index.ts';

export const VIEW_IDS = ['equity', 'demand', 'my-setting', 'data', 'methods'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
export const DEFAULT_VIEW: ViewId = 'equity';

/** The global filters every view applies; absent = no filter. Months are yyyy-mm, inclusive. */
export interface Filters {
  readonly service?: Service;
  readonly type?: SchoolType;
  readonly phase?: AgePhase;
  readonly locality?: string;
  readonly from?: string;
  readonly to?: string;
}
export type FilterName = keyof Filters;
export const FILTER_NAMES: readonly FilterName[] = ['service', 'type', 'phase', 'locality', 'from', 'to'];

export interface UrlState {
  readonly view: ViewId;
  readonly filters: Filters;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

export function parseFilters(params: URLSearchParams): Filters {
  const locality = params.get('locality')?.trim().slice(0, 100);
  const month = (name: string) => {
    const value = params.get(name);
    return value && MONTH.test(value) ? value : undefined;
  };
  let from = month('from');
  let to = month('to');
  if (from && to && from > to) [from, to] = [to, from];
  const filters: Filters = {
    service: oneOf(SERVICES, params.get('service')),
    type: oneOf(SCHOOL_TYPES, params.get('type')),
    phase: oneOf(AGE_PHASES, params.get('phase')),
    locality: locality || undefined,
    from,
    to,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Filters;
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  return { view: oneOf(VIEW_IDS, params.get('view')) ?? DEFAULT_VIEW, filters: parseFilters(params) };
}

/**
 * The query string (with its leading `?`) for `state`, keeping any parameters of `current` this module does not
 * own. Filters are written in a fixed order so equal states give equal URLs.
 */
export function serialiseUrlState(state: UrlState, current = ''): string {
  const params = new URLSearchParams(current);
  params.delete('view');
  for (const name of FILTER_NAMES) params.delete(name);
  const out = new URLSearchParams({ view: state.view });
  for (const name of FILTER_NAMES) {
    const value = state.filters[name];
    if (value) out.set(name, value);
  }
  for (const [name, value] of params) out.append(name, value);
  return `?${out.toString()}`;
}

// A tiny store over location.search so every component reading the URL re-renders when it changes.
const URL_CHANGE = 'tee:urlchange';
function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(URL_CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(URL_CHANGE, onChange);
  };
}
const getSearch = () => window.location.search;

function writeSearch(search: string, mode: 'push' | 'replace', hash = window.location.hash): void {
  if (search === window.location.search && hash === window.location.hash) return;
  const url = `${window.location.pathname}${search}${hash}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  window.dispatchEvent(new Event(URL_CHANGE));
}

/** The current query string (with `?`), re-rendering on every change. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, getSearch);
}

export function useUrlState(): UrlState {
  const search = useSearch();
  return useMemo(() => parseUrlState(search), [search]);
}

/** The global filters and a setter that merges a change into them (undefined or '' clears a filter). */
export function useFilters(): [Filters, (change: Partial<Record<FilterName, string | undefined>>) => void] {
  const { filters } = useUrlState();
  const setFilters = useCallback((change: Partial<Record<FilterName, string | undefined>>) => {
    const current = parseUrlState(window.location.search);
    const merged: Partial<Record<FilterName, string | undefined>> = { ...current.filters, ...change };
    const params = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = merged[name];
      if (value) params.set(name, value);
    }
    writeSearch(serialiseUrlState({ view: current.view, filters: parseFilters(params) }, window.location.search), 'replace');
  }, []);
  return [filters, setFilters];
}

/** The href of a view with the current filters kept, for links that also work when opened in a new tab. */
export function hrefOfView(view: ViewId, search: string): string {
  return serialiseUrlState({ ...parseUrlState(search), view }, search);
}

/** Switches view (a history entry), optionally at an anchor such as a Methods section ("#funnel-plots"). */
export function navigateToView(view: ViewId, hash?: string): void {
  writeSearch(hrefOfView(view, window.location.search), 'push', hash ?? window.location.hash);
}

/** A view's own URL parameter (e.g. `school` in My setting), kept alongside the global state. */
export function useUrlParam(name: string): [string | undefined, (value: string | undefined, mode?: 'push' | 'replace') => void] {
  const search = useSearch();
  const value = new URLSearchParams(search).get(name) ?? undefined;
  // 'push' for a choice the user makes (Back returns to the previous one), 'replace' for a correction.
  const setValue = useCallback((next: string | undefined, mode: 'push' | 'replace' = 'replace') => {
    const params = new URLSearchParams(window.location.search);
    if (next) params.set(name, next);
    else params.delete(name);
    writeSearch(serialiseUrlState(parseUrlState(params.toString()), params.toString()), mode);
  }, [name]);
  if ((['view', ...FILTER_NAMES] as string[]).includes(name)) throw new Error(`${name} is global URL state; use useFilters`);
  return [value, setValue];
}

/** The filters in words, for captions: "Speech and language therapy · Mainstream · Primary age · North · Jan 2024 to Dec 2024". */
export function describeFilters(filters: Filters, formatMonth: (month: string) => string = (m) => m): string {
  const parts = [
    filters.service ? LABELS[filters.service] : 'Both services',
    filters.type ? `${LABELS[filters.type]} settings` : undefined,
    filters.phase ? `${LABELS[filters.phase]} age` : undefined,
    filters.locality,
    filters.from || filters.to
      ? `${filters.from ? formatMonth(filters.from) : 'the start'} to ${filters.to ? formatMonth(filters.to) : 'the latest month'}`
      : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The user's area for published context (`?la=&region=&icb=&provider=`); unset parts fall back to the last area
 * chosen in this browser session, then to the example (`example` is true only when every part is the example's). */
export const AREA_PARAMS = ['la', 'region', 'icb', 'provider'] as const;
export type AreaParam = (typeof AREA_PARAMS)[number];
export function useAreaParams(defaults: Readonly<Record<AreaParam, string>>): [Record<AreaParam, string> & { example: boolean }, (next: Partial<Record<AreaParam, string>> | null) => void] {
  const params = new URLSearchParams(useSearch());
  const stored = (name: AreaParam) => (typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(`tee:area:${name}`));
  const area = Object.fromEntries(AREA_PARAMS.map((n) => [n, params.get(n)?.trim().slice(0, 120) || stored(n) || defaults[n]])) as Record<AreaParam, string>;
  const setArea = useCallback((next: Partial<Record<AreaParam, string>> | null) => {
    const current = new URLSearchParams(window.location.search);
    for (const name of AREA_PARAMS) {
      const value = next === null ? undefined : next[name];
      if (next !== null && value === undefined) continue;
      if (value) current.set(name, value); else current.delete(name);
      if (value) sessionStorage.setItem(`tee:area:${name}`, value); else sessionStorage.removeItem(`tee:area:${name}`);
    }
    writeSearch(serialiseUrlState(parseUrlState(current.toString()), current.toString()), 'replace');
  }, []);
  return [{ ...area, example: AREA_PARAMS.every((n) => area[n] === defaults[n]) }, setArea];
}
