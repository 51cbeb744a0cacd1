// Links from the Equity view to one school in My setting (`?view=my-setting&school=<urn>`), keeping the current
// filters. They are real hrefs (so they open in a new tab and work without script); a plain click is handled in the
// page, as a view switch is, so the loaded data is not thrown away by a reload.
import type { MouseEvent } from 'react';
import { hrefOfView } from '../../app/url-state.ts';

/** The href of My setting for one school, with the current filters (and any other parameters) kept. */
export function mySettingHref(search: string, urn: string): string {
  const params = new URLSearchParams(search);
  params.set('school', urn);
  return hrefOfView('my-setting', `?${params.toString()}`);
}

/**
 * Goes to an in-app href with a history entry, so Back returns here. url-state listens to popstate, so dispatching
 * one makes every URL reader re-render (url-state's own writeSearch is not exported; see the report).
 */
export function navigateTo(href: string): void {
  const url = new URL(href, window.location.href);
  if (url.search === window.location.search) return;
  window.history.pushState(null, '', `${url.pathname}${url.search}${url.hash}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** onClick for an in-app link: a plain left click stays in the page; modified clicks keep the browser's behaviour. */
export function followInApp(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigateTo(event.currentTarget.href);
}
