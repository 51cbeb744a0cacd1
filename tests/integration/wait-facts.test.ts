// The waits figures' model (src/db/enrich.sql: wait_facts) and the queries that read it (src/queries/waits.sql,
// waits-monthly.sql, waiting-list-age.sql; issue 14), quantiles off a histogram of whole-day waits, give exactly what
// the straightforward queries (tests/integration/reference/) give: every accepted referral's waits gathered per group and handed
// to quantile_cont, as the figure was computed before. Checked on the sample data, on real DuckDB-wasm, under many
// parameter sets (every school alone, so groups of 1, 2, 3… waits; periods of one month to all; each service and
// locality), value for value (the quantiles as the same doubles, to the last bit).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, QueryParam } from '../../src/db/database.ts';
import { diskSql } from '../../src/queries/node-sql.ts';
import { openWith, sampleFiles } from './fixture.ts';

let db: Database;

beforeAll(async () => {
  const files = sampleFiles();
  db = (await openWith(files)).db;
});
afterAll(async () => db.close());

// The references: each query as it read the accepted referrals row by row, quantiles by quantile_cont.
const reference = (name: string) => readFileSync(new URL(`reference/${name}.sql`, import.meta.url), 'utf8');
const REFERENCE = reference('waits');

describe('wait_facts', () => {
  it('is accepted_referrals row for row, its dates as day numbers and its categories as ENUMs of the same text', async () => {
    const cols = 'service, school_type, age_phase, locality, school_urn, rkey';
    const facts = `SELECT service::VARCHAR AS service, school_type::VARCHAR AS school_type, age_phase::VARCHAR AS age_phase,
        locality, school_urn, rkey, DATE '1970-01-01' + referral_day AS referral_date, DATE '1970-01-01' + contact_day AS first_contact_date
      FROM wait_facts`;
    const months = await db.query('SELECT count(*) AS n FROM wait_facts WHERE contact_month IS DISTINCT FROM date_month_index(DATE \'1970-01-01\' + contact_day)');
    expect(months).toEqual([{ n: 0 }]);
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
    const altered = diskSql('waits').replace('quantile_between(q.lo90, q.hi90, q.rn90)', 'q.lo90 + (q.hi90 - q.lo90) * (q.rn90 - floor(q.rn90))');
    expect(altered).not.toBe(diskSql('waits'));
    const params = [null, '2021-09', '2026-08', null, null];
    expect(await db.query(altered, params)).not.toEqual(await db.query(REFERENCE, params));
  });
});

describe('waits-monthly.sql, waiting-list-age.sql (wait_facts) and demand-summary.sql (waiting_changes)', () => {
  it('give the same rows as the queries over the raw rows, under every service, locality, period and target tried', async () => {
    const months = (await db.query<{ m: string }>(
      "SELECT DISTINCT strftime(referral_date, '%Y-%m') AS m FROM accepted_referrals ORDER BY m")).map((r) => r.m);
    const localities = (await db.query<{ l: string }>('SELECT DISTINCT locality AS l FROM accepted_referrals ORDER BY l')).map((r) => r.l);
    const compare = async (name: 'waits-monthly' | 'waiting-list-age' | 'demand-summary', params: readonly QueryParam[]) => {
      const expected = await db.query(reference(name), params);
      expect(await db.query(diskSql(name), params)).toEqual(expected);
      return expected.length;
    };
    let rows = 0;
    for (let i = 0; i < months.length; i += 4) {
      for (const service of [null, 'SLT', 'OT']) {
        rows += await compare('waits-monthly', [service, months[i]!, months.at(-1)!, null, 18]);
        rows += await compare('waiting-list-age', [service, months[i]!, null]);
        rows += await compare('demand-summary', [service, months[i]!, months.at(-1)!, null]);
      }
      rows += await compare('waits-monthly', [null, months[i]!, months[Math.min(i + 5, months.length - 1)]!, null, 12.5]);
    }
    for (const locality of localities) {
      rows += await compare('waits-monthly', [null, months[0]!, months.at(-1)!, locality, 6]);
      rows += await compare('waiting-list-age', [null, months.at(-3)!, locality]);
      rows += await compare('demand-summary', [null, months.at(-14)!, months.at(-3)!, locality]);
    }
    // A month past the data: nobody seen, the list as it stood.
    rows += await compare('waiting-list-age', [null, '2031-01', null]);
    rows += await compare('demand-summary', [null, '2030-01', '2031-01', null]);
    expect(rows).toBeGreaterThan(1000);
  }, 120_000);
});
