// Settings a user can change; every default is stated here, never hidden in a calculation.
import { DEFAULT_DISCLOSURE_MODE, type DisclosureMode } from '../disclosure/index.ts';
import { validateThreshold } from '../stats/index.ts';

export interface AnalyticsSettings {
  /** Counts below this are shown as "c" (default 5; never below 3). */
  readonly suppressionThreshold: number;
  /** SPC: screen moving ranges ≥ 3.267 × average moving range once (NHSRplotthedots default). */
  readonly spcScreening: boolean;
  /** SPC: chart the seasonally adjusted series (default) or the raw counts. */
  readonly spcSeries: 'seasonally_adjusted' | 'raw';
  /** Months before and after a school adopted a universal programme to compare. */
  readonly programmeWindowMonths: number;
  /**
   * "shareable" (default): counts pass cell-key perturbation and 1–4 show as "c". "exact": true counts, for the
   * analyst who owns the data; never carried in a URL, and every screen and download is marked.
   */
  readonly disclosure: DisclosureMode;
}

export const DEFAULT_SETTINGS: AnalyticsSettings = {
  suppressionThreshold: 5,
  spcScreening: true,
  spcSeries: 'seasonally_adjusted',
  programmeWindowMonths: 24,
  disclosure: DEFAULT_DISCLOSURE_MODE,
};

export function checkSettings(settings: AnalyticsSettings): AnalyticsSettings {
  validateThreshold(settings.suppressionThreshold);
  if (settings.disclosure !== 'shareable' && settings.disclosure !== 'exact') throw new RangeError(`Unknown disclosure mode ${String(settings.disclosure)}.`);
  return settings;
}
