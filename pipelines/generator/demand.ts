// The expected number of referrals in each month for each school × service × year group: the age profile, the
// school's multiplier, the season, and the planted early-years step and programme effect. Referral counts are
// drawn in proportion to it (referrals.ts), so only its shape matters; --referrals-per-year sets the total.
import { SERVICES, YEAR_GROUPS, agePhaseOfYearGroup, type Service } from '../../src/contract/index.ts';
import { calendarMonth } from './calendar.ts';
import { BASE_RATE, DEFAULTS, PLANTED, REFERRAL_SEASON } from './parameters.ts';
import type { School } from './schools.ts';

export interface DemandCell {
  readonly school: School;
  readonly service: Service;
  /** Index into YEAR_GROUPS. */
  readonly yearGroup: number;
  /** Expected referrals in an average month, before season and planted changes (relative units). */
  readonly monthly: number;
  readonly earlyYears: boolean;
}

export interface Period {
  readonly first: number;
  readonly end: number;
  /** First month of the early-years SLT step and of the adopter's programme. */
  readonly stepMonth: number;
  readonly programmeMonth: number;
}

const SEASON_MEAN = REFERRAL_SEASON.reduce((s, x) => s + x, 0) / 12;
/** Referral seasonality normalised to a mean of 1 over the year. */
export const seasonFactor = (monthIndex: number): number => (REFERRAL_SEASON[calendarMonth(monthIndex)] ?? 1) / SEASON_MEAN;

export function demandCells(schools: readonly School[]): DemandCell[] {
  const cells: DemandCell[] = [];
  for (const school of schools) {
    for (const service of SERVICES) {
      school.rolls.forEach((roll, yearGroup) => {
        if (roll <= 0) return;
        const rate = (BASE_RATE[service][yearGroup] ?? 0) / 1000 / 12;
        const earlyYears = agePhaseOfYearGroup(YEAR_GROUPS[yearGroup] ?? 'R') === 'early_years';
        cells.push({ school, service, yearGroup, monthly: rate * roll * school.effect[service], earlyYears });
      });
    }
  }
  return cells;
}

export function cellWeight(cell: DemandCell, monthIndex: number, period: Period): number {
  let weight = cell.monthly * seasonFactor(monthIndex);
  if (cell.service === 'SLT' && cell.earlyYears && monthIndex >= period.stepMonth) weight *= PLANTED.earlyYearsSltStep.factor;
  if (cell.service === 'SLT' && cell.school.role === 'programme_adopter' && monthIndex >= period.programmeMonth) {
    weight *= PLANTED.programmeAdopter.sltFactor;
  }
  return weight;
}

/** Total weight of each month of the period. */
export function monthWeights(cells: readonly DemandCell[], period: Period): Float64Array {
  const weights = new Float64Array(period.end - period.first + 1);
  for (let m = period.first; m <= period.end; m++) {
    let total = 0;
    for (const cell of cells) total += cellWeight(cell, m, period);
    weights[m - period.first] = total;
  }
  return weights;
}

/** Expected referrals a year for each school and service at the default area volume (sizes provision). */
export function expectedAnnualAtDefault(cells: readonly DemandCell[], period: Period, weights: Float64Array): Map<School, Record<Service, number>> {
  const months = period.end - period.first + 1;
  const total = weights.reduce((s, w) => s + w, 0);
  const scale = (DEFAULTS.referralsPerYear * months) / 12 / total;
  const result = new Map<School, Record<Service, number>>();
  for (const cell of cells) {
    const entry = result.get(cell.school) ?? { SLT: 0, OT: 0 };
    entry[cell.service] += cell.monthly * 12 * scale;
    result.set(cell.school, entry);
  }
  return result;
}
