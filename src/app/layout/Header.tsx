// The service header and the navigation between views: govuk-frontend's generic header (brand-neutral, no crown)
// and service navigation components. The view
// links are real links with the current filters, so they also work opened in a new tab.
import { useState, useSyncExternalStore } from 'react';
import type { MouseEvent } from 'react';
import { VIEWS } from '../views.ts';
import { VIEW_IDS, hrefOfView, navigateToView, useSearch, useUrlState } from '../url-state.ts';
import type { ViewId } from '../url-state.ts';

export function Header() {
  return (
    <header className="govuk-generic-header app-header">
      <div className="govuk-generic-header__container govuk-width-container app-header__container">
        <div className="govuk-generic-header__logo">
          <a className="govuk-generic-header__homepage-link" href="?view=equity">Therapy Equity Explorer</a>
        </div>
        <span className="app-header__tagline">Access to speech and language therapy and occupational therapy</span>
      </div>
    </header>
  );
}

// govuk-frontend's "Menu" toggle for narrow screens, done by React instead of its JavaScript: below the tablet
// breakpoint the list is folded behind a button (so the first screen of a phone shows the page, not five links).
const WIDE = '(min-width: 40.0625em)';
const subscribeWide = (onChange: () => void) => {
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const isWide = () => window.matchMedia(WIDE).matches;

export function ServiceNavigation() {
  const { view } = useUrlState();
  const wide = useSyncExternalStore(subscribeWide, isWide, () => true);
  const [open, setOpen] = useState(false);
  const search = useSearch();
  const go = (id: ViewId) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    setOpen(false);
    navigateToView(id);
  };
  return (
    <div className="govuk-service-navigation service-nav">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav className="govuk-service-navigation__wrapper" aria-label="Views">
            <button type="button" className="govuk-service-navigation__toggle" aria-controls="service-navigation-list"
              aria-expanded={open} hidden={wide} onClick={() => setOpen((o) => !o)}>
              Menu
            </button>
            <ul className="govuk-service-navigation__list" id="service-navigation-list" hidden={!wide && !open}>
              {VIEW_IDS.map((id) => (
                <li key={id} className={`govuk-service-navigation__item${id === view ? ' govuk-service-navigation__item--active' : ''}`}>
                  <a className="govuk-service-navigation__link" href={hrefOfView(id, search)} aria-current={id === view ? 'page' : undefined} onClick={go(id)}>
                    {id === view ? <strong className="govuk-service-navigation__active-fallback">{VIEWS[id].label}</strong> : VIEWS[id].label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
