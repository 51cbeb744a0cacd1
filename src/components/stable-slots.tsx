import { Fragment, useState, type ReactNode } from 'react';

/**
 * Slots for a list of items drawn one figure each (a view's services): an item shown before keeps its slot, and a
 * new item takes the slot of one just gone (its figure is still drawn) or else the lowest slot no item holds. Keyed
 * by slot, a figure whose item stays is left as it is (Service "(all)" → OT leaves OT's figure alone) and one whose
 * item is replaced is redrawn in place with the new data (SLT → OT: src/charts/spec-data.ts) instead of being
 * unmounted and embedded afresh (one draw: p50 6 ms in place against 26 ms embedded, BENCHMARKS.md stop 21).
 */
export function assignSlots(previous: ReadonlyMap<string, number>, items: readonly string[]): Map<string, number> {
  const next = new Map<string, number>();
  for (const item of items) {
    const slot = previous.get(item);
    if (slot !== undefined) next.set(item, slot);
  }
  const used = new Set(next.values());
  // Slots whose figures are drawn now but whose items are gone first (reused, not embedded afresh), lowest first.
  const gone = [...previous.values()].filter((slot) => !used.has(slot)).sort((a, b) => a - b);
  let fresh = 0;
  for (const item of items) {
    if (next.has(item)) continue;
    let slot = gone.shift();
    if (slot === undefined) {
      while (used.has(fresh)) fresh++;
      slot = fresh;
    }
    next.set(item, slot);
    used.add(slot);
  }
  return next;
}

const sameSlots = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([item, slot]) => b.get(item) === slot);

/** Each item's figure (`children(item)`), keyed by its slot (assignSlots) across renders. */
export function StableSlots<T extends string>({ items, children }: { items: readonly T[]; children: (item: T) => ReactNode }) {
  const [slots, setSlots] = useState<ReadonlyMap<string, number>>(() => assignSlots(new Map(), items));
  const next = assignSlots(slots, items);
  // Information from the render before (React's "storing information from previous renders"): set only on a change.
  if (!sameSlots(next, slots)) setSlots(next);
  return items.map((item) => <Fragment key={next.get(item)}>{children(item)}</Fragment>);
}

/**
 * The services a section draws. While the answer on screen is still the previous filters' (react-query's
 * placeholder, `previousAnswer`, until the new one comes): those of the services asked for that it was computed
 * for, drawn from it at once (all → OT: the OT figures stay, the SLT ones go), or, when it has none of them, the
 * services it was computed for, so that their figures stay as they are until the new answer redraws them in place
 * (SLT → OT) — instead of each being drawn once more, empty, for the service the old answer lacks, then again.
 */
export function useAnsweredServices<T extends string>(services: readonly T[], previousAnswer: boolean): readonly T[] {
  const [answered, setAnswered] = useState(services);
  const same = answered.length === services.length && answered.every((s, i) => s === services[i]);
  if (!previousAnswer && !same) setAnswered(services);
  if (!previousAnswer) return services;
  const held = services.filter((s) => answered.includes(s));
  return held.length ? held : answered;
}
