// The waits figure's model (src/db/enrich.sql: wait_facts) and its histogram query (src/queries/waits.sql, issue 14)
// give exactly what the straightforward query gives: every accepted referral's waits gathered per group and handed
// to quantile_cont, as the figure was computed before. Checked on the sample data, on real DuckDB-wasm, under many
// parameter sets (every school alone, so groups of 1, 2, 3… waits; periods of one month to all; each service and
// locality), value for value (the quantiles as the same doubles, to the last bit).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, QueryParam } from '../../src/db/database.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import { openWith } from './fixture.ts';

const SAMPLE = new URL('../../sample-data/', import.meta.url);
let db: Database;

beforeAll(async () => {
  const files = Object.fromEntries(readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(new URL(f, SAMPLE), 'utf8')]));
  db = (await openWith(files)).db;
});
afterAll(async () => db.close());

// The reference: the waits query as it read the accepted referrals themselves, quantiles by quantile_cont.
const REFERENCE = `
WITH params AS (
  SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality,
         ?::VARCHAR AS school_urn
),
bounds AS (
  SELECT strptime(from_month, '%Y-%m')::DATE AS start_date,
         (strptime(to_month, '%Y-%m') + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS as_of
  FROM params
),
accepted AS (
  SELECT e.*, date_diff('day', e.referral_date, e.first_contact_date) / 7.0 AS wait_weeks,
         date_diff('day', e.referral_date, b.as_of) / 7.0 AS waiting_weeks,
         e.first_contact_date BETWEEN b.start_date AND b.as_of AS seen_in_period,
         e.referral_date <= b.as_of AND (e.first_contact_date IS NULL OR e.first_contact_date > b.as_of) AS waiting_at_end
  FROM accepted_referrals e, params p, bounds b
  WHERE (p.service IS NULL OR e.service = p.service)
    AND (p.locality IS NULL OR e.locality = p.locality)
    AND (p.school_urn IS NULL OR e.school_urn = p.school_urn)
)
SELECT
  service, school_type, age_phase, seen, seen_ckey,
  wait_quantiles[1] AS median_weeks, wait_quantiles[2] AS p90_weeks,
  seen_within_18_weeks, seen_within_18_weeks_ckey, waiting, waiting_ckey, waiting_over_18_weeks,
  waiting_over_18_weeks_ckey, waiting_over_52_weeks, waiting_over_52_weeks_ckey, as_of
FROM (
  SELECT
    service, school_type, age_phase,
    count(*) FILTER (WHERE seen_in_period)::INTEGER AS seen,
    (coalesce(sum(rkey) FILTER (WHERE seen_in_period), 0) % 256)::INTEGER AS seen_ckey,
    quantile_cont(wait_weeks, [0.5, 0.9]) FILTER (WHERE seen_in_period) AS wait_quantiles,
    count(*) FILTER (WHERE seen_in_period AND wait_weeks <= 18)::INTEGER AS seen_within_18_weeks,
    (coalesce(sum(rkey) FILTER (WHERE seen_in_period AND wait_weeks <= 18), 0) % 256)::INTEGER AS seen_within_18_weeks_ckey,
    count(*) FILTER (WHERE waiting_at_end)::INTEGER AS waiting,
    (coalesce(sum(rkey) FILTER (WHERE waiting_at_end), 0) % 256)::INTEGER AS waiting_ckey,
    count(*) FILTER (WHERE waiting_at_end AND waiting_weeks > 18)::INTEGER AS waiting_over_18_weeks,
    (coalesce(sum(rkey) FILTER (WHERE waiting_at_end AND waiting_weeks > 18), 0) % 256)::INTEGER AS waiting_over_18_weeks_ckey,
    count(*) FILTER (WHERE waiting_at_end AND waiting_weeks > 52)::INTEGER AS waiting_over_52_weeks,
    (coalesce(sum(rkey) FILTER (WHERE waiting_at_end AND waiting_weeks > 52), 0) % 256)::INTEGER AS waiting_over_52_weeks_ckey,
    (SELECT as_of FROM bounds) AS as_of
  FROM accepted
  GROUP BY GROUPING SETS ((service, school_type, age_phase), (service, school_type), (service, age_phase), (service))
)
ORDER BY service, school_type NULLS LAST, age_phase NULLS LAST
`;

describe('wait_facts', () => {
  it('is accepted_referrals row for row, its dates as day numbers and its categories as ENUMs of the same text', async () => {
    const cols = 'service, school_type, age_phase, locality, school_urn, rkey';
    const facts = `SELECT service::VARCHAR AS service, school_type::VARCHAR AS school_type, age_phase::VARCHAR AS age_phase,
        locality, school_urn, rkey, DATE '1970-01-01' + referral_day AS referral_date, DATE '1970-01-01' + contact_day AS first_contact_date
      FROM wait_facts`;
    const accepted = `SELECT ${cols}, referral_date, first_contact_date FROM accepted_referrals`;
    expect(await db.query(`(${facts}) EXCEPT ALL (${accepted})`)).toEqual([]);
    expect(await db.query(`(${accepted}) EXCEPT ALL (${facts})`)).toEqual([]);
    const [n] = await db.query<{ n: number; types: string }>(
      "SELECT count(*) AS n, any_value(typeof(service) || ' ' || typeof(school_type) || ' ' || typeof(age_phase)) AS types FROM wait_facts");
    expect(n!.n).toBeGreaterThan(10_000);
    expect(n!.types).toMatch(/^ENUM\(.*\) ENUM\(.*\) ENUM\(.*\)$/);
  });
});

describe('waits.sql on wait_facts', () => {
  async function same(params: readonly QueryParam[]): Promise<number> {
    const expected = await db.query(REFERENCE, params);
    const actual = await db.query(diskSql('waits'), params);
    // Row order: the reference orders by service, school type, age phase; ties are only a subtotal's NULL beside a
    // group whose value is NULL, which the sample has none of.
    expect(actual).toEqual(expected);
    // toEqual treats -0 and 0 alike and compares numbers with ===, so the quantiles are the same doubles.
    return expected.length;
  }

  it('gives the same rows as quantile_cont over the raw rows, under every service, locality and period tried', async () => {
    const months = (await db.query<{ m: string }>(
      "SELECT DISTINCT strftime(first_contact_date, '%Y-%m') AS m FROM accepted_referrals WHERE first_contact_date IS NOT NULL ORDER BY m")).map((r) => r.m);
    const localities = (await db.query<{ l: string }>('SELECT DISTINCT locality AS l FROM accepted_referrals ORDER BY l')).map((r) => r.l);
    expect(months.length).toBeGreaterThan(24);
    let rows = 0;
    const periods: [string, string][] = [[months[0]!, months.at(-1)!]];
    for (let i = 0; i < months.length; i += 5) periods.push([months[i]!, months.at(-1)!], [months[i]!, months[i]!], [months[i]!, months[Math.min(i + 7, months.length - 1)]!]);
    for (const [from, to] of periods) {
      for (const service of [null, 'SLT', 'OT']) rows += await same([service, from, to, null, null]);
    }
    for (const locality of localities) rows += await same([null, months[3]!, months.at(-1)!, locality, null]);
    expect(rows).toBeGreaterThan(1000);
  }, 120_000);

  it('gives the same rows for every school alone (groups of one, two, a few waits), over two periods', async () => {
    const schools = (await db.query<{ urn: string }>('SELECT DISTINCT school_urn AS urn FROM accepted_referrals ORDER BY urn')).map((r) => r.urn);
    expect(schools.length).toBeGreaterThan(50);
    const [{ lo, hi } = { lo: '', hi: '' }] = await db.query<{ lo: string; hi: string }>(
      "SELECT strftime(min(referral_date), '%Y-%m') AS lo, strftime(max(referral_date), '%Y-%m') AS hi FROM accepted_referrals");
    let rows = 0;
    for (const urn of schools) {
      rows += await same([null, lo, hi, null, urn]);
      rows += await same(['SLT', '2023-01', '2023-06', null, urn]);
    }
    expect(rows).toBeGreaterThan(500);
  }, 120_000);

  it('fails when a quantile is interpolated another way (the check can fail)', async () => {
    const altered = diskSql('waits').replace('q.lo90 * (1 - (q.rn90 - floor(q.rn90))) + q.hi90 * (q.rn90 - floor(q.rn90))', 'q.lo90 + (q.hi90 - q.lo90) * (q.rn90 - floor(q.rn90))');
    expect(altered).not.toBe(diskSql('waits'));
    const params = [null, '2021-09', '2026-08', null, null];
    expect(await db.query(altered, params)).not.toEqual(await db.query(REFERENCE, params));
  });
});
