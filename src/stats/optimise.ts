// A small Nelder–Mead minimiser for fitting forecast smoothing parameters. Derivative-free because the one-step
// SSE of a Holt-Winters recursion has no convenient gradient; deterministic so forecasts are reproducible.

type Vertex = { x: number[]; v: number };

/** Nelder–Mead's last resort: move every vertex halfway towards the best one. */
function shrinkTowards(best: Vertex, simplex: readonly Vertex[], evaluate: (x: number[]) => number): Vertex[] {
  return simplex.map((p) => {
    if (p === best) return best;
    const x = p.x.map((v, j) => (best.x[j] as number) + 0.5 * (v - (best.x[j] as number)));
    return { x, v: evaluate(x) };
  });
}

export interface MinimiseResult {
  x: number[];
  value: number;
  evaluations: number;
}

/** Minimise f from `start`, with initial simplex steps `step`, until the simplex's values agree to `tol`. */
export function nelderMead(f: (x: number[]) => number, start: readonly number[], step = 0.5, tol = 1e-10, maxEvaluations = 2000): MinimiseResult {
  const dim = start.length;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [start.slice(), ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x, v: evaluate(x) }));
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0] as Vertex;
    const worst = simplex[dim] as Vertex;
    if (Math.abs(worst.v - best.v) <= tol * (Math.abs(best.v) + tol)) break;
    const centroid = Array.from({ length: dim }, (_, j) => simplex.slice(0, dim).reduce((s, p) => s + (p.x[j] as number), 0) / dim);
    const along = (t: number) => centroid.map((c, j) => c + t * ((worst.x[j] as number) - c));
    const reflected = { x: along(-1), v: 0 };
    reflected.v = evaluate(reflected.x);
    const second = simplex[dim - 1] as Vertex;
    if (reflected.v < best.v) {
      const expanded = { x: along(-2), v: 0 };
      expanded.v = evaluate(expanded.x);
      simplex[dim] = expanded.v < reflected.v ? expanded : reflected;
    } else if (reflected.v < second.v) {
      simplex[dim] = reflected;
    } else {
      const contracted = { x: along(reflected.v < worst.v ? -0.5 : 0.5), v: 0 };
      contracted.v = evaluate(contracted.x);
      if (contracted.v < Math.min(worst.v, reflected.v)) simplex[dim] = contracted;
      else simplex = shrinkTowards(best, simplex, evaluate);
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  const best = simplex[0] as Vertex;
  return { x: best.x, value: best.v, evaluations };
}
