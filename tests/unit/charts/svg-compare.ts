// Comparing two SVGs drawn by Vega: ids renumbered, and where they first differ.

/** Vega numbers clip paths from a counter over the whole process: renumbered in order of appearance. */
export function numberIds(svg: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
  return ids.reduce((out, id, i) => out.split(`"${id}"`).join(`"id${i}"`).split(`#${id})`).join(`#id${i})`), svg);
}

/** '' if equal, else some context around the first difference. */
export function firstDifference(a: string, b: string): string {
  if (a === b) return '';
  let i = 0;
  while (a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 200), i + 100)}… against …${b.slice(Math.max(0, i - 200), i + 100)}…`;
}
