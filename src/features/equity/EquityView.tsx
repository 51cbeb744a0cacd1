// The Equity view (the default view, for commissioners): where access to therapy differs by school type, age and
// school, how much therapy each type of school gets, where need may be unmet, and what universal programmes did.
// Each section fetches its own figure (api/*.ts) under the URL's filters and only renders.
import { SERVICES } from '../../contract/values.ts';
import { describeFilters, useFilters } from '../../app/url-state.ts';
import { formatMonth } from '../../components/table-columns.ts';
import { ContextEhcpSection } from './components/ContextEhcpSection.tsx';
import { FunnelSection } from './components/FunnelSection.tsx';
import { ProgrammesSection } from './components/ProgrammesSection.tsx';
import { ProvisionSection } from './components/ProvisionSection.tsx';
import { RatesSection } from './components/RatesSection.tsx';
import { UnmetNeedSection } from './components/UnmetNeedSection.tsx';
import './equity.css';
import { Deferred, useDeferredReveal } from '../../components/Deferred.tsx';
import { EquityKeyFindings } from './components/EquityKeyFindings.tsx';
import { useRatesByTypePhase } from './api/get-rates-by-type-phase.ts';

const CONTENTS = [
  ['equity-rates', 'Referral rates by school type and age'],
  ['equity-funnel', 'Schools that refer more or less than expected'],
  ['equity-provision', 'Therapy provision by school type'],
  ['equity-unmet-need', 'Possible unmet need'],
  ['equity-programmes', 'Universal programmes'],
  ['equity-context-ehcp', 'EHC plans: published figures for comparison'],
] as const;

export default function EquityView() {
  const [filters] = useFilters();
  const services: readonly string[] = filters.service ? [filters.service] : SERVICES;
  // The rest of the view waits for the heat tables' figure (shared with RatesSection through react-query's cache),
  // so the first chart is not held up by four other figures.
  const firstFigureReady = useRatesByTypePhase().data !== undefined;
  const restStarted = useDeferredReveal(firstFigureReady);
  return (
    <div className="equity">
      <EquityKeyFindings withFunnel={restStarted} filtersText={describeFilters(filters, formatMonth)} />
      <nav className="equity-contents" aria-labelledby="equity-contents-title">
        <h2 className="equity-contents__title" id="equity-contents-title">Contents</h2>
        <ol className="equity-contents__list">
          {CONTENTS.map(([id, text]) => <li key={id}><a href={`#${id}`}>{text}</a></li>)}
        </ol>
      </nav>
      <RatesSection services={services} />
      <Deferred after={firstFigureReady}>
        <FunnelSection services={services} />
        <ProvisionSection />
        <UnmetNeedSection services={services} />
        <ProgrammesSection services={services} />
        <ContextEhcpSection />
      </Deferred>
    </div>
  );
}
