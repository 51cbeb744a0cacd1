// The context figures: pure functions of the shipped published files (src/context/data) and the user's area.
// They select and label published figures; the only arithmetic is NHS England's own definition of "% waiting more
// than 18 weeks" from its published counts. Nothing here is combined with, or tested against, local statistics.
import type {
  ContextArea, ContextData, EhcpNeedRecord, GeoLevel, WaitsLevel,
} from './types.ts';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const SMALL = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'with']);
const UPPER = new Set(['nhs', 'icb', 'uk', 'cic', 'llp', 'ltd', 'camhs', 'gp', 'kch', 'ii']);

/** "OXLEAS NHS FOUNDATION TRUST" → "Oxleas NHS Foundation Trust"; ICBs as "NHS South East London ICB". */
export function displayName(level: WaitsLevel | GeoLevel, name: string): string {
  if (level === 'england') return 'England';
  const words = name.trim().toLowerCase().split(/\s+/).map((w, i) => {
    if (UPPER.has(w)) return w.toUpperCase();
    if (i > 0 && SMALL.has(w)) return w;
    return w.replace(/(^|[-'(])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
  }).join(' ');
  return level === 'icb' ? `NHS ${words} ICB` : words;
}

const LEVEL_WORD: Record<WaitsLevel, string> = { provider: 'Provider', icb: 'ICB', region: 'NHS region', england: 'England' };

export interface WaitsContextRow {
  readonly service: 'SLT' | 'OT';
  readonly month: string;
  readonly level: WaitsLevel;
  /** e.g. "Provider: Oxleas NHS Foundation Trust". */
  readonly series: string;
  /** NHS England's published "Total waiting list" (children, not referrals). */
  readonly total_waiting_list: number | null;
  /** Published waiting >18–52 weeks + waiting >52 weeks. */
  readonly over_18_weeks: number | null;
  /** 100 × (waiting >18–52 weeks + waiting >52 weeks) ÷ total waiting list; null when not published. */
  readonly pct_over_18_weeks: number | null;
}

/** % waiting more than 18 weeks as NHS England defines it, from its published counts. */
export function pctOver18Weeks(total: number | null, w18to52: number | null, over52: number | null): number | null {
  if (total === null || w18to52 === null || over52 === null || total <= 0) return null;
  return (100 * (w18to52 + over52)) / total;
}

/** The published waits for the area's provider, ICB, region and England, month by month (England last). */
export function waitsContext(data: ContextData, area: ContextArea): WaitsContextRow[] {
  const wanted: [WaitsLevel, string][] = [['provider', area.provider], ['icb', area.icb], ['region', area.region], ['england', 'ENGLAND']];
  return wanted.flatMap(([level, name]) => data.waits.rows
    .filter((r) => r[0] === level && same(r[1], name))
    .map(([, published, month, service, total, w1852, w52]): WaitsContextRow => ({
      service, month, level,
      series: level === 'england' ? 'England' : `${LEVEL_WORD[level]}: ${displayName(level, published)}`,
      total_waiting_list: total,
      over_18_weeks: w1852 === null || w52 === null ? null : w1852 + w52,
      pct_over_18_weeks: pctOver18Weeks(total, w1852, w52),
    })));
}

/** The months the published waits cover, first and last (yyyy-mm). */
export function waitsMonths(data: ContextData): { from: string; to: string } {
  const months = data.waits.rows.map((r) => r[2]).sort();
  return { from: months[0] ?? '', to: months.at(-1) ?? '' };
}

export interface AreaChoices { las: string[]; regions: string[]; icbs: string[]; providers: string[] }

/** Every LA, region, ICB and provider the shipped files name, for the "your area" control. */
export function areaChoices(data: ContextData): AreaChoices {
  const uniq = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));
  const geo = (level: GeoLevel) => [
    ...data.ehcpNeed.rows.filter((r) => r[2] === level).map((r) => r[3]),
    ...data.timeliness.rows.filter((r) => r[1] === level).map((r) => r[2]),
    ...data.pupils.rows.filter((r) => r[1] === level).map((r) => r[2]),
  ];
  const org = (level: WaitsLevel) => data.waits.rows.filter((r) => r[0] === level).map((r) => r[1]);
  const regions = uniq([...geo('region'), ...org('region').map((n) => displayName('region', n))]);
  return { las: uniq(geo('la')), regions, icbs: uniq(org('icb')), providers: uniq(org('provider')) };
}

export interface SlcnShare {
  readonly release: 'all_plans' | 'new_plans';
  readonly area: string;
  readonly level: GeoLevel;
  readonly age: string;
  readonly age_order: number;
  readonly ehc_plans: number;
  readonly slcn: number;
  /** As DfE published it (one decimal place). */
  readonly slcn_pct: number | null;
}

const AGE_ORDER = (breakdown: string): number => {
  if (/under 3|2 and under/i.test(breakdown)) return 2;
  const n = /(\d+)/.exec(breakdown);
  return n ? Number(n[1]) : -1;
};
const toShare = (r: EhcpNeedRecord): SlcnShare => ({
  release: r[0], area: r[3], level: r[2], age: r[5] === 'All EHC plans' ? 'All ages' : r[6], age_order: r[5] === 'All EHC plans' ? 99 : AGE_ORDER(r[6]),
  ehc_plans: r[7], slcn: r[8], slcn_pct: r[9],
});

/** SLCN share of EHC plans for the area's LA and England: all ages, and by age (for the age gradient). */
export function slcnContext(data: ContextData, area: ContextArea): SlcnShare[] {
  return data.ehcpNeed.rows
    .filter((r) => r[2] === 'england' || (r[2] === 'la' && same(r[3], area.la)))
    .map(toShare)
    .sort((a, b) => a.release.localeCompare(b.release) || Number(a.level !== 'la') - Number(b.level !== 'la') || a.age_order - b.age_order);
}

export interface TimelinessRow { readonly year: number; readonly area: string; readonly level: GeoLevel; readonly new_plans: number | null; readonly pct_within_20_weeks: number | null }

/** % of new EHC plans issued within 20 weeks for the area's LA, its region and England, by year. */
export function timelinessContext(data: ContextData, area: ContextArea): TimelinessRow[] {
  return data.timeliness.rows
    .filter(([, level, name]) => level === 'england' || (level === 'region' && same(name, area.region)) || (level === 'la' && same(name, area.la)))
    .map(([year, level, name, plans, pct]) => ({ year, area: name, level, new_plans: plans, pct_within_20_weeks: pct }));
}

export interface PupilsRow { readonly academic_year: string; readonly area: string; readonly level: GeoLevel; readonly provision: string; readonly percent: number | null }

/** % of pupils with an EHC plan and on SEN support for the area's LA, its region and England, by year. */
export function pupilsContext(data: ContextData, area: ContextArea): PupilsRow[] {
  return data.pupils.rows
    .filter(([, level, name]) => level === 'england' || (level === 'region' && same(name, area.region)) || (level === 'la' && same(name, area.la)))
    .map(([academic_year, level, name, provision, pct]) => ({ academic_year, area: name, level, provision, percent: pct }));
}

/** Which of the area's names the shipped files do not have (said on screen: "no published figure for …"). */
export function missingFromFiles(data: ContextData, area: ContextArea): string[] {
  const c = areaChoices(data);
  const has = (xs: string[], x: string) => xs.some((y) => same(y, x));
  return [
    !has(c.las, area.la) && `local authority ${area.la}`,
    !has(c.regions, area.region) && `region ${area.region}`,
    !has(c.icbs, area.icb) && `ICB ${area.icb}`,
    !has(c.providers, area.provider) && `provider ${area.provider}`,
  ].filter((x): x is string => Boolean(x));
}
