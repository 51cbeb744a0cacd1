// Waits to first contact and the waiting list by time waited (METHODS §8), under the URL's filters.
import type { WaitingListBand, WaitsCell } from '../../../analytics/index.ts';
import { waitingListAge, waits } from '../../../analytics/waits.ts';
import { periodLabel, useFigure, WHOLE_AREA } from '../../../app/figures.ts';

export interface WaitsFigure {
  readonly periodLabel: string;
  /** The last day of the period (yyyy-mm-dd): the day the waiting list is counted. */
  readonly asOf: string;
  readonly cells: readonly WaitsCell[];
  readonly waitingList: readonly WaitingListBand[];
}

/** The last day of a yyyy-mm month, as yyyy-mm-dd (UTC, so no time zone moves it). */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function useWaits() {
  return useFigure<WaitsFigure>('demand-waits', async ({ run, filters, period, settings }) => {
    const [cells, waitingList] = await Promise.all([
      waits(run, filters, period, settings),
      waitingListAge(run, filters, period, settings),
    ]);
    return { periodLabel: periodLabel(period), asOf: lastDayOf(period.to), cells, waitingList };
  }, { sections: ['demand-waits'], overrides: WHOLE_AREA });
}
