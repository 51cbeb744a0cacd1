// The prevalence assumptions behind "expected need" (METHODS §10), with their sources, in a details panel. They are
// assumptions, not facts: users can replace them with local evidence; applying them recomputes the figures.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import {
  DEFAULT_PREVALENCE, DEPRIVATION_WEIGHTS_SOURCE, type Prevalence, type PrevalenceAssumptions,
} from '../../../stats/expected-need.ts';

const toPercent = (rate: number) => String(Math.round(rate * 10000) / 100);

interface Draft { slt: string; ot: string; weighted: boolean }
const draftOf = (p: PrevalenceAssumptions): Draft => ({ slt: toPercent(p.slt.rate), ot: toPercent(p.ot.rate), weighted: p.weightByDeprivation });

/** A percentage from 0.1 to 100, or an error message. */
function parsePercent(text: string, what: string): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return `Enter the ${what} as a number, like 10`;
  if (value < 0.1 || value > 100) return `The ${what} must be between 0.1% and 100%`;
  return value / 100;
}

const edited = (base: Prevalence, rate: number): Prevalence =>
  (rate === base.rate ? base : { ...base, rate, label: `${base.label}; changed here to ${toPercent(rate)}%` });

function PercentField({ id, label, hint, value, error, onChange }: {
  id: string; label: string; hint: string; value: string; error?: string; onChange: (v: string) => void;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <div className="govuk-hint" id={`${id}-hint`}>{hint}</div>
      {error && <p className="govuk-error-message" id={`${id}-error`}><span className="govuk-visually-hidden">Error:</span> {error}</p>}
      <div className="govuk-input__wrapper">
        <input className="govuk-input govuk-input--width-4" id={id} name={id} type="text" inputMode="decimal" spellCheck={false} value={value}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)} />
        <span className="govuk-input__suffix" aria-hidden="true">%</span>
      </div>
    </div>
  );
}

export function PrevalenceForm({ value, onApply }: { value: PrevalenceAssumptions; onApply: (p: PrevalenceAssumptions) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const [errors, setErrors] = useState<{ slt?: string; ot?: string }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const slt = parsePercent(draft.slt, 'speech and language prevalence');
    const ot = parsePercent(draft.ot, 'coordination disorder prevalence');
    const next = { slt: typeof slt === 'string' ? slt : undefined, ot: typeof ot === 'string' ? ot : undefined };
    setErrors(next);
    if (typeof slt === 'string' || typeof ot === 'string') return;
    onApply({ slt: edited(DEFAULT_PREVALENCE.slt, slt), ot: edited(DEFAULT_PREVALENCE.ot, ot), weightByDeprivation: draft.weighted });
  };
  const reset = () => {
    setDraft(draftOf(DEFAULT_PREVALENCE));
    setErrors({});
    onApply(DEFAULT_PREVALENCE);
  };
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">How expected need is estimated, and changing the assumptions</span></summary>
      <div className="govuk-details__text">
        <p className="govuk-body">
          Expected need is each school&apos;s roll multiplied by the share of children expected to have the need, from published
          studies. It is an estimate for comparison, not a count of children, so it is shown rounded (&ldquo;about 40&rdquo;).
          Currently used: speech and language {toPercent(value.slt.rate)}%, coordination disorder {toPercent(value.ot.rate)}%,
          {value.weightByDeprivation ? ' weighted by deprivation.' : ' not weighted by deprivation.'}
        </p>
        <form className="equity-prevalence" noValidate onSubmit={submit}>
          <PercentField id={`${id}-slt`} label="Speech and language therapy: children with language disorder"
            hint={`Default ${toPercent(DEFAULT_PREVALENCE.slt.rate)}%: ${DEFAULT_PREVALENCE.slt.label}. Source: ${DEFAULT_PREVALENCE.slt.source}`}
            value={draft.slt} error={errors.slt} onChange={(slt) => setDraft((d) => ({ ...d, slt }))} />
          <PercentField id={`${id}-ot`} label="Occupational therapy: children with developmental coordination disorder"
            hint={`Default ${toPercent(DEFAULT_PREVALENCE.ot.rate)}%: ${DEFAULT_PREVALENCE.ot.label}. Source: ${DEFAULT_PREVALENCE.ot.source}`}
            value={draft.ot} error={errors.ot} onChange={(ot) => setDraft((d) => ({ ...d, ot }))} />
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" type="checkbox" id={`${id}-weighted`} checked={draft.weighted}
                  aria-describedby={`${id}-weighted-hint`} onChange={(e) => setDraft((d) => ({ ...d, weighted: e.target.checked }))} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-weighted`}>Weight by deprivation (IMD decile of the school)</label>
                <div className="govuk-hint govuk-checkboxes__hint" id={`${id}-weighted-hint`}>
                  Multiplies each school&apos;s estimate by a weight for the deprivation of its area. In areas of social disadvantage up
                  to half of children start school with language below age expectations (Bercow review, 2008).
                  Weights: {DEPRIVATION_WEIGHTS_SOURCE}
                </div>
              </div>
            </div>
          </div>
          <button type="submit" className="govuk-button">Apply assumptions</button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={reset}>Reset to published figures</button>
        </form>
      </div>
    </details>
  );
}
