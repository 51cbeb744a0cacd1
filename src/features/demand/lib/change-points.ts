// Change points kept in the address bar, so a re-baselined chart can be bookmarked or shared as it was seen:
// ?rebase=SLT.area:2025-07,SLT.age_phase.early_years:2025-05+2026-01. A series key (src/stats/spc-series.ts) maps to
// the first months of its new segments; "none" for a series means "no change point" (the proposals are declined).

export type ChangePoints = Readonly<Record<string, readonly string[]>>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const KEY = /^[A-Za-z]+(\.[a-z_]+){1,2}$/;

export function parseChangePoints(value: string | undefined): ChangePoints {
  const out: Record<string, string[]> = {};
  for (const entry of (value ?? '').split(',')) {
    const [key, months] = entry.split(':');
    if (!key || !KEY.test(key) || months === undefined) continue;
    out[key] = months === 'none' ? [] : [...new Set(months.split('+').filter((m) => MONTH.test(m)))].sort();
  }
  return out;
}

export function serialiseChangePoints(points: ChangePoints): string | undefined {
  const entries = Object.keys(points).sort().map((key) => `${key}:${(points[key] ?? []).length ? (points[key] ?? []).join('+') : 'none'}`);
  return entries.length ? entries.join(',') : undefined;
}

/** `points` with one series' change points replaced (undefined = back to the tool's default: none applied). */
export function withSeries(points: ChangePoints, key: string, months: readonly string[] | undefined): ChangePoints {
  const next: Record<string, readonly string[]> = { ...points };
  if (months === undefined) delete next[key];
  else next[key] = [...new Set(months)].sort();
  return next;
}
