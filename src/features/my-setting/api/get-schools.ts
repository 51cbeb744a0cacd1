// Every school in the loaded data, for the school picker.
import { useFigure } from '../../../app/figures.ts';
import { MY_SETTING_FILTERS } from './get-school-profile.ts';

export function useSchools() {
  return useFigure('schools-list', ({ run }) => run('schools-list', []), { overrides: MY_SETTING_FILTERS });
}
