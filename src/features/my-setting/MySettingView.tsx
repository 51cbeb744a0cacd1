// My setting: one school or setting beside similar settings (same school type and phase) and the area, for school
// leaders. The chosen school lives in the URL (`?view=my-setting&school=119110`) so a view can be shared.
import { useEffect, useRef, useState } from 'react';
import { periodLabel } from '../../app/figures.ts';
import { ProgressIndicator } from '../../app/database-context.tsx';
import { useUrlParam } from '../../app/url-state.ts';
import { PeriodControl } from '../../app/FilterBar.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LABELS } from '../../contract/index.ts';
import { useSchoolProfile } from './api/get-school-profile.ts';
import { useSchools } from './api/get-schools.ts';
import { ContextPupilsSection } from './components/ContextPupilsSection.tsx';
import { SchoolPicker } from './components/SchoolPicker.tsx';
import { SchoolSummary } from './components/SchoolSummary.tsx';
import { ServiceProfileSection } from './components/ServiceProfileSection.tsx';
import { KeyFindings } from '../../components/findings/KeyFindings.tsx';
import { schoolFindings } from './lib/key-findings.ts';
import './my-setting.css';

function SchoolProfilePanel({ urn, focusOnLoad }: { urn: string; focusOnLoad: boolean }) {
  const { data: profile, error, isPlaceholderData } = useSchoolProfile(urn);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownUrn = profile?.school.urn;
  useEffect(() => {
    if (focusOnLoad && shownUrn === urn) heading.current?.focus();
  }, [focusOnLoad, shownUrn, urn]);
  if (error) return <ErrorSummary title="This school's figures could not be worked out" errors={[{ text: error.message }]} />;
  if (profile === undefined || (isPlaceholderData && shownUrn !== urn)) return <ProgressIndicator message="Working out this school's figures" />;
  if (profile === null) {
    return <ErrorSummary title="School not found" errors={[{ text: `There is no school with URN ${urn} in the loaded data. Choose one from the list.`, href: '#my-setting-picker' }]} />;
  }
  const periodText = periodLabel(profile.period);
  return (
    <div className="my-setting-profile">
      <SchoolSummary profile={profile} periodText={periodText} headingRef={heading} />
      <KeyFindings findings={schoolFindings(profile.services, profile.school.name)} limit={4}
        scope={`${profile.school.name} against similar settings and the area, ${periodText}. Flagged comparisons first, then by size of difference.`}
        none="No figure for this school can be compared: its counts are too small to show." />
      <nav className="my-setting-contents" aria-label="Services on this page">
        <h2 className="govuk-heading-m">On this page</h2>
        <ul>
          {profile.services.map((s) => <li key={s.service}><a href={`#service-${s.service}`}>{LABELS[s.service] ?? s.service}</a></li>)}
        </ul>
      </nav>
      {profile.services.map((s) => (
        <ServiceProfileSection key={s.service} profile={s} periodText={periodText}
          school={profile.school} similarSchools={profile.similarSchools} />
      ))}
      <ContextPupilsSection />
    </div>
  );
}

export default function MySettingView() {
  const [school, setSchool] = useUrlParam('school');
  const { data: schools, error } = useSchools();
  // Focus moves to the school's heading only after a choice made here, not when the page opens on a shared link.
  const [chosenHere, setChosenHere] = useState(false);
  const choose = (urn: string) => {
    setChosenHere(true);
    // A history entry per school chosen, so Back returns to the previous school.
    setSchool(urn, 'push');
  };
  return (
    <>
      <div id="my-setting-picker">
        {error && <ErrorSummary title="The list of schools could not be loaded" errors={[{ text: error.message }]} />}
        {!schools && !error && <ProgressIndicator message="Loading the list of schools" />}
        {schools && <SchoolPicker key={school ?? ''} schools={schools} chosen={school} onChoose={choose} />}
      </div>
      {school && <PeriodControl hint="Every figure below covers these months. They apply as you choose; with arrow keys, when you pause or press Enter." />}
      {school
        ? <SchoolProfilePanel urn={school} focusOnLoad={chosenHere} />
        : (
          <div className="govuk-inset-text">
            <p>Choose a school or setting above to see its referral rates, waits and therapy provision beside similar settings and the area.</p>
          </div>
        )}
    </>
  );
}
