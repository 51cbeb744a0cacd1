// One service for the chosen school: the flags in words, then its rate beside similar settings and the area, its
// place on the funnel, its monthly referrals, its waits and the provision it received. Every figure arrives already
// suppressed from src/analytics/school-profile.ts; this component only renders.
import type { ServiceProfile } from '../../../analytics/school-profile.ts';
import { funnelPlotSpec, monthlyTrendSpec, settingComparisonSpec, type SettingComparisonRow } from '../../../charts/index.ts';
import { ChartFigure } from '../../../components/ChartFigure.tsx';
import { LABELS } from '../../../contract/index.ts';
import { ComparisonFlag } from './ComparisonFlag.tsx';
import { FigureNotes } from '../../../components/FigureNotes.tsx';
import { funnelFigureId, rateFigureId, waitsFigureId } from '../lib/key-findings.ts';
import { describeAreaLine } from './describe-area-line.ts';
import { SimilarSchoolsTable } from './SimilarSchoolsTable.tsx';
import { FUNNEL_COLUMNS, MONTH_COLUMNS, PROVISION_COLUMNS, RATE_COLUMNS, WAITS_COLUMNS, type FunnelRow } from './columns.ts';

export interface ServiceProfileSectionProps {
  readonly profile: ServiceProfile;
  readonly periodText: string;
  /** The chosen school. */
  readonly school: { urn: string; name: string; school_type: string; phase: string };
  readonly similarSchools: number;
}

const one = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const shown = (v: number | null | 'c' | undefined, unit = '') => (v === 'c' ? 'c (not shown)' : typeof v === 'number' ? `${one.format(v)}${unit}` : 'not available');

function spcSentence(trend: ServiceProfile['trend']): string {
  if (!trend) return '';
  if (trend.tooFewForSpc) return `No statistical process control (SPC) verdict. ${trend.tooFewForSpc}`;
  if (trend.icon === 'special_cause_high') return 'SPC: the latest month is part of special-cause variation on the high side (more referrals than this school\'s usual pattern).';
  if (trend.icon === 'special_cause_low') return 'SPC: the latest month is part of special-cause variation on the low side (fewer referrals than this school\'s usual pattern).';
  return `SPC: the latest month shows only common-cause variation (no SPC rule broken). ${trend.seriesNote}`;
}

export function ServiceProfileSection({ profile, periodText, school: chosenSchool, similarSchools }: ServiceProfileSectionProps) {
  const { urn, name: schoolName } = chosenSchool;
  const service = LABELS[profile.service] ?? profile.service;
  const [school, similar] = profile.rates;
  const [schoolWaits] = profile.waits;
  const kindOf = (g: string) => g as SettingComparisonRow['kind'];
  const rateRows = profile.rates.map((r) => ({ label: r.label, rate: r.rate, lower95: r.lower95, upper95: r.upper95, kind: kindOf(r.group) }));
  const waitRows = profile.waits.map((r) => ({ label: r.label, rate: r.pct_within_18_weeks, lower95: r.lower95, upper95: r.upper95, kind: kindOf(r.group) }));
  const provisionRows = profile.provision.map((r) => ({ label: r.label, rate: r.hours_per_100, lower95: null, upper95: null, kind: kindOf(r.group) }));
  const funnelRows: FunnelRow[] = [...profile.funnel.points]
    .sort((a, b) => Number(b.urn === urn) - Number(a.urn === urn) || a.name.localeCompare(b.name))
    .map((p) => ({ name: p.name, urn: p.urn, school_type: p.school_type, referrals: p.referrals, pupils: p.pupils, rate: p.rate, lower95: p.lower95, upper95: p.upper95, crude_rate: p.crude_rate, position: p.position }));
  const months = profile.trend?.monthly.map((p) => ({ month: p.month, referrals: p.referrals })) ?? [];
  const hiddenMonths = months.filter((m) => m.referrals === 'c').length;
  const [ownProvision, similarProvision, areaProvision] = profile.provision;
  const headingId = `service-${profile.service}`;
  const poolText = similar && similar.schools > 0
    ? `Similar settings are the other ${similar.schools} ${similar.schools === 1 ? 'school' : 'schools'} of the same type and phase, pooled.`
    : 'There is no other school of the same type and phase, so there are no similar settings.';
  const hidden = profile.rates.filter((r) => r.rate === 'c').map((r) => r.label);
  const notDrawn = hidden.length ? `Not drawn: ${hidden.join(' and ')} (“c”: fewer than 5 referrals, or a pool holding such a school).` : '';

  return (
    <section className="my-setting-service" aria-labelledby={headingId}>
      <h2 className="govuk-heading-l my-setting-service__title" id={headingId}>{service}</h2>

      <FigureNotes summary={`${service}: each comparison and the rule behind it`}>
      <ul className="my-setting-flags">
        {school && <ComparisonFlag what="Referral rate" comparison={school.vs_area} against="the area" explanation={school.vs_area_explanation} />}
        {school && <ComparisonFlag what="Referral rate" comparison={school.vs_similar} against="similar settings" explanation={school.vs_similar_explanation} />}
        <li className="my-setting-flag">
          <span className="my-setting-flag__what">Funnel plot (adjusted for age mix): </span>
          <strong className={`govuk-tag my-setting-tag my-setting-tag--${profile.funnelPoint ? (profile.funnelPoint.position.startsWith('above') ? 'higher' : profile.funnelPoint.position.startsWith('below') ? 'lower' : 'neutral') : 'neutral'}`}>
            {profile.funnelPoint ? (profile.funnelPoint.position === 'within' ? 'Within the limits' : `${profile.funnelPoint.position[0]?.toUpperCase()}${profile.funnelPoint.position.slice(1)} limit`) : 'Not plotted (c)'}
          </strong>
          <span className="my-setting-flag__why"> {profile.funnelNote}</span>
        </li>
        {schoolWaits && <ComparisonFlag what="Seen within 18 weeks" comparison={schoolWaits.vs_area} against="the area" explanation={schoolWaits.vs_area_explanation} />}
      </ul>
      </FigureNotes>

      <ChartFigure
        id={rateFigureId(profile.service)}
        methods={{ section: 'comparing-a-group-with-the-area', name: 'Comparing a group with the area' }}
        headingLevel={3}
        title={`${service}: referral rate beside similar settings and the area`}
        caption={`Referrals per 1,000 pupils per year, ${periodText}, with 95% intervals. ${poolText} ${notDrawn}`}
        spec={describeAreaLine(settingComparisonSpec(rateRows, { measureLabel: 'Referrals per 1,000 pupils per year', title: 'Referral rate', periodLabel: periodText }), 'Area rate')}
        rows={profile.rates} columns={RATE_COLUMNS} fileName={`my-setting-${urn}-${profile.service}-rates`} />

      <ChartFigure
        id={funnelFigureId(profile.service)}
        methods={{ section: 'funnel-plots', name: 'Funnel plots' }}
        headingLevel={3}
        title={`${service}: ${schoolName} on the funnel plot`}
        caption={`Every school's referral rate adjusted for its age mix, against its size, with 95% and 99.8% limits around the area rate. ${schoolName} is ringed and labelled${profile.funnelPoint ? '' : ' when plotted; it is not plotted here (fewer than 5 referrals)'}. Schools with 1–4 referrals are not plotted.`}
        spec={describeAreaLine(funnelPlotSpec(profile.funnel, { highlightUrn: urn, periodLabel: periodText }), 'Area rate per 1,000 pupils a year')}
        rows={funnelRows} columns={FUNNEL_COLUMNS} fileName={`my-setting-${urn}-${profile.service}-funnel`} />

      <SimilarSchoolsTable service={profile.service} points={profile.funnel.points} school={chosenSchool}
        similarSchools={similarSchools} periodText={periodText} />

      {profile.trend && !months.some((m) => typeof m.referrals === 'number' && m.referrals > 0) && (
        <div className="govuk-inset-text">
          <h3 className="govuk-heading-m">{service}: {schoolName}'s referrals each month</h3>
          <p>No month had 5 or more referrals, so there is no monthly chart: {hiddenMonths} of {months.length} months had 1–4 (shown as “c”) and the rest none.</p>
        </div>
      )}
      {profile.trend && months.some((m) => typeof m.referrals === 'number' && m.referrals > 0) && (
        <ChartFigure
          headingLevel={3}
          title={`${service}: ${schoolName}'s referrals each month`}
          methods={{ section: 'statistical-process-control-spc', name: 'Statistical process control (SPC)' }}
          caption={`${hiddenMonths} of ${months.length} months had 1–4 referrals: shown as “c”, with no bar. ${spcSentence(profile.trend)}`}
          spec={monthlyTrendSpec(months, { title: 'Referrals each month', periodLabel: periodText })}
          rows={months} columns={MONTH_COLUMNS} fileName={`my-setting-${urn}-${profile.service}-monthly`} />
      )}

      <ChartFigure
        id={waitsFigureId(profile.service)}
        methods={{ section: 'proportions-and-the-wilson-interval', name: 'Proportions and the Wilson interval' }}
        headingLevel={3}
        title={`${service}: waits to first contact`}
        caption={`Share of first contacts in the period made within 18 weeks of referral, with 95% Wilson intervals; median and 90th percentile waits in the table. A median cannot be added up across schools, so similar settings have none (–). “c”: fewer than 5, not shown.`}
        spec={describeAreaLine(settingComparisonSpec(waitRows, { measureLabel: '% seen within 18 weeks', title: 'Seen within 18 weeks', periodLabel: periodText }), 'Area share seen within 18 weeks')}
        rows={profile.waits} columns={WAITS_COLUMNS} fileName={`my-setting-${urn}-${profile.service}-waits`} />

      <ChartFigure
        headingLevel={3}
        title={`${service}: therapy provision`}
        caption={`Therapist hours per 100 pupils a year: ${schoolName} ${shown(ownProvision?.hours_per_100)}, similar settings ${shown(similarProvision?.hours_per_100)}, the area ${shown(areaProvision?.hours_per_100)}. Sessions are in the table.`}
        spec={describeAreaLine(settingComparisonSpec(provisionRows, { measureLabel: 'Therapist hours per 100 pupils per year', title: 'Therapist hours', periodLabel: periodText }), 'Area therapist hours per 100 pupils a year')}
        rows={profile.provision} columns={PROVISION_COLUMNS} fileName={`my-setting-${urn}-${profile.service}-provision`} />
    </section>
  );
}
