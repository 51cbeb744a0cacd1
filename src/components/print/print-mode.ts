// The board paper's print mode: every chart drawn, every data table and folded explanation shown, controls
// hidden. On while the user prints (from the "Download board paper (PDF)" button, or the browser's own Print),
// and always in the print view (`&print=1` in the address, which shows the board paper on screen).
import { useSyncExternalStore } from 'react';

let printing = false;
const listeners = new Set<() => void>();
const emit = () => { for (const l of listeners) l(); };

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const isPrintView = () => new URLSearchParams(window.location.search).get('print') === '1';
const get = () => printing || isPrintView();

export function setPrintMode(on: boolean): void {
  if (printing === on) return;
  printing = on;
  document.documentElement.classList.toggle('print-mode', get());
  emit();
}

export function usePrintMode(): boolean {
  return useSyncExternalStore(subscribe, get);
}

/** Opens every <details> in `root` for printing; returns a function that closes again the ones it opened. */
export function openAllDetails(root: ParentNode = document): () => void {
  const opened = [...root.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
  for (const d of opened) d.open = true;
  return () => { for (const d of opened) d.open = false; };
}

/**
 * Resolves once the page is ready to print: no figure still loading, every chart drawn (a placeholder is a chart
 * not drawn yet), for `quiet` ms in a row; or after `timeout` ms, whatever the state.
 */
export function whenReadyToPrint(quiet = 600, timeout = 60_000): Promise<void> {
  const started = Date.now();
  let calmSince = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const busy = document.querySelector('.app-progress, .chart-figure__placeholder') !== null;
      const now = Date.now();
      if (busy) calmSince = 0;
      else if (!calmSince) calmSince = now;
      if ((calmSince && now - calmSince >= quiet) || now - started > timeout) resolve();
      else window.setTimeout(tick, 100);
    };
    tick();
  });
}
