// The Vega spec a chart is embedded from, compiled from Vega-Lite once per skeleton (src/charts/spec-data.ts). Two
// specs with the same skeleton and size compile to the same Vega spec but for their datasets' rows, the lifted signals'
// values and the description; Vega-Lite's compile was half of embedding a chart afresh (12–28 ms of 29–47 ms in a
// profile of Equity's service changes), and a page draws many charts of one skeleton (Demand's SPC multiples, a
// second service's charts). So the first compile of a skeleton is kept with its data taken out, and the next chart
// of that skeleton gets a copy with its own rows, signal values and description put in: the Vega spec its own
// compile would give (tests/unit/compiled-spec.test.ts compares the two on the product's charts).
import type { Spec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { copyRows, specWithCopiedRows, type SpecParts } from '../charts/spec-data.ts';

interface Skeleton {
  /** The compiled spec as JSON, its datasets' values emptied. */
  readonly json: string;
}

const SKELETONS = new Map<string, Skeleton | null>();
const SKELETONS_KEPT = 64;

type DataEntry = { name?: string; values?: unknown };
type SignalEntry = { name?: string; value?: unknown };

/** Puts `parts`' rows, signal values and description into `spec` (a compiled copy); false when they do not fit. */
function fill(spec: Spec, parts: SpecParts): boolean {
  const data = (spec.data ?? []) as DataEntry[];
  const named = new Set<string>();
  for (const entry of data) {
    if (!Object.hasOwn(entry, 'values')) continue;
    const rows = entry.name === undefined ? undefined : parts.datasets[entry.name];
    // Inline values that are not one of the split's datasets would be the first chart's rows: not reused.
    if (!rows) return false;
    entry.values = copyRows(rows);
    named.add(entry.name as string);
  }
  if (Object.keys(parts.datasets).some((name) => !named.has(name))) return false;
  const signals = (spec.signals ?? []) as SignalEntry[];
  for (const [name, value] of Object.entries(parts.signals)) {
    const signal = signals.find((s) => s.name === name);
    if (!signal || !Object.hasOwn(signal, 'value')) return false;
    signal.value = value;
  }
  if (parts.description === undefined) delete spec.description;
  else spec.description = parts.description;
  return true;
}

/** The compiled Vega spec for `parts`, or null when it cannot be made from a kept compile (embed the spec as it is). */
export function compiledSpec(parts: SpecParts): Spec | null {
  const key = `${parts.key}\u0000${JSON.stringify(parts.size)}`;
  let skeleton = SKELETONS.get(key);
  if (skeleton === undefined) {
    const compiled = compile(specWithCopiedRows(parts) as TopLevelSpec).spec;
    const empty = structuredClone(compiled);
    for (const entry of (empty.data ?? []) as DataEntry[]) if (Object.hasOwn(entry, 'values')) entry.values = [];
    // A skeleton whose compile cannot be refilled is remembered as such (null), so it is not compiled twice.
    skeleton = fill(structuredClone(empty), parts) ? { json: JSON.stringify(empty) } : null;
    SKELETONS.set(key, skeleton);
    if (SKELETONS.size > SKELETONS_KEPT) SKELETONS.delete(SKELETONS.keys().next().value as string);
    if (skeleton) return compiled;
  }
  if (!skeleton) return null;
  const spec = JSON.parse(skeleton.json) as Spec;
  return fill(spec, parts) ? spec : null;
}
