// A comparison in words on a neutral blue (lower) / orange (higher) / grey tag: the word carries the meaning, the
// colour only repeats it (WCAG 1.4.1). Never red / green: a high or low referral rate is not good or bad in itself.
const TONE: Record<string, string> = {
  'much lower': 'equity-tag--much-lower', lower: 'equity-tag--lower',
  'much higher': 'equity-tag--much-higher', higher: 'equity-tag--higher',
};

export function ComparisonTag({ children, comparison }: { children: string; comparison: string }) {
  return <strong className={`govuk-tag equity-tag ${TONE[comparison] ?? 'equity-tag--neutral'}`}>{children}</strong>;
}
