// The one action of the Data view: read the chosen files, check them against the contract, and only if all are
// clean load their normalised CSVs in place of the current data set. A TanStack mutation holds the pending state,
// the result and the error; the progress of the check is the only state kept by hand.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useLoadUserFiles } from '../../../app/database-context.tsx';
import type { ReadyData } from '../../../app/data-session.ts';
import { validateFiles, type ChosenFile, type ValidationProgress, type ValidationResult } from '../validate-files.ts';

export type CheckOutcome =
  | { readonly kind: 'invalid'; readonly result: ValidationResult; readonly checkedMs: number }
  | { readonly kind: 'loaded'; readonly result: ValidationResult; readonly checkedMs: number; readonly data: ReadyData };

export type CheckPhase =
  | { readonly stage: 'reading' }
  | { readonly stage: 'checking'; readonly progress: ValidationProgress | null }
  | { readonly stage: 'loading' };

async function readChosen(files: readonly File[]): Promise<ChosenFile[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

export function useCheckAndLoad() {
  const loadUserFiles = useLoadUserFiles();
  const [phase, setPhase] = useState<CheckPhase | null>(null);
  const mutation = useMutation({
    mutationFn: async (files: readonly File[]): Promise<CheckOutcome> => {
      try {
        setPhase({ stage: 'reading' });
        const chosen = await readChosen(files);
        setPhase({ stage: 'checking', progress: null });
        const started = performance.now();
        const result = await validateFiles(chosen, { now: new Date(), onProgress: (progress) => setPhase({ stage: 'checking', progress }) });
        const checkedMs = performance.now() - started;
        // Named like the session's marks (tee:*), so tests and profiles can read how long the check took.
        performance.measure('tee:check-files', { start: started, duration: checkedMs });
        if (!result.ok || !result.normalised) return { kind: 'invalid', result, checkedMs };
        setPhase({ stage: 'loading' });
        const encoder = new TextEncoder();
        const bytes = Object.fromEntries(Object.entries(result.normalised).map(([name, text]) => [name, encoder.encode(text)]));
        const data = await loadUserFiles(bytes);
        return { kind: 'loaded', result, checkedMs, data };
      } finally {
        setPhase(null);
      }
    },
  });
  return { ...mutation, phase };
}
