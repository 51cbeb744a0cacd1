// Says how small numbers are protected on this page, and lets the analyst who owns the data switch to exact
// figures for their own checking: an explicit choice with a warning, marked on every view and download while on,
// never carried in the URL (src/app/disclosure-mode.ts).
import { useId, useState } from 'react';
import { EXACT_MARK } from '../../disclosure/index.ts';
import { setDisclosureMode, useDisclosureMode } from '../disclosure-mode.ts';
import './disclosure-banner.css';

export function DisclosureBanner() {
  const mode = useDisclosureMode();
  const [asking, setAsking] = useState(false);
  const warningId = useId();
  if (mode === 'exact') {
    return (
      <div className="disclosure-banner disclosure-banner--exact" role="alert">
        <strong className="govuk-tag govuk-tag--red">{EXACT_MARK}</strong>
        <span className="disclosure-banner__text">
          Every figure on this page is unperturbed and counts of 1 to 4 are shown. Do not share, print or download
          it for anyone else. Downloads are marked the same way.
        </span>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setDisclosureMode('shareable')}>
          Return to shareable figures
        </button>
      </div>
    );
  }
  return (
    <div className="disclosure-banner">
      <span className="disclosure-banner__text">
        <strong>Shareable figures.</strong> Counts of children are protected: 1 to 4 show as “c” and every other count
        is changed by up to 2 in a fixed way (cell-key perturbation), so totals may not add up exactly.
      </span>
      {!asking ? (
        <button type="button" className="app-link-button" onClick={() => setAsking(true)}>Show exact figures…</button>
      ) : (
        <div className="disclosure-banner__confirm" role="group" aria-labelledby={warningId}>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong className="govuk-warning-text__text" id={warningId}>
              <span className="govuk-visually-hidden">Warning: </span>
              Exact figures show children&apos;s small counts: only for the analyst who owns this data, never for sharing.
            </strong>
          </div>
          <button type="button" className="govuk-button govuk-button--warning" onClick={() => { setDisclosureMode('exact'); setAsking(false); }}>
            Show exact figures (not for sharing)
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAsking(false)}>Cancel</button>
        </div>
      )}
    </div>
  );
}
