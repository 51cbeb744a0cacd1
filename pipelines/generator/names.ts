// Synthetic school names that read like English ones ("Lindenlea Primary School"): invented place names from
// stems and endings, each used once. No saints' names (each is shared by many real schools), and the commonest
// real school names (Oakfield, Woodside, Churchfield…) are skipped, so a planted pattern is less likely to seem
// to describe a real school.
import type { SchoolPhase } from '../../src/contract/index.ts';
import type { Random } from './random.ts';
import type { SchoolKind } from './parameters.ts';

const STEMS = [
  'Oak', 'Ash', 'Beech', 'Elm', 'Birch', 'Willow', 'Hazel', 'Holly', 'Maple', 'Rowan', 'Cedar', 'Alder', 'Brook',
  'Mill', 'Church', 'Park', 'Green', 'Fair', 'Bright', 'Lark', 'Meadow', 'River', 'Stone', 'Wood', 'Chestnut',
  'Kings', 'Queens', 'Hawk', 'Fern', 'Heath', 'Thorn', 'Bramble', 'Clay', 'Cress', 'Dene', 'Frith', 'Hollow',
  'Kestrel', 'Linden', 'Marsh', 'Orchard', 'Poplar', 'Sand', 'Swan', 'Well', 'Wren', 'Yew', 'Bay', 'Coppice',
];
const ENDINGS = [
  'field', 'wood', 'side', 'hurst', 'dale', 'lands', 'mead', 'bank', 'croft', 'gate', 'hill', 'way', 'ley', 'ton',
  'combe', 'brook', 'ford', 'lea', 'view', 'holme',
];
const COMMON_REAL_NAMES = new Set([
  'Ashfield', 'Brookfield', 'Brookside', 'Churchfield', 'Elmwood', 'Fairfield', 'Greenfield', 'Greenway', 'Hillside',
  'Hillview', 'Millfield', 'Oakfield', 'Oakwood', 'Parkfield', 'Parkside', 'Parkview', 'Parkway', 'Riverside',
  'Willowbank', 'Woodside', 'Woodlands', 'Meadowside', 'Fairway', 'Beechwood', 'Ashwood', 'Oakdale', 'Elmfield',
]);

function place(rng: Random): string {
  for (;;) {
    const name = `${rng.pick(STEMS)}${rng.pick(ENDINGS)}`;
    if (!COMMON_REAL_NAMES.has(name)) return name;
  }
}

const INDEPENDENT_SUFFIXES: Partial<Record<SchoolPhase, readonly string[]>> = {
  primary: ['Preparatory School', 'House School', 'Prep School'],
  secondary: ['School', 'High School', 'Park School'],
};

function candidate(rng: Random, kind: SchoolKind, phase: SchoolPhase): string {
  switch (kind) {
    case 'primary':
      return `${place(rng)} ${rng.pick(['Primary School', 'Primary School', 'Primary Academy', 'CofE Primary School'])}`;
    case 'secondary':
      return `${place(rng)} ${rng.pick(['Academy', 'School', 'Grammar School', 'High School'])}`;
    case 'special':
      return `${place(rng)} ${rng.pick(['School', 'Academy', 'Special School'])}`;
    case 'independent':
      return `${place(rng)} ${rng.pick(INDEPENDENT_SUFFIXES[phase] ?? ['School', 'House School', 'Park School'])}`;
    case 'alternative_provision':
      return `${place(rng)} ${rng.pick(['Pupil Referral Unit', 'Learning Centre'])}`;
    case 'early_years':
      return `${place(rng)} ${rng.pick(['Nursery', 'Day Nursery', 'Early Years Centre', 'Pre-school'])}`;
    case 'college':
      return `${place(rng)} ${rng.pick(['College', 'Sixth Form College'])}`;
  }
}

/** A name not yet in `used` (which it adds to). */
export function schoolName(rng: Random, kind: SchoolKind, phase: SchoolPhase, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const base = candidate(rng, kind, phase);
    // Very large areas can exhaust the combinations: number the later ones.
    const name = attempt < 50 ? base : `${base} ${attempt}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** A six-digit URN not yet in `used`, in the range English URNs occupy. */
export function schoolUrn(rng: Random, used: Set<string>): string {
  for (;;) {
    const urn = String(rng.int(100_000, 149_999));
    if (!used.has(urn)) {
      used.add(urn);
      return urn;
    }
  }
}
