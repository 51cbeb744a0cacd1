// What the user has set up on the Data view but not loaded yet — the files chosen, the date floor, whether to keep
// the files on this device — held for the whole visit (not in the view), so leaving the Data view and coming back
// keeps them. In memory only: a reload starts afresh. No React beyond the hook.
import { useSyncExternalStore } from 'react';
import { DEFAULT_DATE_FLOOR } from '../../contract/sql-checks.ts';

export interface DataChoices {
  readonly files: readonly File[];
  /** The earliest plausible date (yyyy-mm-dd): any date before it is refused as a slip. */
  readonly dateFloor: string;
  /** Keep the files on this device for the next visit. */
  readonly keep: boolean;
}

const INITIAL_CHOICES: DataChoices = { files: [], dateFloor: DEFAULT_DATE_FLOOR, keep: true };

let choices: DataChoices = INITIAL_CHOICES;
const listeners = new Set<() => void>();

export function setDataChoices(change: Partial<DataChoices>): void {
  choices = { ...choices, ...change };
  for (const listener of listeners) listener();
}

export const getDataChoices = (): DataChoices => choices;

export function useDataChoices(): DataChoices {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getDataChoices);
}
