// The GOV.UK error summary (govuk-frontend's markup and styles): a titled box listing each problem, linking to the field it is about when there is
// one. It takes focus when it appears so screen-reader and keyboard users meet it first.
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface ErrorSummaryItem {
  readonly text: string;
  /** `#id` of the field the error is about. */
  readonly href?: string;
}

export interface ErrorSummaryProps {
  readonly errors: readonly ErrorSummaryItem[];
  readonly title?: string;
  readonly description?: ReactNode;
}

export function ErrorSummary({ errors, title = 'There is a problem', description }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="govuk-error-summary error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 className="govuk-error-summary__title" id={titleId}>{title}</h2>
      <div className="govuk-error-summary__body">
        {description && <div className="error-summary__description">{description}</div>}
        <ul className="govuk-list govuk-error-summary__list">
          {errors.map((error, i) => (
            <li key={i}>{error.href ? <a href={error.href}>{error.text}</a> : error.text}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
