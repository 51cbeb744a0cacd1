import { describe, expect, it } from 'vitest';
import { chartConfig, COMPARISON_DOMAIN, COMPARISON_INK, COMPARISON_RANGE, INK, PALETTE, SECONDARY_INK, SERVICE_COLOURS, contrastRatio } from '../../../src/charts/theme.ts';
import { formatMonth, subtitleOf } from '../../../src/charts/format.ts';
import { expectGolden } from './helpers.ts';

const hue = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  if (d === 0) return null;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 21, 'WCAG maximum'],
    ['#ffffff', '#ffffff', 1, 'identical colours'],
    ['#1d70b8', '#ffffff', 5.17, 'GOV.UK blue, published as 5.17:1'],
    ['#767676', '#ffffff', 4.54, 'the usual lightest AA grey on white'],
  ])('%s on %s → %s (%s)', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });
});

describe('chartConfig', () => {
  it('matches its golden (GOV.UK-like type: Arial, 14–19px, #0b0c0c text)', () => expectGolden('theme-config', chartConfig));
});

describe('palette', () => {
  it.each(Object.entries({ ...PALETTE, INK, SECONDARY_INK, ...SERVICE_COLOURS })
    .filter(([name]) => !['similar', 'notCompared', 'suppressed'].includes(name)))(
    '%s (%s) reaches 3:1 against white, as a graphical object must', (_name, colour) => {
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    });

  it('the light "similar" fill is the documented exception: under 3:1 on white, so its cells carry words', () => {
    expect(contrastRatio(PALETTE.similar, '#ffffff')).toBeLessThan(3);
  });

  it.each(COMPARISON_DOMAIN.map((state, i) => [state, COMPARISON_RANGE[i] as string, COMPARISON_INK[state]]))(
    'text on the %s fill (%s) reads at 4.5:1 or more', (_state, fill, ink) => {
      expect(contrastRatio(ink, fill)).toBeGreaterThanOrEqual(4.5);
    });

  it('comparison colours are blue, orange or grey: never red or green (METHODS §3)', () => {
    for (const colour of COMPARISON_RANGE) {
      const h = hue(colour);
      if (h === null) continue;
      const blue = h >= 200 && h <= 230, orange = h >= 20 && h <= 40;
      expect(blue || orange, `${colour} has hue ${h.toFixed(0)}°`).toBe(true);
    }
  });
});

describe('subtitleOf / formatMonth', () => {
  it('drops missing parts and wraps at about 60 characters', () => {
    expect(subtitleOf('A', null, 'B', undefined, false)).toEqual(['A · B']);
    expect(subtitleOf('x'.repeat(50), 'y'.repeat(20))).toEqual(['x'.repeat(50), 'y'.repeat(20)]);
    expect(subtitleOf()).toEqual([]);
  });
  it('prints months the way users read them', () => {
    expect(formatMonth('2024-01')).toBe('Jan 2024');
    expect(formatMonth('2023-12-01')).toBe('Dec 2023');
  });
});
