// Expected need from published prevalence (METHODS §10), shown beside pupils with SLCN and referrals so that
// commissioners can see possible unmet need. It is an estimate, never a count: use expectedNeedLabel to show it.
import { formatNumber } from './comparison.ts';

export interface Prevalence {
  /** Proportion of children expected to have the need (0–1). */
  rate: number;
  /** Plausible range, when the source gives one. */
  low?: number;
  high?: number;
  label: string;
  source: string;
  /**
   * Multipliers by IMD decile (index 0 = decile 1, most deprived), used when weighting by deprivation.
   * Absent: DEFAULT_DEPRIVATION_WEIGHTS.
   */
  deprivationWeights?: readonly number[];
}

export interface PrevalenceAssumptions {
  slt: Prevalence;
  ot: Prevalence;
  weightByDeprivation: boolean;
}

/** Language disorder at school entry: 7.58% developmental language disorder + 2.34% linked to another condition. */
export const SLCN_PREVALENCE: Prevalence = {
  rate: 0.0758 + 0.0234,
  low: 0.0758,
  high: 0.0758 + 0.0234,
  label: 'Language disorder (DLD 7.58% + 2.34% with another condition)',
  source: 'Norbury et al. (2016), J Child Psychol Psychiatry 57(11): population study of children at school entry (SCALES).',
};

/** Developmental coordination disorder, the commonest reason for OT: 5–6% of children aged 5–11. */
export const DCD_PREVALENCE: Prevalence = {
  rate: 0.055,
  low: 0.05,
  high: 0.06,
  label: 'Developmental coordination disorder (5–6%, midpoint 5.5%)',
  source: 'American Psychiatric Association (2013), DSM-5: DCD in 5–6% of children aged 5–11.',
};

/**
 * Illustrative, not published: a straight line from ×1.45 in the most deprived decile to ×0.55 in the least,
 * averaging 1 over the ten deciles so the area total is unchanged when schools are spread evenly. Motivated by
 * Bercow (2008): in areas of social disadvantage up to half of children start school with language below age
 * expectations. Replace with local evidence.
 */
export const DEFAULT_DEPRIVATION_WEIGHTS: readonly number[] = Array.from({ length: 10 }, (_, k) => 1.45 - k * 0.1);

export const DEPRIVATION_WEIGHTS_SOURCE =
  'Illustrative assumption (×1.45 in IMD decile 1 falling by 0.1 a decile to ×0.55 in decile 10); informed by Bercow (2008). The weights are fixed here, not a setting: leave weighting off unless they fit your area.';

export const DEFAULT_PREVALENCE: PrevalenceAssumptions = { slt: SLCN_PREVALENCE, ot: DCD_PREVALENCE, weightByDeprivation: false };

/**
 * Expected number of children with the need in a roll of `roll` pupils: roll × prevalence, optionally × the
 * weight of the school's IMD decile (1 = most deprived). A missing decile leaves the estimate unweighted.
 */
export function expectedNeed(
  roll: number,
  prevalence: Prevalence | number,
  imdDecile?: number | null,
  weightByDeprivation = false,
): number {
  const rate = typeof prevalence === 'number' ? prevalence : prevalence.rate;
  if (!(roll >= 0) || !(rate >= 0)) return NaN;
  return roll * rate * deprivationWeight(prevalence, imdDecile, weightByDeprivation);
}

function deprivationWeight(prevalence: Prevalence | number, imdDecile: number | null | undefined, weighted: boolean): number {
  if (!weighted || imdDecile === null || imdDecile === undefined) return 1;
  if (!Number.isInteger(imdDecile) || imdDecile < 1 || imdDecile > 10) throw new RangeError(`IMD decile must be 1–10; got ${imdDecile}.`);
  const weights = (typeof prevalence === 'number' ? undefined : prevalence.deprivationWeights) ?? DEFAULT_DEPRIVATION_WEIGHTS;
  return weights[imdDecile - 1] ?? 1;
}

/**
 * Words for an estimate, rounded so it does not read as a count: "about 40" (nearest 5 up to 100, nearest 10 up
 * to 1,000, two significant figures beyond), "about 3" under 10, "fewer than 1" under 1.
 */
export function expectedNeedLabel(estimate: number): string {
  if (!Number.isFinite(estimate) || estimate < 0) return 'not estimated';
  if (estimate < 1) return 'fewer than 1';
  const step = estimate < 10 ? 1 : estimate < 100 ? 5 : estimate < 1000 ? 10 : 10 ** (Math.floor(Math.log10(estimate)) - 1);
  const rounded = Math.round(estimate / step) * step;
  return `about ${formatNumber(rounded, 0)}`;
}
