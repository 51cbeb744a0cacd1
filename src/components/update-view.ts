// Redrawing a drawn chart with new data, in place: the Vega view is kept (no Vega-Lite compile, no Vega parse, no
// new SVG tree) and only its datasets are replaced, when the new spec's skeleton is the old one's
// (src/charts/spec-data.ts). The result must be the chart a fresh embed of the new spec draws; two things would
// otherwise be held over from the old data:
// - the layout: with autosize "fit", Vega sizes the plot once, from the bounds of the axes and legends it drew, and
//   then not again until the view's size changes. New data can widen the axis labels (100 → 2,000) or change the
//   number of ticks, so the plot keeps the old data's width, height and origin. A fresh embed starts from the
//   spec's size (the height given, the container's width) and fits once; so before the new data go in, the
//   width and height signals are set back to the view's outer size (what Vega started from) and a fit is asked for.
// - the description (the chart's accessible name), which says the data's figures: set through the view; and the
//   subtitle (the period, an area rate), which the skeleton draws from a signal.
// Axis and legend items are keyed by value in Vega, so a tick present before and after keeps its place in the SVG
// while a fresh embed lists the ticks in order; what is drawn is the same (tests/e2e/cases/render.mjs compares
// the two with those items sorted).
import { changeset, truthy } from 'vega';
import type { View } from 'vega';
import { changedDatasets, changedSignals, copyRows } from '../charts/spec-data.ts';
import type { SpecParts } from '../charts/spec-data.ts';

/** The outer size Vega keeps for autosize (private fields of vega-view 6; absent, the caller embeds afresh). */
interface SizedView { _width?: unknown; _height?: unknown }

/** Whether `view` can be updated in place from `before` to `after`: same skeleton, and the sizes to reset known. */
export function canUpdateInPlace(view: View, before: SpecParts | null, after: SpecParts | null): boolean {
  if (!before || !after || before.key !== after.key) return false;
  const sized = view as unknown as SizedView;
  return typeof sized._width === 'number' && typeof sized._height === 'number';
}

/** Replaces the changed datasets and the description of `view`, drawn from `before`, with `after`'s and redraws. */
export async function updateView(view: View, before: SpecParts, after: SpecParts): Promise<void> {
  const sized = view as unknown as { _width: number; _height: number };
  // The size a fresh embed starts from: the spec's, if it gives one, else the view's outer size (its container's).
  const width = after.size.width ?? sized._width;
  const height = after.size.height ?? sized._height;
  view.width(width).height(height).resize();
  for (const name of changedDatasets(before, after)) {
    view.change(name, changeset().remove(truthy).insert(copyRows(after.datasets[name] ?? [])));
  }
  for (const name of changedSignals(before, after)) view.signal(name, after.signals[name]);
  if (after.description !== before.description) view.description(after.description ?? (null as unknown as string));
  await view.runAsync();
}
