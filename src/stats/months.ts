// Month arithmetic on 'yyyy-mm' as integers (months since year 0, so consecutive months differ by 1): no Date, no
// time zone. The same numbering as enrich.sql's month_index macros.
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'yyyy-mm' → months since year 0; anything else throws. */
export function monthNumber(month: string): number {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Expected a month as yyyy-mm, got "${month}".`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** The month `n` months after `month` (before, when negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
