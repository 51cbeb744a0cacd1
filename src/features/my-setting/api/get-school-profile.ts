// One school's profile beside similar settings and the area (src/analytics/school-profile.ts), through useFigure so
// it is keyed by the school, the data version and the settings. My setting has no filter bar, so every global
// filter but the period is overridden: the school's own type and phase choose its comparators, over the period in
// the URL (`from`, `to`: My setting's period control), by default the whole period loaded.
import { schoolProfile } from '../../../analytics/school-profile.ts';
import { useFigure } from '../../../app/figures.ts';

export const MY_SETTING_FILTERS = { service: null, from: null, to: null, schoolType: null, agePhase: null, locality: null } as const;
const PROFILE_FILTERS = { service: null, schoolType: null, agePhase: null, locality: null } as const;

export function useSchoolProfile(urn: string | undefined) {
  return useFigure(
    'school-profile',
    async ({ run, filters, period, settings }) => (urn ? schoolProfile(run, filters, period, settings, urn) : null),
    { key: urn ?? null, overrides: PROFILE_FILTERS },
  );
}
