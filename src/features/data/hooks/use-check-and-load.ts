// The one action of the Data view: read the chosen files and hand them to the session, which checks them against
// the contract and loads them in DuckDB's worker only if every one passes. A TanStack mutation holds the pending
// state, the result and the error; the progress (step and rows, from the worker) is the only state kept by hand.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useLoadUserFiles } from '../../../app/database-context.tsx';
import type { ReadyData } from '../../../app/data-session.ts';
import type { LoadProgress } from '../../../db/load-tables.ts';
import { filesByName, refusalReport, type ChosenFile, type ValidationResult } from '../validate-files.ts';

export type CheckOutcome =
  | { readonly kind: 'invalid'; readonly result: ValidationResult; readonly checkedMs: number }
  | { readonly kind: 'loaded'; readonly result: ValidationResult; readonly checkedMs: number; readonly data: ReadyData };

export interface CheckPhase {
  readonly progress: LoadProgress | null;
  readonly fileCount: number;
}

// The Files themselves, not their bytes: DuckDB reads each in its worker a slice at a time, so a 200 MB upload is
// never copied whole into the page (nor a second time into the worker).
const chosenFiles = (files: readonly File[]): ChosenFile[] => files.map((file) => ({ name: file.name, data: file }));

export interface CheckRequest {
  readonly files: readonly File[];
  /** The earliest plausible date (yyyy-mm-dd). */
  readonly dateFloor: string;
  /** Keep the files on this device for the next visit. */
  readonly keep: boolean;
}

export function useCheckAndLoad() {
  const loadUserFiles = useLoadUserFiles();
  const [phase, setPhase] = useState<CheckPhase | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ files, dateFloor, keep }: CheckRequest): Promise<CheckOutcome> => {
      try {
        const chosen = chosenFiles(files);
        setPhase({ progress: null, fileCount: chosen.length });
        const started = performance.now();
        const measure = () => {
          const checkedMs = performance.now() - started;
          // Named like the session's marks (tee:*), so tests and profiles can read how long the check took.
          performance.measure('tee:check-files', { start: started, duration: checkedMs });
          return checkedMs;
        };
        try {
          const data = await loadUserFiles(filesByName(chosen), {
            dateFloor, keep, onProgress: (progress) => setPhase({ progress, fileCount: chosen.length }),
          });
          return { kind: 'loaded', result: data.loaded.report, checkedMs: measure(), data };
        } catch (error) {
          const result = refusalReport(error);
          if (!result) throw error;
          return { kind: 'invalid', result, checkedMs: measure() };
        }
      } finally {
        setPhase(null);
      }
    },
  });
  return { ...mutation, phase };
}
