// Which disclosure mode the page is in (METHODS §7): "shareable" unless the analyst who owns the data chooses
// "exact" on this page. Kept in memory only — never in the URL, never in storage — so a shared link, a bookmark
// and a reload always open in shareable mode.
import { DEFAULT_DISCLOSURE_MODE, type DisclosureMode } from '../disclosure/index.ts';
import { createMemoryStore } from './memory-store.ts';

const mode = createMemoryStore<DisclosureMode>(DEFAULT_DISCLOSURE_MODE);

export const setDisclosureMode: (next: DisclosureMode) => void = mode.set;
export const getDisclosureMode: () => DisclosureMode = mode.get;
export const useDisclosureMode: () => DisclosureMode = mode.use;
