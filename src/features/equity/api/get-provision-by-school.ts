// Each school's provision beside its need and the expected need from published prevalence (METHODS §10), with the
// unmet-need flag. The prevalence assumptions are the user's (editable), so they are part of the query key.
import type { Period, ProvisionSchool } from '../../../analytics/index.ts';
import { provisionBySchool } from '../../../analytics/provision.ts';
import { useFigure, WHOLE_AREA } from '../../../app/figures.ts';
import { DEFAULT_PREVALENCE, type PrevalenceAssumptions } from '../../../stats/expected-need.ts';

export interface ProvisionBySchoolFigure { readonly period: Period; readonly schools: ProvisionSchool[] }

export function useProvisionBySchool(prevalence: PrevalenceAssumptions = DEFAULT_PREVALENCE) {
  return useFigure<ProvisionBySchoolFigure>('equity/provision-by-school', async ({ run, filters, period, settings }) => ({
    period, schools: await provisionBySchool(run, filters, period, settings, prevalence),
  }), { key: { prevalence }, sections: ['equity-unmet-need', 'equity-programmes'], overrides: WHOLE_AREA });
}
