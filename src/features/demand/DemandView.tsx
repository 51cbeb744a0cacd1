// The Demand view: key findings, referrals over time (SPC), waits, the 12-month forecast and one capacity answer
// (therapists needed, reconciled with FTE in post, and what-if scenarios) for each service (both unless the service
// filter is set). The shell renders the h1 and the filters; each section has its h2 and its own data hook, so one
// slow or failed figure does not hold up the others.
import { useFilters } from '../../app/url-state.ts';
import { SERVICES } from '../../contract/index.ts';
import { ContextWaitsSection } from './components/ContextWaitsSection.tsx';
import { DemandKeyFindings } from './components/DemandKeyFindings.tsx';
import { PlanSection } from './components/PlanSection.tsx';
import { ForecastSection } from './components/ForecastSection.tsx';
import { SpcSection } from './components/SpcSection.tsx';
import { SpcSummary } from './components/SpcSummary.tsx';
import { WaitsSection } from './components/WaitsSection.tsx';
import './demand.css';

const CONTENTS = [
  { id: 'demand-summary', text: 'Summary: is demand changing?' },
  { id: 'demand-spc', text: 'Referrals over time' },
  { id: 'demand-waits', text: 'Waits for a first contact' },
  { id: 'demand-context-waits', text: 'Waiting over 18 weeks: published figures for comparison' },
  { id: 'demand-forecast', text: 'Referrals forecast for the next 12 months' },
  { id: 'demand-plan', text: 'Therapists needed, and what if' },
];

export default function DemandView() {
  const [filters] = useFilters();
  const services = filters.service ? [filters.service] : SERVICES;
  return (
    <div className="demand">
      <DemandKeyFindings services={services} />
      <SpcSummary services={services} />
      <nav className="demand-contents-list" aria-labelledby="demand-contents">
        <h2 className="demand-contents-list__title" id="demand-contents">Contents</h2>
        <ol className="demand-contents-list__list">
          {CONTENTS.map((c) => <li key={c.id}><a href={`#${c.id}`}>{c.text}</a></li>)}
        </ol>
      </nav>
      {(filters.type || filters.phase) && (
        <div className="govuk-inset-text">
          <p>The school type and age phase filters only choose which breakdown charts are shown here. The whole-area
            charts, waits, forecast and capacity figures cover every school type and age, as the service plans for them.</p>
        </div>
      )}
      <SpcSection services={services} />
      <WaitsSection services={services} />
      <ContextWaitsSection services={services} />
      <ForecastSection services={services} />
      <PlanSection services={services} />
    </div>
  );
}
