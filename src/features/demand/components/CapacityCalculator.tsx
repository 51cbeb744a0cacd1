// Section 4, one service: the capacity and FTE calculator. Every assumption is an editable field with its label,
// unit, default and where the default comes from (GOV.UK form pattern: hint, inline error, error summary linking to
// the field). "Recalculate" applies the assumptions; the figures are recomputed by the analytics layer.
import { useState } from 'react';
import { useFilters } from '../../../app/url-state.ts';
import type { FormEvent } from 'react';
import { DEFAULT_CAPACITY, type CapacityAssumptions, type WorkforcePlan } from '../../../analytics/index.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { LABELS, type Service } from '../../../contract/index.ts';
import { useWorkforcePlan } from '../api/get-workforce-plan.ts';
import {
  FIELDS, defaultInputs, formatInput, parseInputs, type CapacityField, type CapacityInputs, type FieldError,
} from '../lib/capacity-form.ts';
import { CapacityResults } from './CapacityResults.tsx';

interface Props {
  readonly service: Service;
  /** The plan under the default assumptions: where the derived hours per referral and its source come from. */
  readonly defaultPlan: WorkforcePlan;
}

const fieldId = (service: Service, field: CapacityField) => `capacity-${service.toLowerCase()}-${field}`;

export function CapacityCalculator({ service, defaultPlan }: Props) {
  const derived = defaultPlan.hoursPerReferral > 0 ? defaultPlan.hoursPerReferral : null;
  // Only what the user has typed; untouched fields show their defaults, so a derived figure that changes with the
  // filters is picked up until the user overrides it.
  const [typed, setTyped] = useState<Partial<CapacityInputs>>({});
  const inputs: CapacityInputs = { ...defaultInputs(derived), ...typed };
  const [applied, setApplied] = useState<CapacityAssumptions>(DEFAULT_CAPACITY);
  const [errors, setErrors] = useState<{ list: FieldError[]; attempt: number }>({ list: [], attempt: 0 });
  const { data: plan, error, isFetching } = useWorkforcePlan(service, applied);
  const name = LABELS[service] ?? service;
  const [filters] = useFilters();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseInputs(inputs, derived);
    setErrors((e) => ({ list: parsed.errors, attempt: e.attempt + 1 }));
    if (parsed.assumptions) setApplied(parsed.assumptions);
  };
  const reset = () => {
    setTyped({});
    setErrors((e) => ({ list: [], attempt: e.attempt }));
    setApplied(DEFAULT_CAPACITY);
  };
  const errorOf = (field: CapacityField) => errors.list.find((e) => e.field === field)?.message;

  return (
    <div className="demand-capacity">
      <h3 className="demand-capacity__title">{name}</h3>
      {errors.list.length > 0 && (
        <ErrorSummary key={errors.attempt}
          errors={errors.list.map((e) => ({ text: e.message, href: `#${fieldId(service, e.field)}` }))} />
      )}
      <form className="demand-capacity__form" onSubmit={submit} noValidate aria-label={`${name}: capacity assumptions`}>
        {FIELDS.map((field) => {
          const id = fieldId(service, field.name);
          const message = errorOf(field.name);
          const source = field.name !== 'hoursPerReferral' ? field.source
            : derived === null ? <>No figure can be derived: no accepted referrals in the last 12 months. Enter your service&rsquo;s figure.</>
            : <>Default derived from your data: {formatInput(derived)} hours ({defaultPlan.hoursPerReferralSource}). Leave it, or clear the field, to use the derived figure.</>;
          return (
            <div key={field.name} className={message ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
              <label className="govuk-label" htmlFor={id}>
                {field.label}{field.unit && <span className="govuk-visually-hidden">, in {field.unit}</span>}
              </label>
              <div className="govuk-hint" id={`${id}-hint`}>{source}</div>
              {message && <p className="govuk-error-message" id={`${id}-error`}><span className="govuk-visually-hidden">Error:</span> {message}</p>}
              <div className="govuk-input__wrapper">
                <input className={message ? 'govuk-input govuk-input--width-5 govuk-input--error' : 'govuk-input govuk-input--width-5'} id={id} name={field.name}
                  type="text" inputMode="decimal" spellCheck={false} autoComplete="off"
                  aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`} aria-invalid={message ? true : undefined}
                  value={inputs[field.name]}
                  onChange={(e) => { const value = e.target.value; setTyped((t) => ({ ...t, [field.name]: value })); }} />
                {field.unit && <span className="govuk-input__suffix" aria-hidden="true">{field.unit}</span>}
              </div>
            </div>
          );
        })}
        <div className="demand-button-group">
          <button type="submit" className="govuk-button">Recalculate</button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={reset}>Reset to defaults</button>
        </div>
      </form>
      {error ? <ErrorSummary title="The capacity figures could not be worked out" errors={[{ text: error.message }]} />
        : <CapacityResults service={service} plan={plan ?? null} updating={isFetching} locality={filters.locality ?? null} />}
    </div>
  );
}
