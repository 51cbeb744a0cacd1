// Before/after referral rates of each school that adopted a universal programme, against comparison schools
// (difference in differences on the rate-ratio scale), with a verdict in words. The windows are set around each
// adoption month (settings.programmeWindowMonths), not by the period filter.
import type { ProgrammeImpact } from '../../../analytics/index.ts';
import { programmeImpact } from '../../../analytics/programme.ts';
import { useFigure, WHOLE_AREA } from '../../../app/figures.ts';

export interface ProgrammeImpactFigure { readonly windowMonths: number; readonly impacts: ProgrammeImpact[] }

export function useProgrammeImpact() {
  return useFigure<ProgrammeImpactFigure>('equity/programme-impact', async ({ run, filters, settings }) => ({
    windowMonths: settings.programmeWindowMonths, impacts: await programmeImpact(run, filters, settings),
  }), { sections: ['equity-programmes'], overrides: WHOLE_AREA });
}
