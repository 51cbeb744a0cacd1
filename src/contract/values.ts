// Allowed values, in the users' words. Order is the order users expect to read them in tables and charts.
export const SCHOOL_TYPES = ['mainstream', 'special', 'independent', 'alternative_provision', 'early_years', 'college'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const SCHOOL_PHASES = ['early_years', 'primary', 'secondary', 'all_through', 'post16'] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];

/** The age phase of a child (from year group or age); a school's phase may be all_through, a child's never is. */
export const AGE_PHASES = ['early_years', 'primary', 'secondary', 'post16'] as const;
export type AgePhase = (typeof AGE_PHASES)[number];

export const SERVICES = ['SLT', 'OT'] as const;
export type Service = (typeof SERVICES)[number];

export const YEAR_GROUPS = ['N1', 'N2', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];

export const REFERRAL_SOURCES = ['school', 'parent', 'gp', 'health_visitor', 'social_care', 'other'] as const;
export const OUTCOMES = ['accepted', 'signposted', 'declined', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const DELIVERY_MODELS = ['universal', 'targeted', 'specialist'] as const;

export const LABELS: Record<string, string> = {
  mainstream: 'Mainstream',
  special: 'Special',
  independent: 'Independent',
  alternative_provision: 'Alternative provision',
  early_years: 'Early years',
  college: 'College',
  primary: 'Primary',
  secondary: 'Secondary',
  all_through: 'All-through',
  post16: 'Post-16',
  SLT: 'Speech and language therapy',
  OT: 'Occupational therapy',
};

/** Early years = nursery (N1, N2) and reception; primary = Y1–6; secondary = Y7–11; post-16 = Y12–14. */
export function agePhaseOfYearGroup(yearGroup: YearGroup): AgePhase {
  if (yearGroup === 'N1' || yearGroup === 'N2' || yearGroup === 'R') return 'early_years';
  const year = Number(yearGroup);
  if (year <= 6) return 'primary';
  if (year <= 11) return 'secondary';
  return 'post16';
}

/** Age at referral → age phase, for rows with age_at_referral and no year group (an approximation: a child of 5
 * may still be in reception; give year_group where you have it). */
export function agePhaseOfAge(age: number): AgePhase {
  if (age < 5) return 'early_years';
  if (age < 11) return 'primary';
  if (age < 16) return 'secondary';
  return 'post16';
}

/** The column of `schools` that holds a school's roll in each age phase (the age-phase denominators). */
export const ROLL_COLUMN_OF_PHASE: Record<AgePhase, string> = {
  early_years: 'roll_early_years',
  primary: 'roll_primary',
  secondary: 'roll_secondary',
  post16: 'roll_post16',
};
