// What a section on screen says while new filters are applied: nothing for a quick update (the redrawn figure is
// the answer), and "Updating …" laid over the section's top corner once an update has run UPDATING_NOTICE_DELAY_MS,
// so the figures never move down to make room for it and back up when it goes.
import { useEffect, useState } from 'react';

/** How long an update runs before it is announced (about the point at which a delay is noticed). */
export const UPDATING_NOTICE_DELAY_MS = 250;

/** True once `condition` has held for `ms` milliseconds; false again as soon as it stops holding. */
export function useHeldFor(condition: boolean, ms: number): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!condition) return undefined;
    const timer = window.setTimeout(() => setHeld(true), ms);
    return () => {
      window.clearTimeout(timer);
      setHeld(false);
    };
  }, [condition, ms]);
  return condition && held;
}

/**
 * The live region of a section's update notice: always in the page (a live region added with its message is not
 * reliably announced), empty until an update has run UPDATING_NOTICE_DELAY_MS. Place it first inside an element
 * with the class `app-updating-frame` (positioned), whose top right corner it is laid over.
 */
export function UpdatingNotice({ updating, message }: { updating: boolean; message: string }) {
  const shown = useHeldFor(updating, UPDATING_NOTICE_DELAY_MS);
  return (
    <div className="app-updating" role="status" aria-live="polite">
      {shown && <><span className="app-progress__spinner app-updating__spinner" aria-hidden="true" />{message}…</>}
    </div>
  );
}
