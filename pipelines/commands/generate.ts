// `generate`: write the four contract CSVs of a synthetic area, the same bytes for the same options.
import { mkdir } from 'node:fs/promises';
import { CliError, numberFlag, parseArgs } from '../cli-error.ts';
import { DEFAULTS } from '../generator/parameters.ts';
import { fileSinks, generateDataset, resolveOptions, type GenerateSummary } from '../generator/index.ts';

export const usage = `generate --seed N --out DIR [--schools ${DEFAULTS.schools}] [--years ${DEFAULTS.years}] `
  + `[--referrals-per-year ${DEFAULTS.referralsPerYear}] [--end-month ${DEFAULTS.endMonth}]`;

const FLAGS = new Set(['seed', 'out', 'schools', 'years', 'referrals-per-year', 'end-month']);

function describe(summary: GenerateSummary, out: string): string {
  const p = summary.planted;
  const school = (s: { urn: string; name: string }) => `${s.urn} ${s.name}`;
  return [
    `wrote ${out}: ${summary.firstMonth} to ${summary.endMonth}`,
    ...Object.entries(summary.rows).map(([table, n]) => `  ${table}.csv: ${n} rows`),
    'planted patterns:',
    `  low OT access: ${p.lowOtAccess.schoolType} schools, OT rate x${p.lowOtAccess.otMultiplier}`,
    `  early-years SLT step: x${p.earlyYearsSltStep.factor} from ${p.earlyYearsSltStep.fromMonth}`,
    `  high SLT outlier: ${school(p.highSltOutlier)} (x${p.highSltOutlier.multiplier})`,
    `  low SLT outlier: ${school(p.lowSltOutlier)} (x${p.lowSltOutlier.multiplier})`,
    `  ${p.programmeAdopter.programme} from ${p.programmeAdopter.fromMonth}: ${school(p.programmeAdopter)} (SLT x${p.programmeAdopter.sltFactor})`,
  ].join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  if (positional.length > 0) throw new CliError(`unexpected argument '${positional[0]}' (usage: ${usage})`, 2);
  const unknown = [...flags.keys()].filter((f) => !FLAGS.has(f));
  if (unknown.length > 0) throw new CliError(`unknown option --${unknown[0]} (usage: ${usage})`, 2);
  const out = flags.get('out');
  if (!flags.has('seed')) throw new CliError(`--seed is required (usage: ${usage})`, 2);
  if (!out || out === 'true') throw new CliError(`--out DIR is required (usage: ${usage})`, 2);
  let options;
  try {
    options = resolveOptions({
      seed: numberFlag(flags, 'seed', 0),
      schools: numberFlag(flags, 'schools', DEFAULTS.schools),
      years: numberFlag(flags, 'years', DEFAULTS.years),
      referralsPerYear: numberFlag(flags, 'referrals-per-year', DEFAULTS.referralsPerYear),
      endMonth: flags.get('end-month') ?? DEFAULTS.endMonth,
    });
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(`--${error.message}`, 2);
    throw error;
  }
  await mkdir(out, { recursive: true });
  const large = options.referralsPerYear * options.years > 200_000;
  const summary = await generateDataset(options, fileSinks(out), {
    onReferralMonth: large ? (month) => { if (month.endsWith('-12')) process.stderr.write(`referrals: ${month} done\n`); } : undefined,
  });
  process.stdout.write(`${describe(summary, out)}\n`);
  return 0;
}
