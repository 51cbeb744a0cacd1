// What the user has set up on the Data view but not loaded yet — the files chosen, the date floor, whether to keep
// the files on this device — held for the whole visit (not in the view), so leaving the Data view and coming back
// keeps them. In memory only: a reload starts afresh.
import { createMemoryStore } from '../../app/memory-store.ts';
import { DEFAULT_DATE_FLOOR } from '../../contract/sql-checks.ts';

export interface DataChoices {
  readonly files: readonly File[];
  /** The earliest plausible date (yyyy-mm-dd): any date before it is refused as a slip. */
  readonly dateFloor: string;
  /** Keep the files on this device for the next visit. */
  readonly keep: boolean;
}

const choices = createMemoryStore<DataChoices>({ files: [], dateFloor: DEFAULT_DATE_FLOOR, keep: true });

export function setDataChoices(change: Partial<DataChoices>): void {
  choices.set({ ...choices.get(), ...change });
}

export const getDataChoices: () => DataChoices = choices.get;
export const useDataChoices: () => DataChoices = choices.use;
