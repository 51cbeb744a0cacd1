// A comparison label as a tag (neutral blue for lower, orange for higher: neither is "good" for referral rates,
// METHODS §3) followed by the sentence that explains it, so no flag is ever shown without its reason.
import type { Comparison } from '../../../stats/index.ts';

export function comparisonText(comparison: Comparison | 'c', against: string): string {
  switch (comparison) {
    case 'c': return 'Not shown (c)';
    case 'not compared': return 'Not compared';
    case 'similar': return `Similar to ${against}`;
    default: return `${comparison[0]?.toUpperCase()}${comparison.slice(1)} than ${against}`;
  }
}

const tone = (c: Comparison | 'c') => (c === 'higher' || c === 'much higher' ? 'higher' : c === 'lower' || c === 'much lower' ? 'lower' : 'neutral');

export function ComparisonFlag({ what, comparison, against, explanation }: {
  readonly what: string; readonly comparison: Comparison | 'c'; readonly against: string; readonly explanation: string;
}) {
  return (
    <li className="my-setting-flag">
      <span className="my-setting-flag__what">{what}: </span>
      <strong className={`govuk-tag my-setting-tag my-setting-tag--${tone(comparison)}`}>{comparisonText(comparison, against)}</strong>
      <span className="my-setting-flag__why"> {explanation}</span>
    </li>
  );
}
