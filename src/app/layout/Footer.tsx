// The footer: the accessibility statement (WCAG 2.2 AA and how it is tested), the privacy notice (what is stored
// where: nothing leaves the device) and the link to the methods. Folded, so they take one line each until opened.
import { hrefOfView, useSearch } from '../url-state.ts';

export function Footer() {
  const search = useSearch();
  return (
    <footer className="govuk-footer app-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
        <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
        <h2 className="govuk-visually-hidden">Support links</h2>
        <details className="govuk-details app-footer__details" id="accessibility">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Accessibility statement</span></summary>
          <div className="govuk-details__text">
            <p>We want as many people as possible to be able to use Therapy Equity Explorer. It aims to meet the Web Content
              Accessibility Guidelines (WCAG) 2.2 at level AA. You should be able to use it on a phone-sized screen,
              use every control from the keyboard, and use a screen reader: every chart has a text description, a data
              table beside it and its findings in words; colour never carries meaning alone.</p>
            <p>How we test: every view is checked automatically with axe-core at desktop (1366 px) and phone (390 px)
              widths and on the printed board paper, in a real Chromium browser, each time the code changes; and by
              hand with the keyboard alone.</p>
            <p>Known limits: charts are images with descriptions, so to explore values point by point use the data
              table. Wide charts scroll sideways on a phone. If you find a problem, tell the team that looks after this
              tool in your organisation.</p>
          </div>
        </details>
        <details className="govuk-details app-footer__details" id="privacy">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Privacy notice</span></summary>
          <div className="govuk-details__text">
            <p>Nothing leaves your device. Files you load are read and analysed inside this browser tab, with an
              in-browser database; they are never uploaded, and the page is not allowed to send data anywhere (its
              security policy blocks it). There are no cookies, analytics or trackers.</p>
            <p>What is kept where: files you load are checked in this browser, then saved on this device only, in this
              browser&apos;s private storage for this tool (not a folder you can see, and never sent anywhere), so they open
              again when you come back. They stay until you choose &ldquo;Forget this data&rdquo; on the Data page, clear this
              site&apos;s data in your browser, or untick &ldquo;Keep my files in this browser for next time&rdquo; when loading.
              The disclosure setting (shareable or exact figures) is never kept. The filters you choose are in the page
              address, so a link you share carries the filters but no data. Downloads are saved only where your browser
              saves files.</p>
          </div>
        </details>
        <p className="app-footer__line">
          <a className="govuk-footer__link" href={hrefOfView('methods', search)}>Methods</a> · Therapy Equity Explorer runs entirely in your browser.
        </p>
        </div>
        </div>
      </div>
    </footer>
  );
}
