// Published context figures (official statistics, Open Government Licence v3.0) as the product ships them in
// src/context/data/*.json. They are aggregates published by DfE and NHS England, not child-level records: they
// never enter the database, are never mixed into local statistics and are never significance-tested against them.

/** Every shipped file carries where it came from; show `source` beside any figure drawn from it. */
export interface ContextFileMeta {
  readonly title: string;
  readonly source: string;
  readonly licence: string;
  /** Release and period in words, e.g. "January 2025". */
  readonly period: string;
  readonly notes: readonly string[];
  readonly columns: readonly string[];
}

export type WaitsLevel = 'england' | 'region' | 'icb' | 'provider';
/** [level, organisation name as published (upper case), month yyyy-mm, service, total waiting, waiting >18–52 weeks,
 * waiting >52 weeks]; counts are null where the organisation published none that month. */
export type WaitsRecord = [WaitsLevel, string, string, 'SLT' | 'OT', number | null, number | null, number | null];
export interface WaitsFile extends ContextFileMeta { readonly rows: readonly WaitsRecord[] }

export type EhcpRelease = 'all_plans' | 'new_plans';
export type GeoLevel = 'england' | 'region' | 'la';
/** [release, time period as published (202425 / 2024), level, area name, LA code (E09… or ''), breakdown topic,
 * breakdown, EHC plans, plans with SLCN as primary need, SLCN % as published]. */
export type EhcpNeedRecord = [EhcpRelease, string, GeoLevel, string, string, string, string, number, number, number | null];
export interface EhcpNeedFile extends ContextFileMeta { readonly rows: readonly EhcpNeedRecord[] }

/** [calendar year, level, area name, new EHC plans, % issued within 20 weeks as published]. */
export type TimelinessRecord = [number, GeoLevel, string, number | null, number | null];
export interface TimelinessFile extends ContextFileMeta { readonly rows: readonly TimelinessRecord[] }

/** [academic year '2022/23', level, area name, 'EHC plan' | 'SEN support', % of pupils as published]. */
export type PupilsRecord = [string, GeoLevel, string, string, number | null];
export interface PupilsFile extends ContextFileMeta { readonly rows: readonly PupilsRecord[] }

export interface ContextData {
  readonly waits: WaitsFile;
  readonly ehcpNeed: EhcpNeedFile;
  readonly timeliness: TimelinessFile;
  readonly pupils: PupilsFile;
}

/** The user's area: which published organisations stand beside the local figures. */
export interface ContextArea {
  /** Local authority name as DfE publishes it ("Bexley"). */
  readonly la: string;
  /** Region name as published ("London"); NHS regions are matched case-insensitively. */
  readonly region: string;
  /** ICB name as NHS England publishes it ("SOUTH EAST LONDON"). */
  readonly icb: string;
  /** Provider name as NHS England publishes it ("OXLEAS NHS FOUNDATION TRUST"). */
  readonly provider: string;
}

/** The sample data's example area (an example: the sample data are synthetic, not Bexley's). */
export const EXAMPLE_AREA: ContextArea = {
  la: 'Bexley', region: 'London', icb: 'SOUTH EAST LONDON', provider: 'OXLEAS NHS FOUNDATION TRUST',
};
