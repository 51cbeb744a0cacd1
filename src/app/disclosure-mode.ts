// Which disclosure mode the page is in (METHODS §7): "shareable" unless the analyst who owns the data chooses
// "exact" on this page. Kept in memory only — never in the URL, never in storage — so a shared link, a bookmark
// and a reload always open in shareable mode.
import { useSyncExternalStore } from 'react';
import { DEFAULT_DISCLOSURE_MODE, type DisclosureMode } from '../disclosure/index.ts';

let mode: DisclosureMode = DEFAULT_DISCLOSURE_MODE;
const listeners = new Set<() => void>();

export function setDisclosureMode(next: DisclosureMode): void {
  if (next === mode) return;
  mode = next;
  for (const listener of listeners) listener();
}

export const getDisclosureMode = (): DisclosureMode => mode;

export function useDisclosureMode(): DisclosureMode {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getDisclosureMode);
}
