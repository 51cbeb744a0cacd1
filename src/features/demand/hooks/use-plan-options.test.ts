// The plan form's validation: GOV.UK error messages that say which bound a number breaks, not "must be a number".
import { describe, expect, it } from 'vitest';
import { PLAN_FIELDS, parsePlanParam, planFieldError, planFieldValue, serialisePlanParam } from './use-plan-options.ts';

const field = (param: string) => PLAN_FIELDS.find((f) => f.param === param)!;

describe('planFieldError', () => {
  it('accepts empty (the default) and numbers in range', () => {
    expect(planFieldError(field('indirect'), '')).toBeNull();
    expect(planFieldError(field('indirect'), ' 35 ')).toBeNull();
    expect(planFieldError(field('growth'), '-10')).toBeNull();
  });

  it('says "0% or more" for −5, and the upper bound for too much', () => {
    expect(planFieldError(field('indirect'), '-5')).toBe('The share of clinical time on indirect work must be 0% or more');
    expect(planFieldError(field('indirect'), '95')).toBe('The share of clinical time on indirect work must be 90% or less');
    expect(planFieldError(field('target'), '0')).toBe('The target wait must be 1 week or more');
    expect(planFieldError(field('hours'), '40')).toBe('Productive clinical hours per FTE must be 37.5 hours or less');
  });

  it('says "must be a number" only for what is not a number', () => {
    expect(planFieldError(field('hours'), 'lots')).toBe('Productive clinical hours per FTE must be a number, like 22.5');
    expect(planFieldError(field('hours'), '1e3')).toMatch(/must be a number/);
  });
});

describe('the ?plan= parameter', () => {
  it('round-trips known numeric entries and drops the rest', () => {
    const parsed = parsePlanParam('target:20,fteSLT:19.6,evil:1,growth:abc');
    expect(parsed).toEqual({ target: '20', fteSLT: '19.6' });
    expect(serialisePlanParam(parsed)).toBe('fteSLT:19.6,target:20');
  });
});

describe('planFieldValue: the address keeps what the check accepted', () => {
  it('writes every accepted form so that the ?plan= parameter reads it back as the same number', () => {
    const typed: [string, string, number][] = [['indirect', '5.', 5], ['indirect', '.5', 0.5], ['growth', '-10', -10], ['by', ' 18 ', 18], ['schools', '1,0', 10]];
    for (const [param, text, value] of typed) {
      expect(planFieldError(field(param), text)).toBeNull();
      const kept = parsePlanParam(serialisePlanParam({ [param]: planFieldValue(field(param), text) }));
      expect(Number(kept[param])).toBe(value);
    }
  });

  it('keeps nothing for empty or the default', () => {
    expect(planFieldValue(field('indirect'), '')).toBeUndefined();
    expect(planFieldValue(field('indirect'), '40')).toBeUndefined();
    expect(planFieldValue(field('target'), '18.0')).toBeUndefined();
  });
});
