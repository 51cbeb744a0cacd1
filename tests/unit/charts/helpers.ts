// Test helpers for chart specs: golden JSON comparison and a headless render to SVG.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expect } from 'vitest';
import { chartConfig } from '../../../src/charts/theme.ts';

const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../golden');

/**
 * Compares `spec` with tests/golden/<name>.json. A missing golden is written only when UPDATE_GOLDEN is set
 * (create once with `UPDATE_GOLDEN=1 npx vitest run tests/unit/charts`, then read it); otherwise a missing golden
 * fails, so CI never creates one silently. UPDATE_GOLDEN=overwrite rewrites existing goldens too.
 */
export function expectGolden(name: string, spec: unknown): void {
  const file = resolve(GOLDEN_DIR, `${name}.json`);
  const actual = JSON.parse(JSON.stringify(withThemeByName(spec))) as unknown;
  const update = process.env.UPDATE_GOLDEN;
  if ((!existsSync(file) && update) || update === 'overwrite') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  if (!existsSync(file)) throw new Error(`Golden ${name}.json is missing: run with UPDATE_GOLDEN=1 once and inspect it.`);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

/** Every chart carries the shared theme; its golden says so by name (the theme has its own golden) so that a
 * theme change shows once, in theme-config.json, not in every chart's golden. A chart that alters the config
 * keeps the whole object in its golden. */
function withThemeByName(spec: unknown): unknown {
  if (typeof spec !== 'object' || spec === null || !('config' in spec)) return spec;
  const same = JSON.stringify((spec as { config: unknown }).config) === JSON.stringify(chartConfig);
  return same ? { ...spec, config: 'chartConfig (see theme-config.json)' } : spec;
}

export interface Rendered { svg: string; view: View }

/** Compiles with vega-lite and renders headlessly; width 'container' has no container here, so 600px. */
export async function render(spec: TopLevelSpec): Promise<Rendered> {
  const fixed = { ...spec, width: 600 } as TopLevelSpec;
  const { spec: vgSpec } = compile(fixed);
  const view = new View(parse(vgSpec), { renderer: 'none' });
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return { svg, view };
}

export interface MarkItem { tag: string; attributes: string; text: string; ariaLabel: string; fill: string | null }

const unescape = (t: string) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&apos;/g, "'");

/**
 * The drawn items of the mark a spec layer named `name` produces (Vega-Lite calls it `<name>_marks`), read from the
 * SVG: one entry per <path>, <line> or <text> element in that mark's groups.
 */
export function markItems(svg: string, name: string): MarkItem[] {
  // An empty mark is a self-closing <g …/>: match it as empty rather than run on into the next group.
  const groups = [...svg.matchAll(new RegExp(`<g class="mark-\\w+ role-mark ${name}_marks"[^>]*?(?:/>|>(.*?)</g>)`, 'gs'))];
  return groups.flatMap((g) => [...(g[1] ?? '').matchAll(/<(path|line|text)\b([^>]*?)\/?>(?:([^<]*)<\/text>)?/g)].map((m) => ({
    tag: m[1] ?? '', attributes: m[2] ?? '', text: unescape(m[3] ?? ''),
    ariaLabel: unescape(/aria-label="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? ''),
    fill: /fill="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? null,
  })));
}

/** The domain of a discrete axis in drawn order, read from the aria-label Vega gives the axis
 * ("Y-axis titled 'School type' for a discrete scale with 3 values: Mainstream, College, All school types"). */
export function axisValues(svg: string, title: string): string[] {
  for (const m of svg.matchAll(/role-axis"[^>]*aria-label="([^"]*)"/g)) {
    const label = unescape(m[1] ?? '');
    const found = /-axis titled '(.*)' for a discrete scale with \d+ values?: (.*)$/.exec(label);
    if (found && found[1] === title) return (found[2] ?? '').split(', ');
  }
  return [];
}

/** Every <text> element's content in the SVG. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1] ?? ''));
}

/** What vega-embed sets as the container's aria-label (the spec's description; headless SVG has no container). */
export const ariaLabel = (view: View): string | null => view.description() ?? null;
