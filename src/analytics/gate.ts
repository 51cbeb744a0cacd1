// The analytics layer's handle on the disclosure gate: one gate per set of settings, so every figure computed
// under the same settings publishes the same cell the same way.
import { createGate, type Gate } from '../disclosure/index.ts';
import type { AnalyticsSettings } from './settings.ts';

export function gateOf(settings: AnalyticsSettings): Gate {
  return createGate(settings.disclosure, settings.suppressionThreshold);
}

/** What a hidden figure says instead of a number: the true reason, and no number that could give it away. */
export const HIDDEN_SMALL = (what: string) => `Not shown: fewer than 5 ${what}, so the figure and anything worked out from it are hidden to protect children's privacy.`;
