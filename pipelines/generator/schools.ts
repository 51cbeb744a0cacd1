// The synthetic area's schools: kinds in the §9 proportions, rolls by year group, census counts (SLCN, EHC
// plans), deprivation, each school's referral-rate multiplier, and which schools carry the planted patterns.
import {
  AGE_PHASES, ROLL_COLUMN_OF_PHASE, YEAR_GROUPS, agePhaseOfYearGroup, type AgePhase, type SchoolPhase, type SchoolType, type Service,
} from '../../src/contract/index.ts';
import type { CsvRecord } from './csv.ts';
import { schoolName, schoolUrn } from './names.ts';
import {
  BLANK_IMD_SCHOOLS, BLANK_SLCN_SCHOOLS, COMPOSITION, DEPRIVATION_SLOPE, EHCP_SHARE, LOCALITIES, LOCALITY_IMD,
  MINIMUM_OF_KIND, PLANTED, SCHOOL_EFFECT_SIGMA, SLCN_SHARE, SPECIAL_SLCN_SHARE, TYPE_MULTIPLIER, type SchoolKind,
} from './parameters.ts';
import { Random } from './random.ts';
import { primaryRolls, primarySizes, rollPlan, secondaryRolls, secondarySizes, type RollPlan } from './rolls.ts';

export type PlantedRole = 'high_slt_outlier' | 'low_slt_outlier' | 'programme_adopter';

export interface UniversalProgramme {
  readonly service: Service;
  readonly programme: string;
}

export interface School {
  index: number;
  readonly urn: string;
  readonly name: string;
  readonly kind: SchoolKind;
  readonly type: SchoolType;
  readonly phase: SchoolPhase;
  readonly locality: string;
  /** Pupils by year group, indexed like YEAR_GROUPS. */
  readonly rolls: readonly number[];
  readonly pupilsOnRoll: number;
  pupilsSlcn: number | null;
  readonly pupilsEhcp: number;
  imdDecile: number | null;
  /** Referral-rate multiplier against a mainstream pupil of the same age (type × deprivation × school). */
  readonly effect: Record<Service, number>;
  readonly role: PlantedRole | null;
  /** Universal programmes delivered throughout the history. */
  universal: UniversalProgramme[];
}

export const KIND_ORDER: readonly SchoolKind[] = [
  'primary', 'secondary', 'special', 'independent', 'alternative_provision', 'early_years', 'college',
];
const TYPE_OF_KIND: Record<SchoolKind, SchoolType> = {
  primary: 'mainstream', secondary: 'mainstream', special: 'special', independent: 'independent',
  alternative_provision: 'alternative_provision', early_years: 'early_years', college: 'college',
};
const ROLES: readonly PlantedRole[] = ['high_slt_outlier', 'low_slt_outlier', 'programme_adopter'];

/** How many schools of each kind in an area of `total`: the default 90 scaled (largest remainder), with minimums. */
export function composition(total: number): Record<SchoolKind, number> {
  const base = Object.values(COMPOSITION).reduce((s, n) => s + n, 0);
  const counts = {} as Record<SchoolKind, number>;
  const remainders: [SchoolKind, number][] = [];
  for (const kind of KIND_ORDER) {
    const exact = (COMPOSITION[kind] * total) / base;
    counts[kind] = Math.max(MINIMUM_OF_KIND[kind], Math.floor(exact));
    remainders.push([kind, exact - Math.floor(exact)]);
  }
  remainders.sort((a, b) => b[1] - a[1]);
  let left = total - KIND_ORDER.reduce((s, k) => s + counts[k], 0);
  for (let i = 0; left > 0; i = (i + 1) % remainders.length, left--) counts[(remainders[i] as [SchoolKind, number])[0]]++;
  for (let i = 0; left < 0; i = (i + 1) % KIND_ORDER.length) {
    const kind = KIND_ORDER[KIND_ORDER.length - 1 - (i % KIND_ORDER.length)] as SchoolKind;
    if (counts[kind] > MINIMUM_OF_KIND[kind]) { counts[kind]--; left++; }
  }
  return counts;
}

export function rollOfPhase(school: Pick<School, 'rolls'>, phase: AgePhase): number {
  return school.rolls.reduce((sum, n, i) => (agePhaseOfYearGroup(YEAR_GROUPS[i] ?? 'R') === phase ? sum + n : sum), 0);
}

function binomial(rng: Random, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

function slcnCount(rng: Random, type: SchoolType, rolls: readonly number[], role: PlantedRole | null): number {
  if (type === 'special') return Math.round(rolls.reduce((s, n) => s + n, 0) * SPECIAL_SLCN_SHARE * rng.uniform(0.8, 1.2));
  const typeFactor = type === 'independent' ? 0.6 : type === 'alternative_provision' ? 1.5 : 1;
  const roleFactor = role === 'high_slt_outlier' ? 2 : 1; // it hosts a resourced provision for SLCN
  const expected = AGE_PHASES.reduce((s, p) => s + rollOfPhase({ rolls }, p) * SLCN_SHARE[p], 0);
  return Math.round(expected * typeFactor * roleFactor * rng.uniform(0.75, 1.25));
}

/** Special schools: nearly every pupil has a plan; elsewhere the share varies ±25% between schools. */
function ehcpShare(rng: Random, type: SchoolType, role: PlantedRole | null): number {
  if (type === 'special') return rng.uniform(0.93, 0.99);
  return EHCP_SHARE[type] * rng.uniform(0.75, 1.25) + (role === 'high_slt_outlier' ? 0.02 : 0);
}

function imdOf(rng: Random, locality: string): number {
  const mean = LOCALITY_IMD[locality as keyof typeof LOCALITY_IMD] ?? 5;
  return Math.min(10, Math.max(1, Math.round(mean + 1.5 * rng.normal())));
}

function effectOf(rng: Random, type: SchoolType, imd: number, role: PlantedRole | null): Record<Service, number> {
  const effect = (service: Service): number => {
    const deprivation = 1 + DEPRIVATION_SLOPE[service] * (5.5 - imd);
    // Planted schools get no random school effect, so their multiplier is exactly the stated one.
    const own = role ? 1 : Math.exp(SCHOOL_EFFECT_SIGMA * rng.normal());
    const planted = service === 'SLT' && role === 'high_slt_outlier' ? PLANTED.highSltOutlier.multiplier
      : service === 'SLT' && role === 'low_slt_outlier' ? PLANTED.lowSltOutlier.multiplier : 1;
    return TYPE_MULTIPLIER[type][service] * deprivation * own * planted;
  };
  return { SLT: effect('SLT'), OT: effect('OT') };
}

interface AreaSizes {
  readonly primary: ReturnType<typeof primarySizes>;
  readonly secondary: ReturnType<typeof secondarySizes>;
}

/** The planted primaries are large, so their patterns stand clear of chance: the adopter and the low outlier have
 * three forms of entry; the high outlier two, with a nursery class. */
const PLANTED_SIZES: Record<PlantedRole, { formsOfEntry: number; nurseryClass: boolean }> = {
  high_slt_outlier: { formsOfEntry: 2, nurseryClass: true },
  low_slt_outlier: { formsOfEntry: 3, nurseryClass: false },
  programme_adopter: { formsOfEntry: 3, nurseryClass: true },
};

function planOf(rng: Random, kind: SchoolKind, ordinal: number, role: PlantedRole | null, sizes: AreaSizes): RollPlan {
  if (kind === 'primary') {
    const size = role ? PLANTED_SIZES[role] : sizes.primary[ordinal - ROLES.length] ?? { formsOfEntry: 2, nurseryClass: false };
    return { phase: 'primary', rolls: primaryRolls(rng, size.formsOfEntry, size.nurseryClass) };
  }
  if (kind === 'secondary') {
    const size = sizes.secondary[ordinal] ?? { admissions: 210, sixthForm: true };
    return { phase: 'secondary', rolls: secondaryRolls(rng, size.admissions, size.sixthForm) };
  }
  return rollPlan(rng, kind, ordinal);
}

function makeSchool(rng: Random, kind: SchoolKind, ordinal: number, locality: string, sizes: AreaSizes, used: { names: Set<string>; urns: Set<string> }): School {
  const role = kind === 'primary' ? ROLES[ordinal] ?? null : null;
  const plan = planOf(rng, kind, ordinal, role, sizes);
  const type = TYPE_OF_KIND[kind];
  const pupilsOnRoll = plan.rolls.reduce((s, n) => s + n, 0);
  const imd = imdOf(rng, locality);
  return {
    index: -1,
    urn: schoolUrn(rng, used.urns),
    name: schoolName(rng, kind, plan.phase, used.names),
    kind, type, phase: plan.phase, locality, rolls: plan.rolls, pupilsOnRoll,
    pupilsSlcn: Math.min(pupilsOnRoll, slcnCount(rng, type, plan.rolls, role)),
    pupilsEhcp: binomial(rng, pupilsOnRoll, ehcpShare(rng, type, role)),
    imdDecile: imd,
    effect: effectOf(rng, type, imd, role),
    role,
    universal: [],
  };
}

/** Universal programmes some schools run throughout (the adopter's starts mid-history, in provision.ts). */
function assignUniversal(rng: Random, schools: School[]): void {
  const give = (kind: SchoolKind, share: number, service: Service, programme: string) => {
    const candidates = rng.shuffle(schools.filter((s) => s.kind === kind && !s.role && s.universal.length === 0));
    for (const s of candidates.slice(0, Math.round(share * candidates.length))) s.universal.push({ service, programme });
  };
  give('primary', 0.07, 'SLT', 'Talk Boost');
  give('primary', 0.08, 'SLT', 'ELKLAN');
  give('primary', 0.06, 'OT', 'Sensory Circuits');
  give('primary', 0.05, 'OT', 'Write from the Start');
  give('secondary', 0.25, 'SLT', 'Secondary Language Link');
  give('early_years', 0.5, 'SLT', 'Wellcomm');
  give('special', 0.5, 'SLT', 'Makaton');
}

/** A few blanks where real returns have them: IMD for settings without a matched postcode, SLCN not returned. */
function blankSome(rng: Random, schools: School[]): void {
  const unplanted = rng.shuffle(schools.filter((s) => !s.role));
  unplanted.slice(0, BLANK_IMD_SCHOOLS).forEach((s) => { s.imdDecile = null; });
  const nonState = rng.shuffle(schools.filter((s) => s.type === 'independent' || s.type === 'college' || s.type === 'early_years'));
  nonState.slice(0, BLANK_SLCN_SCHOOLS).forEach((s) => { s.pupilsSlcn = null; });
}

export function buildSchools(seed: number, total: number): School[] {
  const rng = new Random(seed, 1);
  const counts = composition(total);
  const used = { names: new Set<string>(), urns: new Set<string>() };
  const sizes = { primary: primarySizes(rng, counts.primary - ROLES.length), secondary: secondarySizes(rng, counts.secondary) };
  const schools: School[] = [];
  for (const kind of KIND_ORDER) {
    const localities = rng.shuffle(Array.from({ length: counts[kind] }, (_, i) => LOCALITIES[i % LOCALITIES.length] as string));
    for (let ordinal = 0; ordinal < counts[kind]; ordinal++) {
      schools.push(makeSchool(rng, kind, ordinal, localities[ordinal] ?? 'Central', sizes, used));
    }
  }
  assignUniversal(rng, schools);
  blankSome(rng, schools);
  // Plain code-unit order, not localeCompare: the bytes must not depend on the machine's ICU data.
  schools.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  schools.forEach((s, i) => { s.index = i; });
  return schools;
}

/** The school's row of schools.csv, by column name (every roll_* filled, so they always sum to the roll). */
export function schoolRecord(school: School): CsvRecord {
  const record: CsvRecord = {
    urn: school.urn,
    name: school.name,
    school_type: school.type,
    phase: school.phase,
    locality: school.locality,
    pupils_on_roll: String(school.pupilsOnRoll),
    pupils_slcn: school.pupilsSlcn === null ? '' : String(school.pupilsSlcn),
    pupils_ehcp: String(school.pupilsEhcp),
    imd_decile: school.imdDecile === null ? '' : String(school.imdDecile),
  };
  for (const phase of AGE_PHASES) record[ROLL_COLUMN_OF_PHASE[phase]] = String(rollOfPhase(school, phase));
  // The statutory age range, as the DfE register gives it: the youngest year group's age on 31 August (N1 = 2)
  // to one more than the oldest's (year 6 = 10, so 11).
  const taught = school.rolls.flatMap((n, i) => (n > 0 ? [i] : []));
  record.age_low = taught.length ? String((taught[0] as number) + 2) : '';
  record.age_high = taught.length ? String((taught.at(-1) as number) + 3) : '';
  return record;
}
