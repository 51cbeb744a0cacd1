// The report's context section on the sample data: the local month-end waiting list checked against a count made
// here straight from sample-data/referrals.csv (plain JavaScript, not the SQL under test), and the published lines
// for the example area present for the same months.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, NO_FILTERS } from '../../src/analytics/index.ts';
import { contextSection, type ContextSection } from '../../src/context/index.ts';
import type { Database } from '../../src/db/database.ts';
import { countQuery } from '../../src/disclosure/index.ts';
import { createQueryRunner } from '../../src/queries/index.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import { loadDirectory } from '../../pipelines/load-dir.ts';

interface Referral { service: string; referral_date: string; outcome: string; first_contact_date: string }
const referrals = Papa.parse<Referral>(readFileSync(new URL('../../sample-data/referrals.csv', import.meta.url), 'utf8'), { header: true, skipEmptyLines: true }).data;

/** Children waiting at the end of `asOf` (yyyy-mm-dd) and those referred more than 18 weeks (126 days) before. */
function waitingAt(service: string, asOf: string) {
  const end = Date.parse(`${asOf}T00:00:00Z`);
  const waiting = referrals.filter((r) => r.service === service && r.outcome === 'accepted' && r.referral_date <= asOf
    && (r.first_contact_date === '' || r.first_contact_date > asOf));
  const over = waiting.filter((r) => (end - Date.parse(`${r.referral_date}T00:00:00Z`)) / 86_400_000 / 7 > 18);
  return { waiting: waiting.length, over: over.length };
}

let db: Database;
let context: ContextSection;
beforeAll(async () => {
  ({ db } = await loadDirectory(new URL('../../sample-data', import.meta.url).pathname));
  const run = countQuery(createQueryRunner((sql, params) => db.query(sql, params), diskSql));
  // Exact mode: the local counts are compared with a count made in plain JS from the referrals file.
  context = await contextSection(run, NO_FILTERS, { settings: { ...DEFAULT_SETTINGS, disclosure: 'exact' } });
}, 60_000);
afterAll(async () => db.close());

describe('report context section on the sample data', () => {
  it('counts the local waiting list at the January and October 2023 month ends as the referrals file does', () => {
    for (const [service, month, asOf] of [['SLT', '2023-01', '2023-01-31'], ['OT', '2023-10', '2023-10-31']] as const) {
      const expected = waitingAt(service, asOf);
      const shown = context.waits_local.find((p) => p.service === service && p.month === month);
      expect(expected.waiting).toBeGreaterThanOrEqual(5);
      expect(shown).toMatchObject({ waiting: expected.waiting, waiting_over_18_weeks: expected.over });
      expect(shown?.pct_over_18_weeks).toBeCloseTo((100 * expected.over) / expected.waiting, 9);
    }
  });

  it('covers the ten published months for both services, beside four published series each', () => {
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2023-${m}`);
    expect(context.waits_local.map((p) => `${p.service} ${p.month}`)).toEqual([...months.map((m) => `SLT ${m}`), ...months.map((m) => `OT ${m}`)]);
    expect(new Set(context.waits_published.map((r) => r.series))).toEqual(new Set([
      'Provider: Oxleas NHS Foundation Trust', 'ICB: NHS South East London ICB', 'NHS region: London', 'England',
    ]));
    expect(context.area.example).toBe(true);
    expect(context.not_in_published_files).toEqual([]);
  });
});
