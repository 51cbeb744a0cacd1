// A small discrete-event simulation of a waiting list, used only to check the fluid projection
// (src/stats/queue-projection.ts): individual children arrive as a Poisson process, wait first come first served,
// and are seen at evenly spaced appointment slots (C a month); a slot with nobody waiting is lost.
// Independent of the code under test: its own clock, its own random numbers, no shared helpers.

/** mulberry32: a small seeded generator, so the test is repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulationInput {
  initial: readonly { waitedMonths: number; count: number }[];
  arrivals: readonly number[];
  capacity: readonly number[];
}

/** List size at the end of each month, for one run. */
export function simulateOnce(input: SimulationInput, seed: number): number[] {
  const next = random(seed);
  const queue: number[] = [];
  for (const c of input.initial) for (let k = 0; k < c.count; k++) queue.push(-c.waitedMonths - next());
  queue.sort((a, b) => a - b);
  const sizes: number[] = [];
  for (let month = 0; month < input.arrivals.length; month++) {
    // Arrival times this month: exponential gaps at the month's rate.
    const rate = input.arrivals[month] as number;
    const events: [number, 'arrive' | 'slot'][] = [];
    for (let t = month - Math.log(1 - next()) / rate; t < month + 1; t -= Math.log(1 - next()) / rate) events.push([t, 'arrive']);
    const slots = input.capacity[month] as number;
    for (let k = 0; k < slots; k++) events.push([month + (k + 0.5) / slots, 'slot']);
    events.sort((a, b) => a[0] - b[0]);
    let head = 0;
    for (const [time, kind] of events) {
      if (kind === 'arrive') queue.push(time);
      else if (head < queue.length) head++;
    }
    queue.splice(0, head);
    sizes.push(queue.length);
  }
  return sizes;
}

/** 2.5th and 97.5th percentiles (and mean) of the list size each month over `runs` runs. */
export function simulationBand(input: SimulationInput, runs: number, seed = 1): { lower: number; upper: number; mean: number }[] {
  const all = Array.from({ length: runs }, (_, r) => simulateOnce(input, seed + r * 7919));
  return input.arrivals.map((_, m) => {
    const sizes = all.map((run) => run[m] as number).sort((a, b) => a - b);
    return {
      lower: sizes[Math.floor(0.025 * (runs - 1))] as number,
      upper: sizes[Math.ceil(0.975 * (runs - 1))] as number,
      mean: sizes.reduce((s, x) => s + x, 0) / runs,
    };
  });
}
