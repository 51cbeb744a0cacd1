// Calibration of the synthetic area (METHODS.md §9) and the planted patterns. Every number the README quotes is
// defined here once; the tests read the same constants. Arrays indexed by year group follow YEAR_GROUPS:
// N1, N2, R, 1 … 14.
import type { AgePhase, SchoolType, Service } from '../../src/contract/index.ts';

export const DEFAULTS = {
  schools: 90,
  years: 5,
  referralsPerYear: 3000,
  /** Fixed, so the output never depends on today's date. */
  endMonth: '2026-08',
} as const;

export const LIMITS = {
  schools: [10, 1000],
  years: [1, 20],
  referralsPerYear: [1, 10_000_000],
} as const;

export const LOCALITIES = ['North', 'South', 'East', 'West', 'Central'] as const;
/** Mean IMD decile of each locality (1 = most deprived), Bexley-like: the north of the borough is poorer. */
export const LOCALITY_IMD: Record<(typeof LOCALITIES)[number], number> = { North: 3, South: 7, East: 6, West: 5, Central: 5 };
export const BLANK_IMD_SCHOOLS = 3;
export const BLANK_SLCN_SCHOOLS = 2;

/** Schools of each kind in the default area of 90 (§9: 57 primary, 16 secondary, one PRU). */
export const COMPOSITION = {
  primary: 57, secondary: 16, special: 4, independent: 4, alternative_provision: 1, early_years: 6, college: 2,
} as const;
export type SchoolKind = keyof typeof COMPOSITION;
export const MINIMUM_OF_KIND: Record<SchoolKind, number> = {
  primary: 4, secondary: 1, special: 1, independent: 1, alternative_provision: 1, early_years: 1, college: 1,
};

/** Referrals per 1,000 pupils per year by year group before the area-wide scaling to --referrals-per-year:
 * speech and language referrals fall steeply with age; OT peaks in years 1–4 (handwriting, coordination). */
export const BASE_RATE: Record<Service, readonly number[]> = {
  //     N1   N2   R    1   2   3   4   5   6   7   8   9  10  11  12   13   14
  SLT: [100, 105, 100, 80, 65, 45, 38, 30, 26, 17, 13, 11, 9, 8, 4.5, 4, 3.5],
  OT: [10, 15, 25, 38, 38, 36, 32, 28, 25, 19, 16, 13, 11, 9, 5, 4.5, 4],
};

/** Rate multiplier of each kind of setting against a mainstream school's pupils of the same age. */
export const TYPE_MULTIPLIER: Record<SchoolType, Record<Service, number>> = {
  mainstream: { SLT: 1, OT: 1 },
  special: { SLT: 3, OT: 3.5 },
  independent: { SLT: 0.8, OT: 0.3 }, // planted pattern 1
  alternative_provision: { SLT: 4, OT: 1.5 },
  early_years: { SLT: 1.1, OT: 1 },
  college: { SLT: 0.7, OT: 0.7 },
};

/** Rate multiplier per IMD decile step below 5.5 (more deprived → more referrals), and the school-level spread. */
export const DEPRIVATION_SLOPE: Record<Service, number> = { SLT: 0.01, OT: 0.01 };
export const SCHOOL_EFFECT_SIGMA = 0.03;

/** Referrals by calendar month (January first), before normalising to a mean of 1: August about a third. */
export const REFERRAL_SEASON = [1.05, 0.95, 1.1, 0.85, 1.0, 1.05, 0.85, 0.33, 1.25, 1.3, 1.25, 0.85] as const;
/** Therapy sessions by calendar month: little in the August holiday, less at Christmas and Easter. */
export const PROVISION_SEASON = [1, 1, 1, 0.8, 1, 1, 0.8, 0.1, 1, 1, 1, 0.75] as const;

/** Planted patterns (sample-data/README.md). Month offsets count back from the end month (0 = end month). */
export const PLANTED = {
  lowOtAccessType: 'independent' as SchoolType,
  earlyYearsSltStep: { factor: 1.5, monthsBeforeEnd: 14 },
  highSltOutlier: { multiplier: 1.5 },
  lowSltOutlier: { multiplier: 0.15 },
  programmeAdopter: { programme: 'Talk Boost', monthsBeforeEnd: 29, sltFactor: 0.7 },
} as const;

/** Early-years step month and programme start, kept inside short histories. */
export function plantedOffsets(months: number): { step: number; programme: number } {
  return {
    step: Math.min(PLANTED.earlyYearsSltStep.monthsBeforeEnd, Math.floor(months / 4)),
    programme: Math.min(PLANTED.programmeAdopter.monthsBeforeEnd, Math.floor(months / 2)),
  };
}

/** Share of each year group's children who could be referred: drawing from a pool makes some children
 * referred more than once (to both services, or again later), as in real caseloads. */
export const REFERRABLE_POOL_SHARE = 0.6;
export const AGE_ONLY_SHARE = 0.03;

/** Chance that a referred child has an EHC plan, by setting. */
export const REFERRED_EHCP: Record<SchoolType, number> = {
  mainstream: 0.12, special: 0.96, independent: 0.08, alternative_provision: 0.35, early_years: 0.04, college: 0.2,
};

export const SOURCES_BY_PHASE: Record<AgePhase | 'nursery', readonly number[]> = {
  // school, parent, gp, health_visitor, social_care, other (REFERRAL_SOURCES order)
  nursery: [0.3, 0.2, 0.08, 0.33, 0.04, 0.05],
  early_years: [0.55, 0.17, 0.08, 0.12, 0.03, 0.05],
  primary: [0.62, 0.17, 0.1, 0.01, 0.04, 0.06],
  secondary: [0.62, 0.17, 0.1, 0.01, 0.04, 0.06],
  post16: [0.5, 0.15, 0.18, 0, 0.05, 0.12],
};

/** Triage outcome once triaged: accepted, signposted, declined (about 75% accepted overall). */
export const OUTCOME_WEIGHTS: Record<Service, readonly [number, number, number]> = {
  SLT: [0.77, 0.14, 0.09],
  OT: [0.72, 0.15, 0.13],
};
export const TRIAGE_DAYS = { minimum: 3, meanExtra: 7 } as const;

/** Wait from referral to first contact, log-normal. Median = 126 / exp(sigma·z) puts the stated share within
 * 18 weeks (§9: SLT 58–66%, OT 62–70% nationally): SLT z = 0.36 (64%), OT z = 0.41 (66%). */
export const WAIT_DAYS: Record<Service, { median: number; sigma: number }> = {
  SLT: { median: 98, sigma: 0.7 },
  OT: { median: 96, sigma: 0.65 },
};
/** Episode from first contact to discharge; the rest stay open (long-term caseload). */
export const EPISODE_DAYS: Record<Service, { median: number; sigma: number; dischargedShare: number }> = {
  SLT: { median: 180, sigma: 0.6, dischargedShare: 0.8 },
  OT: { median: 120, sigma: 0.6, dischargedShare: 0.85 },
};

/** Whole-time equivalents: establishment and the vacancy at the start of the history. */
export const WORKFORCE: Record<Service, { establishment: number; initialVacant: number; growth: number }> = {
  SLT: { establishment: 19, initialVacant: 1.8, growth: 2 },
  OT: { establishment: 14.5, initialVacant: 1.5, growth: 0 },
};

/** Share of pupils whose primary need is SLCN, by age phase (falls with age, §9), and with an EHC plan. */
export const SLCN_SHARE: Record<AgePhase, number> = { early_years: 0.09, primary: 0.06, secondary: 0.022, post16: 0.012 };
export const EHCP_SHARE: Record<SchoolType, number> = {
  mainstream: 0.031, special: 0.97, independent: 0.015, alternative_provision: 0.2, early_years: 0.015, college: 0.035,
};
export const SPECIAL_SLCN_SHARE = 0.12;
