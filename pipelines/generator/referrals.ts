// Referral rows, streamed one month at a time so a million rows never sit in memory: the period's total is split
// over months and, within a month, over school × service × year group, each in proportion to the demand model
// (an exact multinomial draw, so --referrals-per-year × --years rows come out). Each referral then gets its
// child, source, triage outcome, wait and discharge.
import { REFERRAL_SOURCES, YEAR_GROUPS, type Service } from '../../src/contract/index.ts';
import {
  academicYear, academicYearStartDay, isoDate, lastDayOfMonth, nextWorkingDay, workingDaysOfMonth,
} from './calendar.ts';
import type { CsvRecord, CsvWriter } from './csv.ts';
import { cellWeight, type DemandCell, type Period } from './demand.ts';
import {
  AGE_ONLY_SHARE, EPISODE_DAYS, OUTCOME_WEIGHTS, REFERRABLE_POOL_SHARE, REFERRED_EHCP, SOURCES_BY_PHASE, TRIAGE_DAYS,
  WAIT_DAYS,
} from './parameters.ts';
import { Random, hash32, hex8, permute32, searchCumulative } from './random.ts';
import { YG } from './rolls.ts';

const OUTCOMES_TRIAGED = ['accepted', 'signposted', 'declined'] as const;

function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) out[i] = total += weights[i] ?? 0;
  return out;
}

/** Multinomial counts: `total` draws over categories with the given weights. */
function multinomial(rng: Random, weights: ArrayLike<number>, total: number): Int32Array {
  const cum = cumulative(weights);
  const sum = cum[cum.length - 1] ?? 0;
  const counts = new Int32Array(weights.length);
  for (let i = 0; i < total; i++) {
    const k = searchCumulative(cum, rng.next() * sum);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

interface ReferralContext {
  readonly rng: Random;
  readonly key: number;
  readonly endDay: number;
  counter: number;
}

function sourceWeights(yearGroup: number, isCollege: boolean): readonly number[] {
  if (isCollege || yearGroup >= YG.Y12) return SOURCES_BY_PHASE.post16;
  if (yearGroup <= YG.N2) return SOURCES_BY_PHASE.nursery;
  if (yearGroup === YG.R) return SOURCES_BY_PHASE.early_years;
  return yearGroup <= YG.Y6 ? SOURCES_BY_PHASE.primary : SOURCES_BY_PHASE.secondary;
}

/** The child: a keyed pseudonym of (school, entry cohort, place in the referrable pool), so the same child keeps
 * one pseudonym, moves up a year group each September and can be referred again. */
function child(ctx: ReferralContext, cell: DemandCell, monthIndex: number): { id: string; ehcp: boolean } {
  const roll = cell.school.rolls[cell.yearGroup] ?? 1;
  const place = ctx.rng.int(0, Math.max(1, Math.ceil(roll * REFERRABLE_POOL_SHARE)) - 1);
  const cohort = academicYear(monthIndex) - (cell.yearGroup - YG.R);
  const h1 = hash32(ctx.key, cell.school.index, cohort, place);
  const h2 = hash32(ctx.key ^ 0x5bd1e995, cell.school.index, cohort, place);
  const ehcp = hash32(h1, h2, 7) / 4294967296 < REFERRED_EHCP[cell.school.type];
  return { id: `P${hex8(h1)}${hex8(h2).slice(0, 4)}`, ehcp };
}

/** Whole years at referral: age 4 on 1 September of reception, birthdays spread over the school year. */
function ageAt(ctx: ReferralContext, yearGroup: number, day: number, monthIndex: number): number {
  const elapsed = (day - academicYearStartDay(monthIndex)) / 365;
  return yearGroup - YG.R + 4 + (ctx.rng.next() < elapsed ? 1 : 0);
}

function journey(ctx: ReferralContext, service: Service, day: number): Partial<CsvRecord> {
  const { rng, endDay } = ctx;
  const triage = TRIAGE_DAYS.minimum + Math.round(rng.exponential(TRIAGE_DAYS.meanExtra));
  if (day + triage > endDay) return { outcome: 'pending' };
  const outcome = OUTCOMES_TRIAGED[rng.weighted(OUTCOME_WEIGHTS[service])] ?? 'accepted';
  if (outcome !== 'accepted') return { outcome };
  const wait = Math.max(triage + 2, Math.round(rng.logNormal(WAIT_DAYS[service].median, WAIT_DAYS[service].sigma)));
  const contact = nextWorkingDay(day + wait);
  if (contact > endDay) return { outcome };
  const episode = EPISODE_DAYS[service];
  if (!rng.chance(episode.dischargedShare)) return { outcome, first_contact_date: isoDate(contact) };
  const discharge = nextWorkingDay(contact + Math.max(14, Math.round(rng.logNormal(episode.median, episode.sigma))));
  return { outcome, first_contact_date: isoDate(contact), discharge_date: discharge > endDay ? '' : isoDate(discharge) };
}

function referralRecord(ctx: ReferralContext, cell: DemandCell, day: number, monthIndex: number): CsvRecord {
  const { rng } = ctx;
  const pupil = child(ctx, cell, monthIndex);
  const ageOnly = rng.chance(AGE_ONLY_SHARE);
  const source = REFERRAL_SOURCES[rng.weighted(sourceWeights(cell.yearGroup, cell.school.type === 'college'))] ?? 'school';
  return {
    referral_id: `R${hex8(permute32(ctx.counter++, ctx.key))}`,
    pupil_pseudo_id: pupil.id,
    school_urn: cell.school.urn,
    service: cell.service,
    referral_date: isoDate(day),
    year_group: ageOnly ? '' : YEAR_GROUPS[cell.yearGroup] ?? '',
    age_at_referral: ageOnly ? String(ageAt(ctx, cell.yearGroup, day, monthIndex)) : '',
    referral_source: source,
    has_ehcp: pupil.ehcp ? 'true' : 'false',
    ...journey(ctx, cell.service, day),
  };
}

export interface ReferralRun {
  readonly seed: number;
  readonly cells: readonly DemandCell[];
  readonly period: Period;
  readonly monthWeights: Float64Array;
  readonly total: number;
  readonly onMonth?: (monthIndex: number) => void;
}

export async function writeReferrals(run: ReferralRun, writer: CsvWriter): Promise<void> {
  const { cells, period } = run;
  const rng = new Random(run.seed, 2);
  const ctx: ReferralContext = { rng, key: hash32(run.seed, 0x5eed), endDay: lastDayOfMonth(period.end), counter: 0 };
  const perMonth = multinomial(rng, run.monthWeights, run.total);
  const weights = new Float64Array(cells.length);
  for (let m = period.first; m <= period.end; m++) {
    cells.forEach((cell, i) => { weights[i] = cellWeight(cell, m, period); });
    const counts = multinomial(rng, weights, perMonth[m - period.first] ?? 0);
    const days = workingDaysOfMonth(m);
    const drawn: { cell: number; day: number }[] = [];
    counts.forEach((n, cell) => { for (let k = 0; k < n; k++) drawn.push({ cell, day: rng.pick(days) }); });
    drawn.sort((a, b) => a.day - b.day); // stable: equal days keep draw order
    for (const { cell, day } of drawn) {
      const flushed = writer.write(referralRecord(ctx, cells[cell] as DemandCell, day, m));
      if (flushed) await flushed;
    }
    run.onMonth?.(m);
  }
}
