// The two settings of a load, under the chosen files: the earliest plausible date (dates before it are refused as
// slips or spreadsheet zero dates) and whether to keep the files on this device for the next visit.
import type { DataChoices } from '../chosen-files.ts';

export const DATE_FLOOR_ID = 'data-date-floor';

const longDate = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Why `day` cannot be the date floor, or null. */
export function dateFloorProblem(day: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return 'Enter the earliest plausible date as a real date';
  if (day > today) return 'The earliest plausible date must be today or before';
  return null;
}

export interface LoadSettingsProps {
  readonly choices: DataChoices;
  readonly defaultFloor: string;
  readonly onChange: (change: Partial<DataChoices>) => void;
  readonly disabled: boolean;
  readonly floorError: string | null;
}

export function LoadSettings({ choices, defaultFloor, onChange, disabled, floorError }: LoadSettingsProps) {
  return (
    <div className="data-settings">
      <div className={`govuk-form-group${floorError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={DATE_FLOOR_ID}>Earliest plausible date</label>
        <div className="govuk-hint" id={`${DATE_FLOOR_ID}-hint`}>
          Any date before this is refused as a typing slip or a spreadsheet&apos;s blank date. The default is
          {' '}{longDate(defaultFloor)}; set it earlier only if your records really go back further.
        </div>
        {floorError && <p className="govuk-error-message" id={`${DATE_FLOOR_ID}-error`}><span className="govuk-visually-hidden">Error:</span> {floorError}</p>}
        <input className="govuk-input govuk-input--width-10" type="date" id={DATE_FLOOR_ID} value={choices.dateFloor} disabled={disabled}
          aria-describedby={[`${DATE_FLOOR_ID}-hint`, floorError ? `${DATE_FLOOR_ID}-error` : ''].filter(Boolean).join(' ')}
          onChange={(event) => onChange({ dateFloor: event.currentTarget.value })} />
      </div>
      <div className="govuk-form-group">
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" type="checkbox" id="data-keep" checked={choices.keep} disabled={disabled}
              aria-describedby="data-keep-hint" onChange={(event) => onChange({ keep: event.currentTarget.checked })} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="data-keep">Keep my files in this browser for next time</label>
            <div className="govuk-hint govuk-checkboxes__hint" id="data-keep-hint">
              They are saved on this device only, in this browser&apos;s private storage for this tool, and open again when
              you come back, without choosing them again. They are never sent anywhere. You can forget them at any time.
              Untick this on a shared computer.
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
