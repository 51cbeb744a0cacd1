// generateDataset: the whole synthetic area, written table by table to sinks (files, or memory in tests).
// Deterministic: the output depends only on the options, never on the clock or Math.random.
import { TABLES, type TableName, type TableSpec } from '../../src/contract/index.ts';
import { formatMonth, parseMonth } from './calendar.ts';
import { CsvWriter, type SinkFactory } from './csv.ts';
import { demandCells, expectedAnnualAtDefault, monthWeights, type Period } from './demand.ts';
import { DEFAULTS, LIMITS, PLANTED, TYPE_MULTIPLIER, plantedOffsets } from './parameters.ts';
import { provisionLines, writeProvision } from './provision.ts';
import { writeReferrals } from './referrals.ts';
import { buildSchools, schoolRecord, type School } from './schools.ts';
import { writeWorkforce } from './workforce.ts';

export { fileSinks, memorySinks, type SinkFactory, type TextSink } from './csv.ts';

export interface GenerateOptions {
  readonly seed: number;
  readonly schools: number;
  readonly years: number;
  readonly referralsPerYear: number;
  /** Last month of the history, yyyy-mm. */
  readonly endMonth: string;
}

export interface PlantedSchool {
  readonly urn: string;
  readonly name: string;
  readonly pupilsOnRoll: number;
}

export interface GenerateSummary {
  readonly options: GenerateOptions;
  readonly firstMonth: string;
  readonly endMonth: string;
  readonly rows: Record<TableName, number>;
  readonly planted: {
    readonly lowOtAccess: { readonly schoolType: string; readonly otMultiplier: number; readonly schools: PlantedSchool[] };
    readonly earlyYearsSltStep: { readonly factor: number; readonly fromMonth: string };
    readonly highSltOutlier: PlantedSchool & { readonly multiplier: number };
    readonly lowSltOutlier: PlantedSchool & { readonly multiplier: number };
    readonly programmeAdopter: PlantedSchool & { readonly programme: string; readonly fromMonth: string; readonly sltFactor: number };
  };
}

/** Options with defaults filled in; throws RangeError naming the option when one is out of range. */
export function resolveOptions(partial: Partial<GenerateOptions> & { seed: number }): GenerateOptions {
  const options: GenerateOptions = {
    seed: partial.seed,
    schools: partial.schools ?? DEFAULTS.schools,
    years: partial.years ?? DEFAULTS.years,
    referralsPerYear: partial.referralsPerYear ?? DEFAULTS.referralsPerYear,
    endMonth: partial.endMonth ?? DEFAULTS.endMonth,
  };
  const whole = (name: string, value: number, [min, max]: readonly [number, number]) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${name} must be a whole number from ${min} to ${max} (got ${value})`);
    }
  };
  whole('seed', options.seed, [0, 4_294_967_295]);
  whole('schools', options.schools, LIMITS.schools);
  whole('years', options.years, LIMITS.years);
  whole('referrals-per-year', options.referralsPerYear, LIMITS.referralsPerYear);
  const end = parseMonth(options.endMonth);
  if (end === null || end < 2000 * 12 || end > 2100 * 12) throw new RangeError(`end-month must be yyyy-mm between 2000 and 2099 (got ${options.endMonth})`);
  return options;
}

function periodOf(options: GenerateOptions): Period {
  const end = parseMonth(options.endMonth) ?? 0;
  const months = options.years * 12;
  const offsets = plantedOffsets(months);
  return { first: end - months + 1, end, stepMonth: end - offsets.step, programmeMonth: end - offsets.programme };
}

const planted = (s: School | undefined): PlantedSchool =>
  ({ urn: s?.urn ?? '', name: s?.name ?? '', pupilsOnRoll: s?.pupilsOnRoll ?? 0 });

function summarise(options: GenerateOptions, period: Period, schools: School[], rows: Record<TableName, number>): GenerateSummary {
  const role = (r: School['role']) => planted(schools.find((s) => s.role === r));
  return {
    options,
    firstMonth: formatMonth(period.first),
    endMonth: formatMonth(period.end),
    rows,
    planted: {
      lowOtAccess: {
        schoolType: PLANTED.lowOtAccessType,
        otMultiplier: TYPE_MULTIPLIER[PLANTED.lowOtAccessType].OT,
        schools: schools.filter((s) => s.type === PLANTED.lowOtAccessType).map(planted),
      },
      earlyYearsSltStep: { factor: PLANTED.earlyYearsSltStep.factor, fromMonth: formatMonth(period.stepMonth) },
      highSltOutlier: { ...role('high_slt_outlier'), multiplier: PLANTED.highSltOutlier.multiplier },
      lowSltOutlier: { ...role('low_slt_outlier'), multiplier: PLANTED.lowSltOutlier.multiplier },
      programmeAdopter: {
        ...role('programme_adopter'),
        programme: PLANTED.programmeAdopter.programme,
        fromMonth: formatMonth(period.programmeMonth),
        sltFactor: PLANTED.programmeAdopter.sltFactor,
      },
    },
  };
}

export interface GenerateHooks {
  /** Called after each month of referrals (progress for long runs). */
  readonly onReferralMonth?: (month: string) => void;
}

export async function generateDataset(options: GenerateOptions, openSink: SinkFactory, hooks: GenerateHooks = {}): Promise<GenerateSummary> {
  const period = periodOf(options);
  const schools = buildSchools(options.seed, options.schools);
  const cells = demandCells(schools);
  const weights = monthWeights(cells, period);
  const rows = {} as Record<TableName, number>;
  const table = async (spec: TableSpec, fill: (writer: CsvWriter) => Promise<void>) => {
    const writer = new CsvWriter(spec, openSink(spec));
    await fill(writer);
    await writer.close();
    rows[spec.name] = writer.rows;
  };
  await table(TABLES.schools, async (w) => {
    for (const s of schools) await w.write(schoolRecord(s));
  });
  await table(TABLES.referrals, (w) => writeReferrals({
    seed: options.seed, cells, period, monthWeights: weights, total: options.referralsPerYear * options.years,
    onMonth: hooks.onReferralMonth ? (m) => hooks.onReferralMonth?.(formatMonth(m)) : undefined,
  }, w));
  const lines = provisionLines(schools, expectedAnnualAtDefault(cells, period, weights), period);
  await table(TABLES.provision, (w) => writeProvision(options.seed, lines, period, w));
  await table(TABLES.workforce, (w) => writeWorkforce(options.seed, period, w));
  return summarise(options, period, schools, rows);
}
