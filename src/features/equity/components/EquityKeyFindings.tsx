// The Equity view's key findings: the heat tables' flags at once, the funnel plot's outliers once the rest of the
// view has started (so the first chart is not held up), ranked together (lib/key-findings.ts).
import { useMemo } from 'react';
import type { RateCell } from '../../../analytics/index.ts';
import { ProgressIndicator } from '../../../app/database-context.tsx';
import { periodLabel } from '../../../app/figures.ts';
import { KeyFindings } from '../../../components/findings/KeyFindings.tsx';
import { useFunnel } from '../api/get-funnel.ts';
import { useRatesByTypePhase } from '../api/get-rates-by-type-phase.ts';
import { equityFindings } from '../lib/key-findings.ts';

const NONE = 'No school type, age phase or school differs from the area by more than chance would explain under these filters.';

function WithFunnel({ cells, scope }: { cells: RateCell[]; scope: string }) {
  const funnel = useFunnel();
  const findings = useMemo(() => equityFindings(cells, funnel.data?.series), [cells, funnel.data]);
  return (
    <>
      <KeyFindings findings={findings} none={NONE} scope={scope} />
      {!funnel.data && <ProgressIndicator message="Adding schools from the funnel plot" />}
    </>
  );
}

export function EquityKeyFindings({ withFunnel, filtersText }: { withFunnel: boolean; filtersText: string }) {
  const rates = useRatesByTypePhase();
  const findings = useMemo(() => (rates.data ? equityFindings(rates.data.cells, undefined) : []), [rates.data]);
  if (!rates.data) return null;
  const scope = `${filtersText}; ${periodLabel(rates.data.period)}. Ranked: outside the 99.8% interval first, then by size of difference.`;
  if (withFunnel) return <WithFunnel cells={rates.data.cells} scope={scope} />;
  return <KeyFindings findings={findings} none={NONE} scope={scope} />;
}
