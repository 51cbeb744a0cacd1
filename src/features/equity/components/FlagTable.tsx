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
    <table className="data-table equity-flag-table">
      <caption className="data-table__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col">Compared with the area</th>
          <th scope="col">Why it is flagged</th>
        </tr>
      </thead>
      <tbody>
        {flags.map((f) => (
          <tr key={f.key}>
            <th scope="row">{f.name}</th>
            <td><ComparisonTag comparison={f.comparison}>{f.tag}</ComparisonTag></td>
            <td>{f.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
