// The figures the app shows and the `report` command prints: named queries (src/queries) → the disclosure gate
// (src/disclosure: every count sealed as a Cell, read only as its published value) → statistics (src/stats), for
// every figure. Each figure leaves this layer as a Published<T>, which only the gate constructs.
import type { CountQuery, Published } from '../disclosure/index.ts';
import { contextSection } from '../context/report.ts';
import { DEFAULT_PREVALENCE, type PrevalenceAssumptions } from '../stats/index.ts';
import { resolvePeriod, type Filters, type Period } from './filters.ts';
import { funnel } from './funnel.ts';
import { programmeImpact } from './programme.ts';
import { provisionBySchool, provisionByType, provisionByTypeQuery, provisionRows, provisionSchools } from './provision.ts';
import { ratesByTypePhase } from './rates.ts';
import { checkSettings, type AnalyticsSettings } from './settings.ts';
import { EXACT_MARK } from '../disclosure/index.ts';
import { spcSeries } from './spc.ts';
import { waitingListAge, waits } from './waits.ts';
import { capacityAnswerRecord, DEFAULT_PLAN_SETTINGS, DEFAULT_SCENARIO, planService } from './scenarios.ts';
import { DEFAULT_CAPACITY, workforcePlans, type CapacityAssumptions } from './workforce.ts';

export * from './filters.ts';
export * from './settings.ts';
export type { RateCell } from './rates.ts';
export type { FunnelSeries, FunnelPoint, FunnelLimitPoint } from './funnel.ts';
export type { SpcSeries, SpcPoint } from './spc.ts';
export type { WaitsCell, WaitingListBand } from './waits.ts';
export type { ProvisionSchool, ProvisionByType } from './provision.ts';
export type { ProgrammeImpact } from './programme.ts';
export type { WorkforcePlan, CapacityAssumptions } from './workforce.ts';
export { DEFAULT_CAPACITY } from './workforce.ts';
export { ratesByTypePhase, funnel, provisionBySchool, provisionByTypeQuery, programmeImpact, spcSeries, waits, waitingListAge, workforcePlans };

export async function periodOf(run: CountQuery, filters: Filters): Promise<Period> {
  const [extent] = await run('period', []);
  if (!extent) throw new Error('The period query returned no row.');
  return resolvePeriod(filters, extent);
}

export interface ReportOptions {
  settings: AnalyticsSettings;
  prevalence?: PrevalenceAssumptions;
  capacity?: CapacityAssumptions;
  /** One school's own figures (its SPC series and waits) beside the area's. */
  schoolUrn?: string | null;
}

/** Every figure, with stable keys: scripts depend on them (documented in README.md). */
export async function buildReport(run: CountQuery, filters: Filters, options: ReportOptions) {
  const settings = checkSettings(options.settings);
  const period = await periodOf(run, filters);
  const schoolUrn = options.schoolUrn ?? null;
  const provision = await provisionRows(run, filters, period);
  const waitingList = await waitingListAge(run, filters, period, settings);
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const forecast = await workforcePlans(run, filters, period, settings, capacity);
  // The Demand view's one capacity answer at its defaults (and the report's target wait).
  const planSettings = { ...DEFAULT_PLAN_SETTINGS, targetWeeks: capacity.targetWaitWeeks, productiveHoursPerFte: capacity.productiveHoursPerFte };
  return {
    meta: {
      period, filters, settings,
      school: schoolUrn,
      rates_unit: 'referrals per 1,000 pupils per year',
      disclosure: settings.disclosure === 'exact'
        ? `${EXACT_MARK}: true counts, nothing perturbed or hidden`
        : `cell-key perturbation (METHODS: disclosure control): each count of children is published as its true value plus a small change set by the cell's key (−2 to +2, never below ${settings.suppressionThreshold}); counts 1–${settings.suppressionThreshold - 1} shown as "c", a true 0 as 0; rates, intervals, comparisons and waits are worked out from the published counts, so totals need not equal the sum of their parts`,
    },
    rates_by_type_phase: await ratesByTypePhase(run, filters, period, settings),
    funnel: await funnel(run, filters, period, settings),
    spc: await spcSeries(run, filters, period, settings, schoolUrn),
    waits: await waits(run, filters, period, settings, schoolUrn),
    waiting_list: waitingList,
    provision: provisionSchools(provision, settings, options.prevalence ?? DEFAULT_PREVALENCE),
    provision_by_type: provisionByType(provision, settings),
    programme_impact: await programmeImpact(run, filters, settings),
    forecast,
    capacity_plan: forecast.flatMap((w) => {
      const planned = planService(w, waitingList, planSettings, DEFAULT_SCENARIO);
      return planned ? [capacityAnswerRecord(planned)] : [];
    }),
    context: await contextSection(run, filters, options),
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;
export type { Published };
