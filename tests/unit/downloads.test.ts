// Downloads that stand alone (src/components/csv.ts, download.ts): the CSV header block, rounding, units and
// numbers-as-numbers; file names with view, figure, filters, mark and date; the SVG wrapped with its labels.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvValue, toCsv } from '../../src/components/csv.ts';
import { composeSvg, downloadName, svgSize, wrapText } from '../../src/components/download.ts';
import { filtersTag } from '../../src/app/layout/figure-frame.ts';
import type { Column } from '../../src/components/table-columns.ts';

interface Row { name: string; referrals: number | 'c'; rate: number | null; share: number }
const COLUMNS: Column<Row>[] = [
  { key: 'name', label: 'School' },
  { key: 'referrals', label: 'Referrals', format: 'integer' },
  { key: 'rate', label: 'Referrals per 1,000 pupils a year', format: 'decimal1' },
  { key: 'share', label: 'Seen within 18 weeks', format: 'percent1' },
];

describe('CSV downloads', () => {
  it('rounds as the table shows and keeps numbers as numbers', () => {
    expect(csvValue(128.6153846153846, 'decimal1')).toBe(128.6);
    expect(csvValue(12.5, 'integer')).toBe(13);
    expect(csvValue(0.65432, 'percent1')).toBe(65.4);
    expect(csvValue(-0.04, 'decimal1')).toBe(0);
    expect(csvValue('c', 'integer')).toBe('c');
    expect(csvValue('=SUM(A1)', 'text')).toBe("'=SUM(A1)");
  });

  it('starts with the header block, then a blank row, then the table with units in the column names', () => {
    const csv = toCsv<Row>([{ name: 'Ash', referrals: 7, rate: 128.6153846153846, share: 0.5 }, { name: 'Birch', referrals: 'c', rate: null, share: 1 }], COLUMNS,
      [['Title', 'Referral rates'], ['Filters', 'Occupational therapy'], ['Mark', 'SYNTHETIC']]);
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['Title,Referral rates', 'Filters,Occupational therapy', 'Mark,SYNTHETIC', '']);
    expect(lines[4]).toBe('School,Referrals,"Referrals per 1,000 pupils a year",Seen within 18 weeks (%)');
    const parsed = Papa.parse<string[]>(lines.slice(4).join('\n'), { dynamicTyping: true }).data;
    expect(parsed[1]).toEqual(['Ash', 7, 128.6, 50]);
    expect(parsed[2]).toEqual(['Birch', 'c', null, 100]);
  });
});

describe('file names', () => {
  it('carry view, figure, filters and date, and say EXACT for an exact-mode mark', () => {
    expect(downloadName({ view: 'equity', figure: 'referral-rates-ot', filtersTag: filtersTag({ service: 'OT', from: '2024-01', to: '2024-12' }), date: '2026-12-02' }))
      .toBe('equity-referral-rates-ot-ot-2024-01-to-2024-12-2026-12-02');
    expect(downloadName({ view: 'my-setting', figure: 'rates', filtersTag: '', mark: 'EXACT — contains small numbers — not for sharing', date: '2026-12-02' }))
      .toBe('my-setting-rates-EXACT-not-for-sharing-2026-12-02');
    expect(filtersTag({ type: 'mainstream', phase: 'primary', locality: 'North East', to: '2025-08' })).toBe('mainstream-primary-north east-start-to-2025-08');
  });
});

describe('SVG downloads', () => {
  const chart = '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="600" height="300" viewBox="0 0 600 300"><rect width="600" height="300"/></svg>';
  it('read the chart size and wrap it with title, subtitle, filters, source and mark', () => {
    expect(svgSize(chart)).toEqual({ width: 600, height: 300 });
    const out = composeSvg(chart, { title: 'Referral rate & waits', subtitle: ['Sep 2021 to Aug 2026'], filters: 'Occupational therapy', source: 'Sample data', mark: 'SYNTHETIC' });
    expect(out.width).toBe(632);
    expect(out.height).toBeGreaterThan(300 + 5 * 18);
    for (const text of ['Referral rate &amp; waits', 'Sep 2021 to Aug 2026', 'Filters: Occupational therapy', 'Source: Sample data', 'SYNTHETIC']) {
      expect(out.svg).toContain(`>${text}</text>`);
    }
    expect(out.svg).toContain('<svg x="16" y="');
    expect(new DOMParserLike(out.svg).wellFormed).toBe(true);
  });
  it('wraps long lines on spaces', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});

/** A tiny well-formedness check: every opened tag is closed in order (no DOM in vitest's node environment). */
class DOMParserLike {
  readonly wellFormed: boolean;
  constructor(xml: string) {
    const stack: string[] = [];
    let ok = true;
    for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) ok = ok && stack.pop() === m[2];
      else stack.push(m[2]!);
    }
    this.wellFormed = ok && stack.length === 0;
  }
}
