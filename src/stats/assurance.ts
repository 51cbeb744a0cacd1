// Making Data Count assurance (METHODS §5): where a measure has a target, do the process limits say it will be met?
// Target outside the limits on the passing side → consistently passes; on the failing side → consistently fails;
// inside the limits → hit and miss (it will sometimes be met and sometimes not, by chance alone).

export type Assurance = 'pass' | 'fail' | 'hit_and_miss';

/** `higherIsBetter`: true for % seen within 18 weeks, false for a wait in weeks. */
export function assurance(lowerLimit: number, upperLimit: number, target: number, higherIsBetter: boolean): Assurance | null {
  if (![lowerLimit, upperLimit, target].every(Number.isFinite)) return null;
  if (target < lowerLimit) return higherIsBetter ? 'pass' : 'fail';
  if (target > upperLimit) return higherIsBetter ? 'fail' : 'pass';
  return 'hit_and_miss';
}
