// settingComparisonSpec and funnelPlotSpec draw the area as a rule from a `datum` ('area_line', 'area_rate'), which
// Vega renders as an image with no text alternative (axe: svg-img-alt, serious). Until the shared specs give those
// layers a description (asked for in the My setting hand-over), this adds one naming the value the rule marks.
import type { TopLevelSpec } from 'vega-lite';

type Layer = { name?: string; encoding?: Record<string, unknown> };
const AREA_LAYERS = ['area_line', 'area_rate'];
const oneDp = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export function describeAreaLine(spec: TopLevelSpec, what: string): TopLevelSpec {
  const layers = (spec as { layer?: Layer[] }).layer;
  if (!layers) return spec;
  const layer = layers.map((l) => {
    if (!AREA_LAYERS.includes(l.name ?? '') || l.encoding?.description) return l;
    const channel = (l.encoding?.x ?? l.encoding?.y) as { datum?: unknown } | undefined;
    const value = typeof channel?.datum === 'number' ? `: ${oneDp.format(channel.datum)}` : '';
    return { ...l, encoding: { ...l.encoding, description: { value: `${what}${value}` } } };
  });
  return { ...spec, layer } as TopLevelSpec;
}
