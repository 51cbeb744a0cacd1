// Therapy sessions and therapist hours per 100 pupils a year by service × school type (METHODS §8).
import type { Period, ProvisionByType } from '../../../analytics/index.ts';
import { provisionByTypeQuery } from '../../../analytics/provision.ts';
import { useFigure, WHOLE_AREA } from '../../../app/figures.ts';

export interface ProvisionByTypeFigure { readonly period: Period; readonly rows: ProvisionByType[] }

export function useProvisionByType() {
  return useFigure<ProvisionByTypeFigure>('equity/provision-by-type', async ({ run, filters, period, settings }) => ({
    period, rows: await provisionByTypeQuery(run, filters, period, settings),
  }), { sections: ['equity-provision'], overrides: WHOLE_AREA });
}
