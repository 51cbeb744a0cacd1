// Shared look of every chart: GOV.UK-like type and a neutral palette. Referral rates are neither good nor bad when
// high or low (METHODS §3, §5), so comparisons are blue (lower) / orange (higher), never red / green.
//
// Contrast against white (WCAG 2.x relative luminance; graphical objects need ≥ 3:1, text ≥ 4.5:1), checked by
// tests/unit/charts/theme.test.ts:
//   much lower  #003078 12.40   lower  #1d70b8 5.17   higher #e66100 3.46   much higher #a34700 6.07
//   similar (marks) #6f777b 4.56   ink #0b0c0c 19.59   secondary ink #505a5f 7.07
//   SLT #12436d 10.25   OT #28a197 3.17
// Exception: the heat-table fill for "similar" is the lighter #b1b4b6 (2.08 against white), so that dark text on
// it reads at 9.40:1. Colour is never the only carrier there: every cell is outlined and says its comparison in
// words, and the legend repeats it.
import type { Config } from 'vega-lite';

export const FONT = 'Arial, Helvetica, sans-serif';
export const INK = '#0b0c0c';
export const SECONDARY_INK = '#505a5f';
export const LIGHT_GREY = '#f3f2f1';
export const BORDER_GREY = '#b1b4b6';

export const PALETTE = {
  muchLower: '#003078',
  lower: '#1d70b8',
  similar: '#b1b4b6',
  similarMark: '#6f777b',
  higher: '#e66100',
  muchHigher: '#a34700',
  notCompared: '#ffffff',
  suppressed: LIGHT_GREY,
} as const;

/** Heat-table comparison labels (Comparison from src/stats plus the states a cell can be in), in legend order. */
export const COMPARISON_DOMAIN = ['much lower', 'lower', 'similar', 'higher', 'much higher', 'not compared', 'suppressed'] as const;
export const COMPARISON_RANGE = [
  PALETTE.muchLower, PALETTE.lower, PALETTE.similar, PALETTE.higher, PALETTE.muchHigher, PALETTE.notCompared, PALETTE.suppressed,
];
/** Text drawn on each fill: the darker of white / ink that passes 4.5:1 on it. */
export const COMPARISON_INK: Record<(typeof COMPARISON_DOMAIN)[number], string> = {
  'much lower': '#ffffff', lower: '#ffffff', similar: INK, higher: INK, 'much higher': '#ffffff',
  'not compared': INK, suppressed: SECONDARY_INK,
};

export const SERVICE_COLOURS: Record<string, string> = { SLT: '#12436d', OT: '#28a197' };
export const SPECIAL_CAUSE = { high: PALETTE.higher, low: PALETTE.lower, common: PALETTE.similarMark } as const;

export const FONT_SIZES = { label: 14, title: 16, chartTitle: 19, subtitle: 14 } as const;

export const chartConfig: Config = {
  font: FONT,
  background: '#ffffff',
  view: { stroke: null },
  title: {
    font: FONT, fontSize: FONT_SIZES.chartTitle, fontWeight: 'bold', color: INK, anchor: 'start',
    subtitleFont: FONT, subtitleFontSize: FONT_SIZES.subtitle, subtitleColor: SECONDARY_INK, offset: 12,
  },
  axis: {
    labelFont: FONT, labelFontSize: FONT_SIZES.label, labelColor: INK, titleFont: FONT, titleFontSize: FONT_SIZES.title,
    titleColor: INK, titleFontWeight: 'bold', domainColor: SECONDARY_INK, tickColor: SECONDARY_INK, gridColor: '#e5e5e5',
    labelLimit: 280,
  },
  legend: {
    labelFont: FONT, labelFontSize: FONT_SIZES.label, labelColor: INK, titleFont: FONT, titleFontSize: FONT_SIZES.label,
    titleColor: INK, titleFontWeight: 'bold', orient: 'bottom', direction: 'horizontal', columns: 3, symbolSize: 120,
    labelLimit: 320, titleLimit: 400,
  },
  header: { labelFont: FONT, labelFontSize: FONT_SIZES.label, titleFont: FONT, titleFontSize: FONT_SIZES.title },
  text: { font: FONT, fontSize: FONT_SIZES.label, color: INK },
  mark: { color: PALETTE.lower },
  locale: {
    number: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] },
  },
};

/** A quantitative y axis's title set horizontally above the plot, left-aligned (GOV.UK / ONS style): a long unit
 * ("Referrals per 1,000 pupils per year") rotated beside a short plot would run past its top and into the title. */
export const Y_TITLE_ABOVE = {
  titleAngle: 0, titleAlign: 'left', titleBaseline: 'bottom', titleX: 0, titleY: -10,
} as const;

/** A category (band) y axis's title set horizontally above its labels, right-aligned with them. */
export const Y_TITLE_ABOVE_LABELS = {
  titleAngle: 0, titleAlign: 'right', titleBaseline: 'bottom', titleX: -8, titleY: -8,
} as const;

/** The parts every spec shares: sizing to the container, the theme and the accessible description. */
export interface Frame {
  $schema: string; description: string; width: 'container'; height: number;
  autosize: { type: 'fit'; contains: 'padding' }; config: Config;
}

export function frame(height: number, description: string): Frame {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    width: 'container',
    height,
    autosize: { type: 'fit', contains: 'padding' },
    config: chartConfig,
  };
}

/** WCAG relative-luminance contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
