// GOV.UK radios: a fieldset whose legend asks the question, an optional hint, and one labelled radio per choice
// (each with its own hint). Choosing applies at once: it changes the figures shown, not the page.
import { useId } from 'react';
import type { ReactNode } from 'react';

export interface RadioChoice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint?: ReactNode;
}

export interface RadiosProps<T extends string> {
  readonly legend: string;
  readonly hint?: ReactNode;
  readonly choices: readonly RadioChoice<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  /** Side by side for short labels. */
  readonly inline?: boolean;
}

export function Radios<T extends string>({ legend, hint, choices, value, onChange, inline = false }: RadiosProps<T>) {
  const id = useId();
  return (
    <fieldset className="govuk-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
      {hint && <div className="govuk-hint" id={`${id}-hint`}>{hint}</div>}
      <div className={inline ? 'govuk-radios govuk-radios--inline' : 'govuk-radios'}>
        {choices.map((choice) => {
          const inputId = `${id}-${choice.value}`;
          return (
            <div className="govuk-radios__item" key={choice.value}>
              <input className="govuk-radios__input" type="radio" id={inputId} name={id} value={choice.value}
                checked={value === choice.value} onChange={() => onChange(choice.value)}
                aria-describedby={choice.hint ? `${inputId}-hint` : undefined} />
              <label className="govuk-label govuk-radios__label" htmlFor={inputId}>{choice.label}</label>
              {choice.hint && <div className="govuk-hint govuk-radios__hint" id={`${inputId}-hint`}>{choice.hint}</div>}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
