// The capacity calculator's form: each assumption with its label, unit, hint, default and where the default comes
// from, and the GOV.UK-style validation that turns what was typed into CapacityAssumptions (or errors, one per
// field, worded as GOV.UK error messages). Pure: no React.
import { DEFAULT_CAPACITY, type CapacityAssumptions } from '../../../analytics/index.ts';
import { CAPACITY_DEFAULTS } from '../../../stats/index.ts';

export type CapacityField = 'targetWaitWeeks' | 'productiveHoursPerFte' | 'hoursPerReferral' | 'cvCapacity';
export type CapacityInputs = Record<CapacityField, string>;

export interface FieldDefinition {
  readonly name: CapacityField;
  readonly label: string;
  /** Shown after the input, e.g. "weeks". */
  readonly unit: string;
  /** The unit after a range in an error message: "between 1 and 104 weeks". */
  readonly errorUnit: string;
  /** The noun in error messages: "Enter the target wait". */
  readonly noun: string;
  readonly min: number;
  readonly max: number;
  /** Whether the minimum itself is allowed (0 is a valid variability, not a valid number of hours). */
  readonly minInclusive: boolean;
  readonly example: string;
  /** Where the default comes from (the derived hours per referral say so at run time instead). */
  readonly source: string;
}

/** A default's source mid-sentence: without a repeated leading value ("18 weeks: …"), internal references or a full stop. */
const plain = (source: string) => {
  const text = source.replace(/^[\d.]+ [a-z]+: /, '').replace(/\s*\(METHODS[^)]*\)/g, '').replace(/\.$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
};

export const FIELDS: readonly FieldDefinition[] = [
  {
    name: 'targetWaitWeeks', label: 'Target wait from referral to first contact', unit: 'weeks', errorUnit: ' weeks', noun: 'the target wait',
    min: 1, max: 104, minInclusive: true, example: '18',
    source: `Default ${DEFAULT_CAPACITY.targetWaitWeeks} weeks: ${plain(CAPACITY_DEFAULTS.targetWeeks.source)}.`,
  },
  {
    name: 'productiveHoursPerFte', label: 'Productive (clinical) hours per FTE per week', unit: 'hours a week', errorUnit: ' hours',
    noun: 'the productive hours per FTE', min: 1, max: 37.5, minInclusive: true, example: '22.5',
    source: `Default ${DEFAULT_CAPACITY.productiveHoursPerFte} hours, an assumption rather than a national figure: `
      + `${plain(CAPACITY_DEFAULTS.productiveHoursPerFte.source.replace(/^Assumption, not a national figure: /, ''))}.`,
  },
  {
    name: 'hoursPerReferral', label: 'Therapist hours per accepted referral', unit: 'hours', errorUnit: ' hours', noun: 'the hours per referral',
    min: 0, max: 500, minInclusive: false, example: '9.5',
    source: 'Default: derived from your data (below). Leave it as it is, or empty, to use the derived figure.',
  },
  {
    name: 'cvCapacity', label: 'Variability of weekly capacity (coefficient of variation)', unit: '', errorUnit: '',
    noun: 'the variability of capacity', min: 0, max: 2, minInclusive: true, example: '0.1',
    source: `Default ${DEFAULT_CAPACITY.cvCapacity}: this tool's assumption of a capacity that varies little from week to `
      + `week (0 = exactly the same every week), not a national figure. NHSRwaitinglist uses ${CAPACITY_DEFAULTS.cvCapacity.value} `
      + 'when nothing is known; a higher figure raises the target capacity.',
  },
];

export interface FieldError {
  readonly field: CapacityField;
  readonly message: string;
}

/** Two decimals at most, without trailing zeros: 8.982… → "8.98", 18 → "18". */
export const formatInput = (value: number) => String(Math.round(value * 100) / 100);

export function defaultInputs(derivedHoursPerReferral: number | null): CapacityInputs {
  return {
    targetWaitWeeks: formatInput(DEFAULT_CAPACITY.targetWaitWeeks),
    productiveHoursPerFte: formatInput(DEFAULT_CAPACITY.productiveHoursPerFte),
    hoursPerReferral: derivedHoursPerReferral === null ? '' : formatInput(derivedHoursPerReferral),
    cvCapacity: formatInput(DEFAULT_CAPACITY.cvCapacity),
  };
}

const NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;

function checkNumber(text: string, field: FieldDefinition): number | string {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return `Enter ${field.noun}`;
  if (!NUMBER.test(trimmed)) return `${capitalise(field.noun)} must be a number, like ${field.example}`;
  const value = Number(trimmed);
  const low = field.minInclusive ? value < field.min : value <= field.min;
  if (low || value > field.max) {
    const range = field.minInclusive ? `between ${field.min} and ${field.max}` : `more than ${field.min} and no more than ${field.max}`;
    return `${capitalise(field.noun)} must be ${range}${field.errorUnit}`;
  }
  return value;
}

/** "the target wait" → "Target wait" at the start of a GOV.UK error message. */
const capitalise = (s: string) => {
  const bare = s.replace(/^the /, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
};

/**
 * What was typed → assumptions, or the errors in field order. An unchanged or empty hours-per-referral field means
 * "derived from the data" (null), so the exact derived figure is used rather than its rounded display.
 */
export function parseInputs(inputs: CapacityInputs, derivedHoursPerReferral: number | null):
  { assumptions: CapacityAssumptions; errors: [] } | { assumptions: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: Partial<Record<CapacityField, number | null>> = {};
  for (const field of FIELDS) {
    const text = inputs[field.name];
    const derived = derivedHoursPerReferral === null ? null : formatInput(derivedHoursPerReferral);
    if (field.name === 'hoursPerReferral' && (text.trim() === '' || text.trim() === derived)) {
      values.hoursPerReferral = null;
      continue;
    }
    const checked = checkNumber(text, field);
    if (typeof checked === 'string') errors.push({ field: field.name, message: checked });
    else values[field.name] = checked;
  }
  if (errors.length) return { assumptions: null, errors };
  return {
    assumptions: {
      targetWaitWeeks: values.targetWaitWeeks as number,
      productiveHoursPerFte: values.productiveHoursPerFte as number,
      hoursPerReferral: values.hoursPerReferral ?? null,
      cvCapacity: values.cvCapacity as number,
    },
    errors: [],
  };
}
