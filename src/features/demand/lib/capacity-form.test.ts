// The calculator's validation: what was typed → assumptions, or GOV.UK-style errors naming the field.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPACITY } from '../../../analytics/index.ts';
import { defaultInputs, parseInputs } from './capacity-form.ts';

const DERIVED = 8.982928;

describe('parseInputs', () => {
  it('gives the stated defaults, with the derived hours per referral as null (exact, not the rounded display)', () => {
    const inputs = defaultInputs(DERIVED);
    expect(inputs.hoursPerReferral).toBe('8.98');
    expect(parseInputs(inputs, DERIVED)).toEqual({ assumptions: DEFAULT_CAPACITY, errors: [] });
  });

  it('uses a changed figure and accepts an empty hours field as "derived"', () => {
    const parsed = parseInputs({ ...defaultInputs(DERIVED), productiveHoursPerFte: ' 30 ', hoursPerReferral: '' }, DERIVED);
    expect(parsed.assumptions).toEqual({ ...DEFAULT_CAPACITY, productiveHoursPerFte: 30, hoursPerReferral: null });
    expect(parseInputs({ ...defaultInputs(DERIVED), hoursPerReferral: '12' }, DERIVED).assumptions?.hoursPerReferral).toBe(12);
  });

  it.each([
    ['productiveHoursPerFte', 'lots', 'Productive hours per FTE must be a number, like 22.5'],
    ['productiveHoursPerFte', '0', 'Productive hours per FTE must be between 1 and 37.5 hours'],
    ['targetWaitWeeks', '', 'Enter the target wait'],
    ['targetWaitWeeks', '-3', 'Target wait must be a number, like 18'],
    ['hoursPerReferral', '0', 'Hours per referral must be more than 0 and no more than 500 hours'],
    ['cvCapacity', '3', 'Variability of capacity must be between 0 and 2'],
  ] as const)('%s = %j → "%s"', (field, text, message) => {
    const parsed = parseInputs({ ...defaultInputs(DERIVED), [field]: text }, DERIVED);
    expect(parsed.assumptions).toBeNull();
    expect(parsed.errors).toEqual([{ field, message }]);
  });
});
