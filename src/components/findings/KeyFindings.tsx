// The key findings box at the top of a view: ranked statements, each with its rule on a tag and a link to the
// figure that shows it. `limit` statements are shown; the rest wait behind a "more" disclosure.
import type { Finding } from './key-findings.ts';
import './key-findings.css';

export interface KeyFindingsProps {
  readonly findings: readonly Finding[];
  /** Shown when nothing is flagged. */
  readonly none: string;
  readonly limit?: number;
  readonly title?: string;
  /** Under the title: what the findings cover, e.g. the filters and period. */
  readonly scope?: string;
}

function Item({ finding }: { finding: Finding }) {
  return (
    <li className="key-findings__item">
      <a className="key-findings__link" href={`#${finding.figureId}`}>{finding.text}</a>
      {' — '}
      <strong className={`key-findings__rule key-findings__rule--${finding.direction}`}>{finding.rule}</strong>
    </li>
  );
}

export function KeyFindings({ findings, none, limit = 5, title = 'Key findings', scope }: KeyFindingsProps) {
  const first = findings.slice(0, limit);
  const rest = findings.slice(limit);
  return (
    <section className="key-findings" aria-labelledby="key-findings-title">
      <h2 className="govuk-heading-m key-findings__title" id="key-findings-title">{title}</h2>
      {scope && <p className="govuk-body-s key-findings__scope">{scope}</p>}
      {first.length === 0 ? <p className="key-findings__none">{none}</p> : <ol className="govuk-list govuk-list--number key-findings__list">{first.map((f) => <Item key={f.id} finding={f} />)}</ol>}
      {rest.length > 0 && (
        <details className="govuk-details key-findings__more">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{rest.length} more {rest.length === 1 ? 'finding' : 'findings'}</span></summary>
          <ol className="govuk-list govuk-list--number key-findings__list" start={first.length + 1}>{rest.map((f) => <Item key={f.id} finding={f} />)}</ol>
        </details>
      )}
    </section>
  );
}
