// `report DIR`: the dashboard's figures, from the same .sql files and the same statistics, through the same
// disclosure gate (shareable by default: cell-key perturbation, 1–4 as "c"; `--exact` for the data's owner, marked
// on every line of output as not for sharing), as JSON (default) or CSV. Keys are stable; README.md documents them.
import Papa from 'papaparse';
import { buildReport, DEFAULT_SETTINGS, NO_FILTERS, type Filters, type Report } from '../../src/analytics/index.ts';
import { AGE_PHASES, SCHOOL_TYPES, SERVICES } from '../../src/contract/index.ts';
import { countQuery, EXACT_MARK } from '../../src/disclosure/index.ts';
import { contextCsvSections } from '../../src/context/report.ts';
import { createQueryRunner } from '../../src/queries/index.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import { CliError, numberFlag, parseArgs } from '../cli-error.ts';
import { dateFloorFlag, rejectUnknownFlags, todayFlag } from '../csv/command-options.ts';
import { engineFlag } from '../engine.ts';
import { loadDirectory } from '../load-dir.ts';

export const usage = 'report DIR [--format json|csv] [--service SLT|OT] [--school URN] [--from yyyy-mm] [--to yyyy-mm] '
  + '[--locality NAME] [--type SCHOOL_TYPE] [--phase AGE_PHASE] [--threshold N] [--no-screening] [--raw-spc] [--exact] '
  + '[--today yyyy-mm-dd] [--date-floor yyyy-mm-dd] [--engine native|wasm]  (DIR is checked as `validate` checks it: any problem and nothing is reported)';
const FLAGS = ['format', 'service', 'school', 'from', 'to', 'locality', 'type', 'phase', 'threshold', 'no-screening', 'raw-spc', 'exact', 'today', 'date-floor', 'engine'];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | null {
  if (value === undefined) return null;
  if (!allowed.includes(value as T)) throw new CliError(`--${flag} must be one of ${allowed.join(', ')} (got ${value})`, 2);
  return value as T;
}

function month(value: string | undefined, flag: string): string | null {
  if (value === undefined) return null;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new CliError(`--${flag} must be a month as yyyy-mm (got ${value})`, 2);
  return value;
}

/** Flattens each section to rows, so CSV output is one block per section: a `# section` line, then a table. */
export function reportAsCsv(report: Report): string {
  const sections: [string, object[]][] = [
    ['rates_by_type_phase', report.rates_by_type_phase],
    ['funnel', report.funnel.flatMap((f) => f.points.map((p) => ({ service: f.service, area_rate: f.areaRate, ...p })))],
    ['spc', report.spc.flatMap((s) => s.points.map((p) => ({
      service: s.service, group_kind: s.group_kind, group_value: s.group_value, series: s.series, mean: s.mean,
      upper_process_limit: s.upperProcessLimit, lower_process_limit: s.lowerProcessLimit, trial: s.trial,
      too_few_for_spc: s.tooFewForSpc, ...p,
    })))],
    ['waits', report.waits],
    ['waiting_list', report.waiting_list],
    ['provision', report.provision],
    ['provision_by_type', report.provision_by_type],
    ['programme_impact', report.programme_impact],
    ['forecast', report.forecast.flatMap((f) => f.forecast.map((p) => ({ service: f.service, method: f.forecastMethod, ...p })))],
    ['capacity_plan', report.capacity_plan],
    ...contextCsvSections(report.context),
  ];
  const mark = report.meta.settings.disclosure === 'exact' ? `# ${EXACT_MARK}\n` : '';
  return mark + sections.map(([name, rows]) => `# ${name}\n${Papa.unparse(rows, { escapeFormulae: true, newline: '\n' })}\n`).join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['exact', 'no-screening', 'raw-spc']);
  rejectUnknownFlags(flags, FLAGS, usage);
  const dir = positional[0];
  if (!dir || positional.length > 1) throw new CliError(`usage: ${usage}`, 2);
  const format = flags.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new CliError('--format must be json or csv', 2);
  const filters: Filters = {
    ...NO_FILTERS,
    service: oneOf(flags.get('service'), SERVICES, 'service'),
    from: month(flags.get('from'), 'from'),
    to: month(flags.get('to'), 'to'),
    locality: flags.get('locality') ?? null,
    schoolType: oneOf(flags.get('type'), SCHOOL_TYPES, 'type'),
    agePhase: oneOf(flags.get('phase'), AGE_PHASES, 'phase'),
  };
  const settings = {
    ...DEFAULT_SETTINGS,
    suppressionThreshold: numberFlag(flags, 'threshold', DEFAULT_SETTINGS.suppressionThreshold),
    spcScreening: !flags.has('no-screening'),
    spcSeries: flags.has('raw-spc') ? 'raw' as const : DEFAULT_SETTINGS.spcSeries,
    disclosure: flags.has('exact') ? 'exact' as const : DEFAULT_SETTINGS.disclosure,
  };
  if (settings.suppressionThreshold < 3) throw new CliError('--threshold can never be below 3', 2);
  process.stderr.write(`loading ${dir} into DuckDB…\n`);
  const { db } = await loadDirectory(dir, { today: todayFlag(flags), dateFloor: dateFloorFlag(flags) }, engineFlag(flags));
  try {
    const runQuery = countQuery(createQueryRunner((sql, params) => db.query(sql, params), diskSql));
    const report = await buildReport(runQuery, filters, { settings, schoolUrn: flags.get('school') ?? null });
    if (settings.disclosure === 'exact') process.stderr.write(`${EXACT_MARK}\n`);
    process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportAsCsv(report));
    return 0;
  } finally {
    await db.close();
  }
}
