// The capacity plan's assumptions and the what-if scenario, kept in the address bar so a scenario can be shared
// or bookmarked, in one parameter: ?plan=by:12,fteSLT:20,growth:5,schools:10 (absent = the default).
import type { PlanSettings, Scenario } from '../../../analytics/scenarios.ts';
import { useUrlParam } from '../../../app/url-state.ts';
import { CAPACITY_DEFAULTS } from '../../../stats/capacity.ts';
import { PLAN_DEFAULTS } from '../../../stats/capacity-plan.ts';

export interface PlanField {
  readonly param: string;
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly defaultValue: number;
  readonly hint: string;
  /** The field in an error message ("The target wait must be …") and the unit after a bound ("1 week"). */
  readonly noun: string;
  readonly errorUnit: (bound: number) => string;
}

const plural = (one: string) => (bound: number) => (bound === 1 || bound === -1 ? ` ${one}` : ` ${one}s`);
const percent = () => '%';

export const PLAN_FIELDS: readonly PlanField[] = [
  { param: 'target', noun: 'The target wait', errorUnit: plural('week'), label: 'Target wait', unit: 'weeks', min: 1, max: 104, defaultValue: CAPACITY_DEFAULTS.targetWeeks.value, hint: 'Default 18 weeks: the NHS referral-to-treatment standard, against which community children\'s SLT and OT waits are reported.' },
  { param: 'by', noun: 'The time to reach the target', errorUnit: plural('month'), label: 'Reach the target within', unit: 'months', min: 1, max: 24, defaultValue: PLAN_DEFAULTS.monthsToTarget.value, hint: 'Default 12 months: your chosen date.' },
  { param: 'hours', noun: 'Productive clinical hours per FTE', errorUnit: plural('hour'), label: 'Productive clinical hours per FTE', unit: 'hours a week', min: 1, max: 37.5, defaultValue: CAPACITY_DEFAULTS.productiveHoursPerFte.value, hint: `Default 22.5. ${CAPACITY_DEFAULTS.productiveHoursPerFte.source}` },
  { param: 'indirect', noun: 'The share of clinical time on indirect work', errorUnit: percent, label: 'Share of clinical time on indirect work', unit: '%', min: 0, max: 90, defaultValue: PLAN_DEFAULTS.indirectShare.value * 100, hint: `Default 40%. ${PLAN_DEFAULTS.indirectShare.source}` },
  { param: 'horizon', noun: 'Months to project', errorUnit: plural('month'), label: 'Months to project', unit: 'months', min: 12, max: 24, defaultValue: 24, hint: 'Between 12 and 24.' },
  { param: 'growth', noun: 'Referral growth', errorUnit: percent, label: 'Scenario: referral growth a year, beyond the forecast', unit: '%', min: -50, max: 100, defaultValue: 0, hint: 'Default 0%: the forecast as it is. Negative for a fall.' },
  { param: 'schools', noun: 'The extra share of referrals met in schools', errorUnit: percent, label: 'Scenario: extra share of referrals met by support in schools', unit: '%', min: 0, max: 90, defaultValue: 0, hint: 'Children whose needs are met in school (e.g. a targeted programme) without joining the waiting list. Default 0%.' },
];

/**
 * The GOV.UK error message for what was typed in a plan field, or null when it is valid (empty = the default).
 * A number out of range is told by the bound it breaks: "… must be 0 or more", "… must be 90 or less".
 */
export function planFieldError(field: PlanField, typed: string): string | null {
  const text = planFieldText(typed);
  if (text === '') return null;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) return `${field.noun} must be a number, like ${field.defaultValue}`;
  const value = Number(text);
  if (value < field.min) return `${field.noun} must be ${field.min}${field.errorUnit(field.min)} or more`;
  if (value > field.max) return `${field.noun} must be ${field.max}${field.errorUnit(field.max)} or less`;
  return null;
}

/** What was typed in a plan field, as checked: trimmed, without thousands separators. */
const planFieldText = (typed: string) => typed.trim().replace(/,/g, '');

/**
 * The value a valid plan field keeps in the address: undefined for empty or the default, else the number as
 * checked, written plainly ("5." → "5", ".5" → "0.5", "1,000" → "1000"), so the address reads back what was checked.
 */
export function planFieldValue(field: PlanField, typed: string): string | undefined {
  const text = planFieldText(typed);
  if (text === '' || Number(text) === field.defaultValue) return undefined;
  return String(Number(text));
}

export const fteParam = (service: string) => `fte${service}`;

const numberOr = (text: string | undefined, field: { min: number; max: number; defaultValue: number }) => {
  const value = text === undefined ? NaN : Number(text);
  return Number.isFinite(value) && value >= field.min && value <= field.max ? value : field.defaultValue;
};

/** "target:18,growth:5,fteSLT:20" ⇄ { target: '18', growth: '5', fteSLT: '20' }: only known names, numbers only. */
export function parsePlanParam(value: string | undefined): Record<string, string> {
  const known = new Set([...PLAN_FIELDS.map((f) => f.param), fteParam('SLT'), fteParam('OT')]);
  const out: Record<string, string> = {};
  for (const entry of (value ?? '').split(',')) {
    const [name, text] = entry.split(':');
    if (name && known.has(name) && text !== undefined && /^-?\d+(\.\d+)?$/.test(text)) out[name] = text;
  }
  return out;
}

export function serialisePlanParam(values: Readonly<Record<string, string | undefined>>): string | undefined {
  const entries = Object.keys(values).sort().flatMap((k) => (values[k] === undefined || values[k] === '' ? [] : [`${k}:${values[k]}`]));
  return entries.length ? entries.join(',') : undefined;
}

export function usePlanOptions() {
  const [param, setParam] = useUrlParam('plan');
  const values = parsePlanParam(param);
  const read = (name: string) => numberOr(values[name], PLAN_FIELDS.find((f) => f.param === name) as PlanField);
  const settings: PlanSettings = {
    targetWeeks: read('target'), monthsToTarget: Math.round(read('by')), productiveHoursPerFte: read('hours'),
    indirectShare: read('indirect') / 100, horizon: Math.round(read('horizon')),
  };
  const scenario = (service: string): Scenario => {
    const fte = Number(values[fteParam(service)]);
    return { fte: Number.isFinite(fte) && fte > 0 && fte <= 500 ? fte : null, growthPerYear: read('growth') / 100, schoolShare: read('schools') / 100 };
  };
  return {
    settings, scenario,
    raw: (name: string) => values[name],
    set: (name: string, value: string | undefined) => setParam(serialisePlanParam({ ...parsePlanParam(param), [name]: value })),
    /** Sets several at once (one address change: separate set calls would each start from the same old address). */
    setMany: (changes: Readonly<Record<string, string | undefined>>) => setParam(serialisePlanParam({ ...parsePlanParam(param), ...changes })),
    reset: () => setParam(undefined),
  };
}
