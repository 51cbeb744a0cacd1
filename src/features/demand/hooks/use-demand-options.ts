// The Demand view's own choices, kept in the address bar beside the global filters so a view can be bookmarked
// or shared as it was seen: ?spc=raw&screening=off&spcBy=age_phase&waitsBy=age_phase&rebase=SLT.area:2025-07. Absent = the default.
import { useUrlParam } from '../../../app/url-state.ts';
import type { SpcSeriesChoice } from '../api/get-spc-series.ts';
import { parseChangePoints, serialiseChangePoints, withSeries } from '../lib/change-points.ts';

export type Breakdown = 'school_type' | 'age_phase';

const breakdownOf = (value: string | undefined): Breakdown => (value === 'age_phase' ? 'age_phase' : 'school_type');

export function useDemandOptions() {
  const [spc, setSpc] = useUrlParam('spc');
  const [screening, setScreening] = useUrlParam('screening');
  const [spcBy, setSpcBy] = useUrlParam('spcBy');
  const [waitsBy, setWaitsBy] = useUrlParam('waitsBy');
  const [rebase, setRebase] = useUrlParam('rebase');
  const changePoints = parseChangePoints(rebase);
  return {
    series: (spc === 'raw' ? 'raw' : 'seasonally_adjusted') as SpcSeriesChoice,
    setSeries: (value: SpcSeriesChoice) => setSpc(value === 'raw' ? 'raw' : undefined),
    screening: screening !== 'off',
    setScreening: (on: boolean) => setScreening(on ? undefined : 'off'),
    spcBy: breakdownOf(spcBy),
    setSpcBy: (value: Breakdown) => setSpcBy(value === 'school_type' ? undefined : value),
    waitsBy: breakdownOf(waitsBy),
    setWaitsBy: (value: Breakdown) => setWaitsBy(value === 'school_type' ? undefined : value),
    /** Series key → first months of new segments (re-baselining), as accepted or set by the user. */
    changePoints,
    setSeriesChangePoints: (key: string, months: readonly string[] | undefined) => setRebase(serialiseChangePoints(withSeries(changePoints, key, months))),
    setAllChangePoints: (all: Readonly<Record<string, readonly string[]>>) => setRebase(serialiseChangePoints(all)),
  };
}
