// The service header and the navigation between views (GOV.UK header and service navigation patterns). The view
// links are real links with the current filters, so they also work opened in a new tab.
import type { MouseEvent } from 'react';
import { VIEWS } from '../views.ts';
import { VIEW_IDS, hrefOfView, navigateToView, useSearch, useUrlState } from '../url-state.ts';
import type { ViewId } from '../url-state.ts';

export function Header() {
  return (
    <header className="app-header">
      <div className="width-container app-header__container">
        <a className="app-header__service" href="?view=equity">Therapy Equity Explorer</a>
        <span className="app-header__tagline">Access to speech and language therapy and occupational therapy</span>
      </div>
    </header>
  );
}

export function ServiceNavigation() {
  const { view } = useUrlState();
  const search = useSearch();
  const go = (id: ViewId) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigateToView(id);
  };
  return (
    <nav className="service-nav" aria-label="Views">
      <ul className="width-container service-nav__list">
        {VIEW_IDS.map((id) => (
          <li key={id} className={`service-nav__item${id === view ? ' service-nav__item--active' : ''}`}>
            <a className="service-nav__link" href={hrefOfView(id, search)} aria-current={id === view ? 'page' : undefined} onClick={go(id)}>
              {VIEWS[id].label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
