// A Vega-Lite spec split into its data-free skeleton and its datasets, so that a chart whose new spec differs from
// the one drawn only in its data can be updated in place (src/components/update-view.ts) instead of compiled,
// parsed and drawn afresh. Pure: no Vega here.
//
// Every inline `data: { values: [...] }` (top level, layers, concat, facet, lookup `from`) becomes a named data
// reference `data: { name }` and its rows go to the top-level `datasets` (its own name if it has one, else
// `__data_<n>` in the order met), which Vega-Lite compiles to the same named Vega dataset; the top-level
// description (the chart's accessible name, which usually says the data's figures) is taken out too. What is left,
// the skeleton, is compared as JSON: equal skeletons compile to the same Vega spec, so only the datasets and the
// description can differ between the two charts.
import type { VisualizationSpec } from 'vega-embed';

export type Rows = readonly unknown[];

export interface SpecParts {
  /** The spec to embed: the skeleton with its `datasets` and description. Draws what the original spec draws. */
  readonly spec: VisualizationSpec;
  /** The skeleton as JSON (no rows, no description): two specs with the same key differ only in their data. */
  readonly key: string;
  /** Each named dataset's rows (the arrays of the original spec, not copies). */
  readonly datasets: Readonly<Record<string, Rows>>;
  /** The top-level description, if any. */
  readonly description: string | undefined;
  /** Values the skeleton reads from top-level signals (its title's subtitle, which names the period or a rate). */
  readonly signals: Readonly<Record<string, unknown>>;
  /** The chart's width and height in pixels when given as numbers (a single or layered chart): not in the key. */
  readonly size: { readonly width: number | undefined; readonly height: number | undefined };
}

/** The signal that holds the top-level title's subtitle in the skeleton. */
export const SUBTITLE_SIGNAL = '__subtitle';
/** The prefix of the signals that hold numbers lifted out of the skeleton. */
const LIFTED = '__value_';
/** Where numbers are lifted: the properties (values) of each kind of object (key). */
const LIFTABLE: Readonly<Record<string, readonly string[]>> = {
  scale: ['domain', 'domainMin', 'domainMax', 'domainMid'],
  axis: ['values'],
};

/** Encoding channels, whose constant `datum` (an area rate drawn as a rule, say) is lifted too. */
const CHANNELS = new Set(['x', 'y', 'x2', 'y2', 'theta', 'radius', 'text', 'color', 'fill', 'stroke', 'size', 'opacity']);
/** Channels whose constant `value` is text about the data (an area rate's tooltip and accessible description). */
const TEXT_CHANNELS = new Set(['tooltip', 'description', 'text']);

/** Whether `key` of an object found under `parent` is lifted into a signal. */
function liftable(parent: string | undefined, key: string): boolean {
  if (parent === undefined) return false;
  if (LIFTABLE[parent]?.includes(key)) return true;
  return (key === 'datum' && CHANNELS.has(parent)) || (key === 'value' && TEXT_CHANNELS.has(parent));
}

const GENERATED = '__data_';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits `spec` into its skeleton and datasets; null when it cannot be split safely (two different arrays under one
 * dataset name, or a generated name already taken), in which case the spec is embedded as it is.
 */
export function splitSpec(spec: VisualizationSpec): SpecParts | null {
  if (!isPlainObject(spec)) return null;
  const datasets: Record<string, Rows> = {};
  const signals: Record<string, unknown> = {};
  let generated = 0;
  let lifted = 0;
  let clash = false;

  const add = (name: string, rows: Rows) => {
    if (Object.hasOwn(datasets, name) && datasets[name] !== rows) clash = true;
    datasets[name] = rows;
  };

  // An inline data object holding only rows (and perhaps a name) becomes a reference to a named dataset; one with
  // anything else (a format, say) stays as it is, rows and all, so a change to it makes the skeleton differ.
  const inlineData = (data: Record<string, unknown>): Record<string, unknown> | null => {
    const keys = Object.keys(data);
    if (!Array.isArray(data.values) || !keys.every((k) => k === 'values' || k === 'name')) return null;
    if (data.name !== undefined && typeof data.name !== 'string') return null;
    let name = data.name as string | undefined;
    if (name === undefined) name = `${GENERATED}${generated++}`;
    else if (name.startsWith(GENERATED)) clash = true;
    add(name, data.values as Rows);
    return { name };
  };

  // Constants computed from the data that Vega-Lite takes as an expression too: scale domains, axis tick values, a
  // channel's constant datum, a tooltip's or description's constant text. Numbers (and, for those, text) only.
  const lift = (value: unknown, text: boolean): { expr: string } | null => {
    const constant = typeof value === 'number' || (text && typeof value === 'string')
      || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number'));
    if (!constant) return null;
    const name = `${LIFTED}${lifted++}`;
    signals[name] = value;
    return { expr: name };
  };

  const walk = (value: unknown, parent?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'data' && isPlainObject(v)) out[k] = inlineData(v) ?? walk(v, k);
      else out[k] = (liftable(parent, k) ? lift(v, k === 'value') : null) ?? walk(v, k);
    }
    return out;
  };

  const { datasets: given, description, ...rest } = spec as Record<string, unknown>;
  // The subtitle (lines of text) is drawn from a signal, so a new period or area rate is a new value, not a new chart.
  const params = rest.params ?? [];
  // The names the split adds (all begin "__") must be free.
  if (!Array.isArray(params) || params.some((p) => !isPlainObject(p) || typeof p.name !== 'string' || p.name.startsWith('__'))) return null;
  const title = rest.title;
  if (isPlainObject(title) && (typeof title.subtitle === 'string' || (Array.isArray(title.subtitle) && title.subtitle.every((line) => typeof line === 'string')))) {
    signals[SUBTITLE_SIGNAL] = title.subtitle;
    rest.title = { ...title, subtitle: { signal: SUBTITLE_SIGNAL } };
  }
  if (given !== undefined) {
    if (!isPlainObject(given)) return null;
    for (const [name, rows] of Object.entries(given)) {
      if (!Array.isArray(rows) || name.startsWith(GENERATED)) return null;
      add(name, rows);
    }
  }
  const skeleton = walk(rest) as Record<string, unknown>;
  if (clash || (description !== undefined && typeof description !== 'string')) return null;
  // A single or layered chart's height in pixels (a heat table's grows with its rows) is the view's height signal,
  // which the view can be given; so it is not part of the key. (A concatenation's is not the view's.)
  const single = 'mark' in skeleton || 'layer' in skeleton;
  const size = {
    width: single && typeof skeleton.width === 'number' ? skeleton.width : undefined,
    height: single && typeof skeleton.height === 'number' ? skeleton.height : undefined,
  };
  const key = JSON.stringify({ ...skeleton, ...(size.width === undefined ? {} : { width: 'given' }), ...(size.height === undefined ? {} : { height: 'given' }) });
  const embedded: Record<string, unknown> = { ...skeleton };
  const declared = Object.entries(signals).map(([name, value]) => ({ name, value }));
  if (declared.length) embedded.params = [...((skeleton.params as unknown[] | undefined) ?? []), ...declared];
  if (Object.keys(datasets).length) embedded.datasets = datasets;
  if (description !== undefined) embedded.description = description;
  return { spec: embedded as VisualizationSpec, key, datasets, description: description as string | undefined, signals, size };
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The names whose values differ (in content) between two records. */
function changedNames(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !deepEqual(before[name], after[name]));
}

/** The names of the datasets whose rows differ (in content) between two splits of the same skeleton. */
export const changedDatasets = (before: SpecParts, after: SpecParts): string[] => changedNames(before.datasets, after.datasets);

/** The names of the signals whose values differ between two splits of the same skeleton. */
export const changedSignals = (before: SpecParts, after: SpecParts): string[] => changedNames(before.signals, after.signals);

/** Whether two splits draw the same chart: the same skeleton, rows, signal values and description. */
export function sameChart(before: SpecParts, after: SpecParts): boolean {
  return before.key === after.key && before.description === after.description
    && changedDatasets(before, after).length === 0 && changedSignals(before, after).length === 0;
}

/** Shallow copies of the rows: Vega writes into the objects it is given (tuple ids, formula fields). */
export function copyRows(rows: Rows): unknown[] {
  return rows.map((row) => (typeof row === 'object' && row !== null ? { ...row } : row));
}

/** The spec to embed, with copies of its rows, so that the split's own rows stay as they were given. */
export function specWithCopiedRows(parts: SpecParts): VisualizationSpec {
  if (!Object.keys(parts.datasets).length) return parts.spec;
  const datasets = Object.fromEntries(Object.entries(parts.datasets).map(([name, rows]) => [name, copyRows(rows)]));
  return { ...parts.spec, datasets } as VisualizationSpec;
}
