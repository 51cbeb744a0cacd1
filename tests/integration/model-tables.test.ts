// The model the figures query (src/db/enrich.sql, issue 14): referral_cells holds exactly the referrals' counts and
// record-key sums, cell by cell, and accepted_referrals exactly the accepted referrals; months as integers turn
// back into the same 'yyyy-mm'. Checked on the sample data against referrals_enriched itself, in SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { openWith, sampleFiles } from './fixture.ts';

let db: Database;

beforeAll(async () => {
  const files = sampleFiles();
  db = (await openWith(files)).db;
});
afterAll(async () => db.close());

const CELL_KEYS = 'school_urn, school_type, locality, service, age_phase';

describe('referral_cells', () => {
  it('has every cell of referrals_enriched with its counts and Σ rkey (all and accepted), and nothing else', async () => {
    const fromRows = `SELECT ${CELL_KEYS}, month, count(*)::BIGINT AS referrals, sum(rkey)::BIGINT AS rkeys,
        count(*) FILTER (WHERE outcome = 'accepted')::BIGINT AS accepted,
        coalesce(sum(rkey) FILTER (WHERE outcome = 'accepted'), 0)::BIGINT AS accepted_rkeys
      FROM referrals_enriched GROUP BY ALL`;
    const fromCells = `SELECT ${CELL_KEYS}, month_text(month_index) AS month, referrals::BIGINT AS referrals, rkeys,
        accepted::BIGINT AS accepted, accepted_rkeys
      FROM referral_cells`;
    expect(await db.query(`(${fromRows}) EXCEPT ALL (${fromCells})`)).toEqual([]);
    expect(await db.query(`(${fromCells}) EXCEPT ALL (${fromRows})`)).toEqual([]);
  });

  it('is far smaller than the referrals and adds up to all of them', async () => {
    const [row] = await db.query<{ cells: number; referrals: number; rows: number }>(
      'SELECT count(*) AS cells, sum(referrals)::BIGINT AS referrals, (SELECT count(*) FROM referrals_enriched) AS rows FROM referral_cells');
    expect(row?.referrals).toBe(row?.rows);
    expect(row!.cells).toBeLessThan(row!.rows);
  });
});

describe('accepted_referrals', () => {
  it('is the accepted referrals, row for row', async () => {
    const cols = 'service, school_urn, school_type, age_phase, locality, referral_date, first_contact_date, rkey';
    const accepted = `SELECT ${cols} FROM referrals_enriched WHERE outcome = 'accepted'`;
    expect(await db.query(`(${accepted}) EXCEPT ALL (SELECT ${cols} FROM accepted_referrals)`)).toEqual([]);
    expect(await db.query(`(SELECT ${cols} FROM accepted_referrals) EXCEPT ALL (${accepted})`)).toEqual([]);
    const [n] = await db.query<{ n: number }>("SELECT count(*) AS n FROM referrals_enriched WHERE outcome <> 'accepted'");
    expect(n!.n).toBeGreaterThan(0);
  });
});

describe('waiting_changes', () => {
  it('sums to the waiting list (and those waiting over 18 weeks) at every month end, counted from the referrals', async () => {
    // Every month from a year before the first referral to a year after the last, per service and locality.
    const months = `SELECT (year(m) * 12 + month(m) - 1)::INTEGER AS ix, (m + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS as_of
      FROM (SELECT min(referral_date) AS lo, max(referral_date) AS hi FROM referrals_enriched) b,
        range(date_trunc('month', b.lo) - INTERVAL 12 MONTH, b.hi + INTERVAL 12 MONTH, INTERVAL 1 MONTH) t(m)`;
    const direct = `SELECT m.ix, e.service, e.locality, count(*)::BIGINT AS waiting, sum(e.rkey)::BIGINT AS rkeys,
        count(*) FILTER (WHERE date_diff('day', e.referral_date, m.as_of) / 7.0 > 18)::BIGINT AS over18,
        coalesce(sum(e.rkey) FILTER (WHERE date_diff('day', e.referral_date, m.as_of) / 7.0 > 18), 0)::BIGINT AS over18_rkeys
      FROM (${months}) m JOIN referrals_enriched e ON e.outcome = 'accepted' AND e.referral_date <= m.as_of
        AND (e.first_contact_date IS NULL OR e.first_contact_date > m.as_of)
      GROUP BY ALL`;
    const running = `SELECT m.ix, c.service, c.locality, sum(c.waiting)::BIGINT AS waiting, sum(c.waiting_rkeys)::BIGINT AS rkeys,
        sum(c.over_18_weeks)::BIGINT AS over18, sum(c.over_18_weeks_rkeys)::BIGINT AS over18_rkeys
      FROM (${months}) m JOIN waiting_changes c ON c.month_index <= m.ix
      GROUP BY ALL HAVING sum(c.waiting) <> 0 OR sum(c.waiting_rkeys) <> 0 OR sum(c.over_18_weeks) <> 0`;
    const [n] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM (${direct})`);
    expect(n!.n).toBeGreaterThan(100);
    expect(await db.query(`(${direct}) EXCEPT ALL (${running})`)).toEqual([]);
    expect(await db.query(`(${running}) EXCEPT ALL (${direct})`)).toEqual([]);
  });
});

describe('month_index and month_text', () => {
  it('number months consecutively and turn back into the same text, across year ends', async () => {
    const rows = await db.query<{ month: string; ix: number; back: string; next_ix: number }>(`
      SELECT strftime(m, '%Y-%m') AS month, month_index(strftime(m, '%Y-%m')) AS ix,
        month_text(month_index(strftime(m, '%Y-%m'))) AS back,
        month_index(strftime(m + INTERVAL 1 MONTH, '%Y-%m')) AS next_ix
      FROM range(DATE '1999-01-01', DATE '2031-01-01', INTERVAL 1 MONTH) t(m)`);
    expect(rows).toHaveLength(32 * 12);
    for (const r of rows) {
      expect(r.back).toBe(r.month);
      expect(r.next_ix).toBe(r.ix + 1);
    }
    expect(rows[0]).toMatchObject({ month: '1999-01', ix: 1999 * 12 });
  });
});
