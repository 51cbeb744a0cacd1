// The chosen school in brief: what it is, where, how many pupils, and who it is compared with.
import type { RefObject } from 'react';
import type { SchoolProfile } from '../../../analytics/school-profile.ts';
import { LABELS } from '../../../contract/index.ts';

const whole = new Intl.NumberFormat('en-GB');

export function SchoolSummary({ profile, periodText, headingRef }: {
  readonly profile: SchoolProfile; readonly periodText: string; readonly headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { school } = profile;
  const type = LABELS[school.school_type] ?? school.school_type;
  const phase = LABELS[school.phase] ?? school.phase;
  const similar = profile.similarSchools === 0
    ? `None: no other ${type.toLowerCase()} ${phase.toLowerCase()} setting in the data, so it is compared with the area only.`
    : `The other ${whole.format(profile.similarSchools)} ${type.toLowerCase()} ${phase.toLowerCase()} ${profile.similarSchools === 1 ? 'setting' : 'settings'}, pooled.`;
  return (
    <section className="my-setting-summary" aria-labelledby="my-setting-school">
      <h2 className="govuk-heading-l" id="my-setting-school" ref={headingRef} tabIndex={-1}>{school.name}</h2>
      <dl className="govuk-summary-list my-setting-summary__list">
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">URN</dt><dd className="govuk-summary-list__value">{school.urn}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">School type</dt><dd className="govuk-summary-list__value">{type}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Phase</dt><dd className="govuk-summary-list__value">{phase}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Locality</dt><dd className="govuk-summary-list__value">{school.locality}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Pupils on roll</dt><dd className="govuk-summary-list__value">{whole.format(school.pupils_on_roll)}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Similar settings</dt><dd className="govuk-summary-list__value">{similar}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Period</dt><dd className="govuk-summary-list__value">{periodText}</dd></div>
      </dl>
      <p className="govuk-body">
        Rates are referrals per 1,000 pupils per year. A school is “higher” or “lower” than a comparator when the
        comparator’s rate lies outside the school’s 95% interval, and “much” higher or lower outside its 99.8%
        interval. Neither is good or bad in itself. Counts of 1 to 4, and every figure worked out from them, are shown
        as “c” to protect children’s privacy.
      </p>
      <p className="govuk-body">
        Younger pupils are referred more often, so a primary school’s plain rate is usually above the area’s. Similar
        settings (same type and phase) are the like-for-like comparison, and the funnel plot adjusts every school for
        its age mix.
      </p>
    </section>
  );
}
