-- Derived tables every question reads, built by src/db/load-tables.ts after the four contract tables are loaded,
-- in the same transaction (the browser imports this file with `?raw`, Node reads it with fs). Statements end with
-- `;` at the end of a line; lines starting with `--` are comments. Tables, not views: built once per load, they
-- make each query several times faster (on the 15,000-referral sample: 20 ms against 90 ms for the monthly counts)
-- for one more copy of the referrals in memory; they are rebuilt on every load, so they cannot go stale.
--
-- referral_keys: each referral's rkey (below), one row per row of referrals in its order (UTINYINT: 1 MB per 1M
--   referrals). SHA-256 is most of what enriching a referral costs (≈ 0.8 s of 1.0 s per 1M rows in DuckDB-wasm), so
--   it is computed here once per load, not in each table built from referrals_enriched.
-- referrals_enriched: a VIEW (not a copy of every referral: ~135 MB per 1M rows, and ~2.7 s to write in
-- DuckDB-wasm), over referrals, referral_keys (by position) and schools: every column of referrals, plus
--   age_phase    early_years | primary | secondary | post16 | NULL (neither year_group nor age_at_referral given).
--                From year_group: N1, N2, R → early_years; 1–6 primary; 7–11 secondary; 12–14 post16. Otherwise
--                from age_at_referral: < 5 early_years, < 11 primary, < 16 secondary, else post16. The same rules
--                as agePhaseOfYearGroup / agePhaseOfAge in src/contract/values.ts (tests/unit/load-tables.test.ts
--                checks every year group and age against them).
--   school_type, school_phase, locality   of the referring school (NULL when school_urn is not in schools).
--   month        yyyy-mm of referral_date (text, sorts in date order).
--   rkey         the referral's record key for disclosure control (METHODS §7): the first byte of SHA-256 of its
--                referral_id, 0–255. Every count of children carries the sum of its records' keys mod 256.
-- record_key(text): the disclosure control's key of a record (METHODS §7), 0–255: the first byte of SHA-256. One
-- definition for every key: each referral's (below) and each school count's ("urn:column", provision-by-school.sql).
CREATE OR REPLACE MACRO record_key(id) AS ('0x' || substr(sha256(id), 1, 2))::INTEGER;

-- age_phase_of(year_group, age_at_referral): a referral's age phase, as referrals_enriched.age_phase says (below).
-- year_group is one of the contract's values or NULL (the load refuses any other): a simple CASE on it, so DuckDB
-- compares values instead of turning IN lists into joins.
CREATE OR REPLACE MACRO age_phase_of(year_group, age_at_referral) AS coalesce(
  CASE year_group
    WHEN 'N1' THEN 'early_years' WHEN 'N2' THEN 'early_years' WHEN 'R' THEN 'early_years'
    WHEN '1' THEN 'primary' WHEN '2' THEN 'primary' WHEN '3' THEN 'primary' WHEN '4' THEN 'primary'
    WHEN '5' THEN 'primary' WHEN '6' THEN 'primary'
    WHEN '7' THEN 'secondary' WHEN '8' THEN 'secondary' WHEN '9' THEN 'secondary' WHEN '10' THEN 'secondary'
    WHEN '11' THEN 'secondary'
    WHEN '12' THEN 'post16' WHEN '13' THEN 'post16' WHEN '14' THEN 'post16'
  END,
  CASE
    WHEN age_at_referral < 5 THEN 'early_years'
    WHEN age_at_referral < 11 THEN 'primary'
    WHEN age_at_referral < 16 THEN 'secondary'
    WHEN age_at_referral IS NOT NULL THEN 'post16'
  END);

CREATE OR REPLACE TABLE referral_keys AS SELECT record_key(referral_id)::UTINYINT AS rkey FROM referrals;
CREATE OR REPLACE VIEW referrals_enriched AS
SELECT
  r.*,
  age_phase_of(r.year_group, r.age_at_referral) AS age_phase,
  s.school_type,
  s.phase AS school_phase,
  s.locality,
  strftime(r.referral_date, '%Y-%m') AS month,
  k.rkey::INTEGER AS rkey
FROM referrals AS r
POSITIONAL JOIN referral_keys AS k
LEFT JOIN schools AS s ON s.urn = r.school_urn;

-- school_phase_rolls: one row per school × age phase (4 rows per school), the denominators for rates by phase.
--   urn, school_type, school_phase, locality, age_phase, roll (pupils on roll in that age phase, INTEGER).
-- Age phases are defined once, from year group (METHODS §3a): early years = N1, N2, R; primary = 1–6; secondary =
-- 7–11; post-16 = 12–14 — the same rule that gives each referral its phase above, so numerators and denominators
-- agree. roll comes from the school's roll_<age phase> column. A blank roll column means:
--   * all four blank: the roll is split evenly over the year groups of the school's statutory age range — the
--     pupils aged age_low to age_high − 1 on 31 August (2 = N1, 3 = N2, 4 = R, 5 = year 1 … 18 = year 14) — with
--     defaults by phase when the range is blank too: nursery 2–5 (N1, N2, R), primary 4–11 (R and years 1–6, so
--     1/7 of the roll is early years), secondary 11–16 (years 7–11), all-through 4–18 (R to year 13), post-16
--     16–19 (years 12–14). Whole pupils: each phase gets round(roll × its share so far) − round(roll × the share
--     before it), so the four rolls add up to pupils_on_roll exactly. (A range with no year group — age_high ≤
--     age_low — puts the whole roll in the school's own phase.)
--   * some given: the blank column of the school's own phase holds the rest of the roll (pupils_on_roll minus the
--     given columns, never below 0) and any other blank is 0 — so the four rolls still add up to pupils_on_roll, as
--     the contract's validator requires. Given rolls always win over the age range.
CREATE OR REPLACE TABLE school_phase_rolls AS
WITH ranges AS (
  SELECT s.urn,
    greatest(coalesce(s.age_low, CASE s.phase WHEN 'early_years' THEN 2 WHEN 'primary' THEN 4 WHEN 'secondary' THEN 11
      WHEN 'all_through' THEN 4 WHEN 'post16' THEN 16 END), 2) AS low,
    least(coalesce(s.age_high, CASE s.phase WHEN 'early_years' THEN 5 WHEN 'primary' THEN 11 WHEN 'secondary' THEN 16
      WHEN 'all_through' THEN 18 WHEN 'post16' THEN 19 END), 19) AS high
  FROM schools AS s
),
ages AS (
  SELECT urn, unnest(range(low, high)) AS age FROM ranges WHERE high > low
),
phase_shares AS (
  SELECT urn,
    CASE WHEN age <= 4 THEN 'early_years' WHEN age <= 10 THEN 'primary' WHEN age <= 15 THEN 'secondary' ELSE 'post16' END AS age_phase,
    count(*) AS year_groups
  FROM ages
  GROUP BY ALL
),
cumulative AS (
  SELECT urn, age_phase, year_groups,
    sum(year_groups) OVER (PARTITION BY urn ORDER BY CASE age_phase WHEN 'early_years' THEN 1 WHEN 'primary' THEN 2
      WHEN 'secondary' THEN 3 ELSE 4 END) AS upto,
    sum(year_groups) OVER (PARTITION BY urn) AS total
  FROM phase_shares
),
per_phase AS (
  SELECT
    s.urn, s.school_type, s.phase AS school_phase, s.locality, s.pupils_on_roll, p.age_phase,
    CASE p.age_phase
      WHEN 'early_years' THEN s.roll_early_years
      WHEN 'primary' THEN s.roll_primary
      WHEN 'secondary' THEN s.roll_secondary
      WHEN 'post16' THEN s.roll_post16
    END AS given_roll,
    s.roll_early_years IS NULL AND s.roll_primary IS NULL AND s.roll_secondary IS NULL AND s.roll_post16 IS NULL
      AS all_blank,
    coalesce(s.roll_early_years, 0) + coalesce(s.roll_primary, 0) + coalesce(s.roll_secondary, 0)
      + coalesce(s.roll_post16, 0) AS given_total,
    EXISTS (SELECT 1 FROM cumulative c WHERE c.urn = s.urn) AS has_range,
    (SELECT round(s.pupils_on_roll * c.upto / c.total) - round(s.pupils_on_roll * (c.upto - c.year_groups) / c.total)
       FROM cumulative c WHERE c.urn = s.urn AND c.age_phase = p.age_phase) AS range_roll
  FROM schools AS s
  CROSS JOIN (SELECT unnest(['early_years', 'primary', 'secondary', 'post16']) AS age_phase) AS p
)
SELECT
  urn, school_type, school_phase, locality, age_phase,
  CAST(CASE
    WHEN given_roll IS NOT NULL THEN given_roll
    WHEN all_blank AND has_range THEN coalesce(range_roll, 0)
    WHEN all_blank THEN CASE WHEN school_phase = age_phase THEN pupils_on_roll ELSE 0 END
    WHEN school_phase = age_phase THEN greatest(pupils_on_roll - given_total, 0)
    ELSE 0
  END AS INTEGER) AS roll
FROM per_phase;

-- The model the figures query (issue 14): compact tables built once per load, so a filter change reads tens of
-- thousands of rows instead of every referral. Months are integers (month_index: year × 12 + month − 1, so
-- consecutive months differ by 1 and compare as numbers, not text); month_index(text) turns a 'yyyy-mm' parameter
-- into the same number, date_month_index(date) gives a date's (BIGINT, as year() is), and month_text(index) turns it
-- back.
CREATE OR REPLACE MACRO month_index(m) AS (substr(m, 1, 4)::INTEGER * 12 + substr(m, 6, 2)::INTEGER - 1);
CREATE OR REPLACE MACRO date_month_index(d) AS (year(d) * 12 + month(d) - 1);
CREATE OR REPLACE MACRO month_text(i) AS printf('%04d-%02d', (i) // 12, (i) % 12 + 1);

-- referral_cells: referrals counted by school × month × service × age phase (with the school's type and locality
-- beside its urn, for filtering), one row per non-empty cell, and of them the accepted ones (the one outcome a
-- question asks about: a column, not a fifth key, so a cell's outcomes share one row):
--   school_urn, school_type, locality, service, age_phase, month_index (NULL when referral_date is),
--   referrals (count, INTEGER), rkeys (Σ rkey of those referrals, BIGINT: not yet mod 256),
--   accepted, accepted_rkeys (the same for the accepted referrals among them; 0 when none).
-- Every count of referrals a query needs is a sum of these cells, and its cell key the sum of their rkeys mod 256:
-- exactly what summing the referrals themselves gives (integers: no rounding), so disclosure keys do not change.
-- Counted per school first and given the school's type and locality after (each URN is one school, so the cells
-- are the same): joined row by row through referrals_enriched, DuckDB builds its hash table on the referrals
-- (it cannot estimate the positional join's rows) instead of on the schools, and at 1M referrals this took 0.7 s
-- against 0.4 s on native DuckDB.
CREATE OR REPLACE TABLE referral_cells AS
SELECT c.school_urn, s.school_type, s.locality, c.service, c.age_phase, c.month_index,
  c.referrals, c.rkeys, c.accepted, c.accepted_rkeys
FROM (
  SELECT r.school_urn, r.service, age_phase_of(r.year_group, r.age_at_referral) AS age_phase,
    date_month_index(r.referral_date)::INTEGER AS month_index,
    count(*)::INTEGER AS referrals,
    sum(k.rkey)::BIGINT AS rkeys,
    count(*) FILTER (WHERE r.outcome = 'accepted')::INTEGER AS accepted,
    coalesce(sum(k.rkey) FILTER (WHERE r.outcome = 'accepted'), 0)::BIGINT AS accepted_rkeys
  FROM referrals AS r
  POSITIONAL JOIN referral_keys AS k
  GROUP BY ALL
) AS c
LEFT JOIN schools AS s ON s.urn = c.school_urn;

-- accepted_referrals: the accepted referrals alone, with only the columns the waits questions read (their dates
-- cannot be pre-summed: a wait's quantiles, and the waiting list at a date, need each referral). A narrower and
-- shorter scan than referrals_enriched for the same rows and values.
-- Its join to schools runs as written (schools as the hash table, the referrals streamed past it): left to the join
-- order optimizers, DuckDB hashes the 750,000 referrals instead (the positional join's rows are not estimated),
-- 0.65 s against 0.5 s on native DuckDB at 1M referrals. Plans only: the rows are the same either way.
SET disabled_optimizers = 'join_order,build_side_probe_side';
CREATE OR REPLACE TABLE accepted_referrals AS
SELECT service, school_urn, school_type, age_phase, locality, referral_date, first_contact_date, rkey
FROM referrals_enriched
WHERE outcome = 'accepted';
RESET disabled_optimizers;

-- waiting_changes: how the waiting list moves, month by month, per service and locality, so the list at every month
-- end is a running sum instead of a scan of every accepted referral for each month. An accepted referral is waiting
-- at the end of month m (referral_date on or before its last day, first_contact_date blank or after it) exactly when
-- start_ix ≤ m < end_ix (its referral's and first contact's month_index; end_ix = ∞ when blank), and waiting more
-- than 18 weeks then (more than 126 days from referral to that last day) exactly when over18_ix ≤ m < end_ix, where
-- over18_ix is the month_index of referral_date + 127 days. Each spell adds 1 (and its rkey) at its first month and
-- takes it away at end_ix; an empty spell (first contact before the referral's month) adds nothing. Spells with the
-- same service, locality and three months are counted together first (n spells, Σ rkey), so the four kinds of
-- change are made from those groups, not four times from every accepted referral: the same sums.
--   service, locality, month_index, waiting, waiting_rkeys, over_18_weeks, over_18_weeks_rkeys (changes at that
--   month: counts and Σ rkey, BIGINT). Σ over month_index ≤ m gives the list at the end of m, its Σ rkey exactly.
CREATE OR REPLACE TABLE waiting_changes AS
WITH spells AS (
  SELECT service, locality, start_ix, end_ix, over18_ix, count(*) AS n, sum(rkey) AS rkeys
  FROM (
    SELECT service, locality, rkey,
      date_month_index(referral_date) AS start_ix,
      date_month_index(first_contact_date) AS end_ix,
      date_month_index(referral_date + 127) AS over18_ix
    FROM accepted_referrals
    WHERE referral_date IS NOT NULL
  )
  GROUP BY ALL
),
changes AS (
  SELECT service, locality, start_ix AS month_index, n AS waiting, rkeys AS waiting_rkeys, 0 AS over_18_weeks, 0 AS over_18_weeks_rkeys
  FROM spells WHERE end_ix IS NULL OR end_ix > start_ix
  UNION ALL
  SELECT service, locality, end_ix, -n, -rkeys, 0, 0 FROM spells WHERE end_ix > start_ix
  UNION ALL
  SELECT service, locality, over18_ix, 0, 0, n, rkeys FROM spells WHERE end_ix IS NULL OR end_ix > over18_ix
  UNION ALL
  SELECT service, locality, end_ix, 0, 0, -n, -rkeys FROM spells WHERE end_ix > over18_ix
)
SELECT service, locality, month_index::INTEGER AS month_index,
  sum(waiting)::BIGINT AS waiting, sum(waiting_rkeys)::BIGINT AS waiting_rkeys,
  sum(over_18_weeks)::BIGINT AS over_18_weeks, sum(over_18_weeks_rkeys)::BIGINT AS over_18_weeks_rkeys
FROM changes
GROUP BY ALL;

-- wait_facts: the accepted referrals once more, in the form the waits questions group fastest (src/queries/waits.sql,
-- waits-monthly.sql, waiting-list-age.sql; waits was the slowest figure query at 1M rows, ~0.6 s, mostly hashing
-- text keys and doing date arithmetic row by row):
--   service, school_type, age_phase   as ENUMs (service_enum, school_type_enum, age_phase_enum: each type's values
--                                     are the ones in the data, in text order, so they sort as the text does:
--                                     read from referral_cells' cells with accepted referrals, ~20k rows);
--   locality, school_urn              as in accepted_referrals (only compared with a parameter);
--   rkey                              as in accepted_referrals;
--   referral_day, contact_day         referral_date and first_contact_date as days since 1970-01-01 (INTEGER; NULL
--                                     when the date is): a wait in days is contact_day − referral_day, exactly
--                                     date_diff('day', referral_date, first_contact_date).
--   contact_month                     the month_index of first_contact_date (INTEGER; NULL when it is).
-- The same rows and values as accepted_referrals (tests/integration/wait-facts.test.ts checks every row and the
-- waits figure against the raw rows). The types are dropped with the table and made afresh on every load.
-- day_number(date): a date as days since 1970-01-01 (INTEGER), as wait_facts holds its dates; month_last_day(m) the
-- last day of month m ('yyyy-mm') as such a number.
-- quantile_between(lo, hi, rn): quantile_cont's result at 0-based position rn of a group's sorted values, from lo
-- and hi, the values at positions floor(rn) and ceil(rn): lo when rn is whole, else DuckDB's interpolation of
-- DOUBLEs, lo × (1 − d) + hi × d with d = rn − floor(rn) — the same doubles, to the last bit.
CREATE OR REPLACE MACRO day_number(d) AS ((d) - DATE '1970-01-01')::INTEGER;
CREATE OR REPLACE MACRO month_last_day(m) AS day_number((strptime(m, '%Y-%m') + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE);
CREATE OR REPLACE MACRO quantile_between(lo, hi, rn) AS
  CASE WHEN rn = floor(rn) THEN lo ELSE lo * (1 - (rn - floor(rn))) + hi * (rn - floor(rn)) END;
DROP TABLE IF EXISTS wait_counts;
DROP TABLE IF EXISTS wait_facts;
DROP TYPE IF EXISTS service_enum;
DROP TYPE IF EXISTS school_type_enum;
DROP TYPE IF EXISTS age_phase_enum;
CREATE TYPE service_enum AS ENUM (SELECT DISTINCT service FROM referral_cells WHERE accepted > 0 AND service IS NOT NULL ORDER BY ALL);
CREATE TYPE school_type_enum AS ENUM (SELECT DISTINCT school_type FROM referral_cells WHERE accepted > 0 AND school_type IS NOT NULL ORDER BY ALL);
CREATE TYPE age_phase_enum AS ENUM (SELECT DISTINCT age_phase FROM referral_cells WHERE accepted > 0 AND age_phase IS NOT NULL ORDER BY ALL);
CREATE TABLE wait_facts AS
SELECT service::service_enum AS service, school_type::school_type_enum AS school_type,
  age_phase::age_phase_enum AS age_phase, locality, school_urn, rkey,
  day_number(referral_date) AS referral_day, day_number(first_contact_date) AS contact_day,
  date_month_index(first_contact_date)::INTEGER AS contact_month
FROM accepted_referrals;

-- wait_counts: wait_facts counted by service × school type × age phase × locality × month of first contact × wait
-- in days (contact_day − referral_day; both NULL for those not yet seen): n referrals and Σ rkey (BIGINT) per row,
-- ~335k rows instead of 750k at 1M referrals. The waits questions of the whole area or a locality count their
-- children seen off it (a month of first contact in the period is a first contact in it: periods are whole months).
CREATE TABLE wait_counts AS
SELECT service, school_type, age_phase, locality, contact_month, contact_day - referral_day AS wait_days,
  count(*)::INTEGER AS n, sum(rkey)::BIGINT AS rkeys
FROM wait_facts
GROUP BY ALL;
