// "Your area": which local authority, region, ICB and provider the published context is shown for. Choices apply
// at once (they change the reference lines, not the page). Names are those the shipped published files use.
import { useId } from 'react';
import './context.css';

export interface AreaValue { readonly la: string; readonly region: string; readonly icb: string; readonly provider: string; readonly example: boolean }
export interface AreaOptions { readonly las: readonly string[]; readonly regions: readonly string[]; readonly icbs: readonly string[]; readonly providers: readonly string[] }

interface Props {
  readonly area: AreaValue;
  readonly choices: AreaOptions;
  readonly onChange: (next: Partial<Omit<AreaValue, 'example'>> | null) => void;
  /** How names are shown (e.g. "NHS South East London ICB" for "SOUTH EAST LONDON"). */
  readonly nameOf: (part: 'la' | 'region' | 'icb' | 'provider', name: string) => string;
  /** Parts the shipped files have no figure for. */
  readonly missing: readonly string[];
}

const PARTS = [
  ['la', 'Local authority', 'las'], ['region', 'Region', 'regions'], ['icb', 'Integrated care board (ICB)', 'icbs'], ['provider', 'Therapy provider (NHS trust)', 'providers'],
] as const;

export function ContextAreaControl({ area, choices, onChange, nameOf, missing }: Props) {
  const id = useId();
  const summary = PARTS.map(([part]) => nameOf(part, area[part])).join(' · ');
  return (
    <div className="context-area-wrap">
    <details className="context-area">
      <summary className="context-area__summary">
        <span>Compared with published figures for: <strong>{summary}</strong></span>
        {area.example && <strong className="govuk-tag context-area__tag">Example area</strong>}
        <span className="context-area__change">Change area</span>
      </summary>
      <div className="context-area__body">
        <p className="govuk-hint">
          {area.example
            ? 'The sample data are made up; these places are an example of a real area to compare with. Choose your own area below.'
            : 'Choose the local authority, region, ICB and provider that cover your data.'}
          {' '}The lists hold every place the shipped published files name.
        </p>
        <div className="context-area__items">
          {PARTS.map(([part, label, list]) => (
            <div className="govuk-form-group" key={part}>
              <label className="govuk-label" htmlFor={`${id}-${part}`}>{label}</label>
              <select className="govuk-select" id={`${id}-${part}`} value={area[part]} onChange={(e) => onChange({ [part]: e.target.value })}>
                {!choices[list].includes(area[part]) && <option value={area[part]}>{nameOf(part, area[part])} (no published figures)</option>}
                {choices[list].map((name) => <option key={name} value={name}>{nameOf(part, name)}</option>)}
              </select>
            </div>
          ))}
        </div>
        {!area.example && <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onChange(null)}>Use the example area</button>}
      </div>
    </details>
    {missing.length > 0 && <p className="govuk-body context-area__missing">No published figures in the shipped files for: {missing.join(', ')}.</p>}
    </div>
  );
}
