// The groups or schools a rule flagged, as a captioned table: what was flagged, the comparison in words on a tag,
// and why (the rule and the interval, from the analytics layer's explanation).
import type { ReactNode } from 'react';
import { ComparisonTag } from './ComparisonTag.tsx';

export interface Flag {
  readonly key: string;
  readonly name: ReactNode;
  /** 'much higher', 'lower', … (chooses the tag's tone). */
  readonly comparison: string;
  readonly tag: string;
  readonly why: string;
}

export function FlagTable({ caption, nameHeader, flags }: { caption: string; nameHeader: string; flags: readonly Flag[] }) {
  return (
    <table className="govuk-table data-table equity-flag-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th className="govuk-table__header" scope="col">{nameHeader}</th>
          <th className="govuk-table__header" scope="col">Compared with the area</th>
          <th className="govuk-table__header" scope="col">Why it is flagged</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {flags.map((f) => (
          <tr className="govuk-table__row" key={f.key}>
            <th className="govuk-table__header" scope="row">{f.name}</th>
            <td className="govuk-table__cell"><ComparisonTag comparison={f.comparison}>{f.tag}</ComparisonTag></td>
            <td className="govuk-table__cell">{f.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
