-- Waits from referral to first contact, for accepted referrals whose first contact fell in the period, and the
-- open waiting list at the end of the period, by service × school type × age phase with subtotals (NULL = all).
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive), 4 locality (NULL = all),
--   5 school_urn (NULL = all schools).
-- Columns: service, school_type, age_phase, seen (count of first contacts), median_weeks, p90_weeks (weeks,
--   linear interpolation as quantile_cont), seen_within_18_weeks (count), waiting (count still waiting at the end
--   of the period), waiting_over_18_weeks, waiting_over_52_weeks (counts), as_of (date: the last day of to_month).
--   Each count x has x_ckey beside it: its cell key (Σ record keys mod 256, METHODS §7).
-- Read from wait_counts (the whole area or a locality) or wait_facts (one school) and wait_facts for the list at the
-- end (src/db/enrich.sql: ENUM keys, dates as day numbers). The parameters are used where they filter ($1…$5), not
-- cross-joined from a one-row table: DuckDB then reads them as constants (at 1M referrals the cross join cost ~40%
-- of the query). Sums are cast to BIGINT as they are made (DuckDB's sum of integers is a HUGEINT, slow to add and
-- group by in wasm). Waits are whole days, so each group's
-- waits are first counted by wait in days (a histogram: a few hundred rows per group instead of every referral),
-- and the median and 90th percentile are read off it exactly as quantile_cont(wait_days / 7.0, q) computes them:
-- with n waits sorted, RN = (n − 1) × q, lo and hi the waits at positions floor(RN) and ceil(RN) (0-based), the
-- result lo when RN is whole, else lo × (1 − d) + hi × d with d = RN − floor(RN) (DuckDB's interpolation of
-- DOUBLEs: the quantile_between macro of enrich.sql) — the same doubles, so the same value to the last bit
-- (tests/integration/wait-facts.test.ts).
WITH
-- The children seen in the period, by group × wait in days: off wait_counts for the whole area or a locality, off
-- wait_facts (one row a referral) for one school. seen: first contact in the period (whole months).
counted AS (
  SELECT w.service, w.school_type, w.age_phase, w.contact_month, w.wait_days, w.n, w.rkeys
  FROM wait_counts w
  WHERE $5::VARCHAR IS NULL
    AND ($1::VARCHAR IS NULL OR w.service::VARCHAR = $1::VARCHAR)
    AND ($4::VARCHAR IS NULL OR w.locality = $4::VARCHAR)
  UNION ALL
  SELECT e.service, e.school_type, e.age_phase, e.contact_month, e.contact_day - e.referral_day, 1, e.rkey
  FROM wait_facts e
  WHERE e.school_urn = $5::VARCHAR
    AND ($1::VARCHAR IS NULL OR e.service::VARCHAR = $1::VARCHAR)
    AND ($4::VARCHAR IS NULL OR e.locality = $4::VARCHAR)
),
-- Those still waiting at the end of the period (referred by its last day, first contact blank or after it).
waiting AS (
  SELECT e.service, e.school_type, e.age_phase, false AS seen, NULL::INTEGER AS wait_days, 0::BIGINT AS n, 0::BIGINT AS rkeys,
    count(*) AS waiting, sum(e.rkey)::BIGINT AS waiting_rkeys,
    count(*) FILTER (WHERE month_last_day($3::VARCHAR) - e.referral_day > 126) AS over_18,
    coalesce(sum(e.rkey) FILTER (WHERE month_last_day($3::VARCHAR) - e.referral_day > 126), 0)::BIGINT AS over_18_rkeys,
    count(*) FILTER (WHERE month_last_day($3::VARCHAR) - e.referral_day > 364) AS over_52,
    coalesce(sum(e.rkey) FILTER (WHERE month_last_day($3::VARCHAR) - e.referral_day > 364), 0)::BIGINT AS over_52_rkeys
  FROM wait_facts e
  WHERE e.referral_day <= month_last_day($3::VARCHAR)
    AND (e.contact_day IS NULL OR e.contact_day > month_last_day($3::VARCHAR))
    AND ($1::VARCHAR IS NULL OR e.service::VARCHAR = $1::VARCHAR)
    AND ($4::VARCHAR IS NULL OR e.locality = $4::VARCHAR)
    AND ($5::VARCHAR IS NULL OR e.school_urn = $5::VARCHAR)
  GROUP BY ALL
),
-- One row per group × seen or not × wait in days (NULL for those not seen), with every count the query needs. Every
-- group with an accepted referral has a row (seen or not), as its subtotals do.
histogram AS (
  SELECT service, school_type, age_phase, seen, CASE WHEN seen THEN wait_days END AS wait_days,
    sum(n)::BIGINT AS n, sum(rkeys)::BIGINT AS rkeys, 0::BIGINT AS waiting, 0::BIGINT AS waiting_rkeys,
    0::BIGINT AS over_18, 0::BIGINT AS over_18_rkeys, 0::BIGINT AS over_52, 0::BIGINT AS over_52_rkeys
  FROM (
    SELECT *, coalesce(contact_month BETWEEN month_index($2::VARCHAR) AND month_index($3::VARCHAR), false) AS seen
    FROM counted
  )
  GROUP BY ALL
  UNION ALL
  SELECT * FROM waiting
),
-- The subtotals, from the histogram; g (GROUPING) tells a subtotal's NULL from a group whose value is NULL.
sets AS (
  SELECT service, school_type, age_phase, GROUPING(school_type, age_phase) AS g, seen, wait_days,
    sum(n)::BIGINT AS n, sum(rkeys)::BIGINT AS rkeys, sum(waiting)::BIGINT AS waiting, sum(waiting_rkeys)::BIGINT AS waiting_rkeys,
    sum(over_18)::BIGINT AS over_18, sum(over_18_rkeys)::BIGINT AS over_18_rkeys, sum(over_52)::BIGINT AS over_52,
    sum(over_52_rkeys)::BIGINT AS over_52_rkeys
  FROM histogram
  GROUP BY GROUPING SETS ((service, school_type, age_phase, seen, wait_days), (service, school_type, seen, wait_days),
    (service, age_phase, seen, wait_days), (service, seen, wait_days))
),
-- Each group's waits in order: upto = how many waits are ≤ this one, total = the group's waits (n of the quantile).
ranked AS (
  SELECT service, school_type, age_phase, g, wait_days,
    sum(n) OVER (PARTITION BY service, school_type, age_phase, g ORDER BY wait_days ROWS UNBOUNDED PRECEDING)::BIGINT AS upto,
    (sum(n) OVER (PARTITION BY service, school_type, age_phase, g) - 1)::DOUBLE AS last
  FROM sets
  WHERE seen AND wait_days IS NOT NULL
),
-- The wait at 0-based position k is the smallest wait with upto > k.
quantiles AS (
  SELECT service, school_type, age_phase, g, any_value(last * 0.5) AS rn50, any_value(last * 0.9) AS rn90,
    min(wait_days) FILTER (WHERE upto > floor(last * 0.5)) / 7.0 AS lo50, min(wait_days) FILTER (WHERE upto > ceil(last * 0.5)) / 7.0 AS hi50,
    min(wait_days) FILTER (WHERE upto > floor(last * 0.9)) / 7.0 AS lo90, min(wait_days) FILTER (WHERE upto > ceil(last * 0.9)) / 7.0 AS hi90
  FROM ranked
  GROUP BY ALL
),
groups AS (
  SELECT service, school_type, age_phase, g,
    coalesce(sum(n) FILTER (WHERE seen), 0)::INTEGER AS seen,
    (coalesce(sum(rkeys) FILTER (WHERE seen), 0)::BIGINT % 256)::INTEGER AS seen_ckey,
    coalesce(sum(n) FILTER (WHERE seen AND wait_days <= 126), 0)::INTEGER AS seen_within_18_weeks,
    (coalesce(sum(rkeys) FILTER (WHERE seen AND wait_days <= 126), 0)::BIGINT % 256)::INTEGER AS seen_within_18_weeks_ckey,
    sum(waiting)::INTEGER AS waiting, (sum(waiting_rkeys)::BIGINT % 256)::INTEGER AS waiting_ckey,
    sum(over_18)::INTEGER AS waiting_over_18_weeks, (sum(over_18_rkeys)::BIGINT % 256)::INTEGER AS waiting_over_18_weeks_ckey,
    sum(over_52)::INTEGER AS waiting_over_52_weeks, (sum(over_52_rkeys)::BIGINT % 256)::INTEGER AS waiting_over_52_weeks_ckey
  FROM sets
  GROUP BY ALL
)
SELECT
  c.service::VARCHAR AS service, c.school_type::VARCHAR AS school_type, c.age_phase::VARCHAR AS age_phase,
  c.seen, c.seen_ckey,
  quantile_between(q.lo50, q.hi50, q.rn50) AS median_weeks, quantile_between(q.lo90, q.hi90, q.rn90) AS p90_weeks,
  c.seen_within_18_weeks, c.seen_within_18_weeks_ckey, c.waiting, c.waiting_ckey, c.waiting_over_18_weeks,
  c.waiting_over_18_weeks_ckey, c.waiting_over_52_weeks, c.waiting_over_52_weeks_ckey, (strptime($3::VARCHAR, '%Y-%m') + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS as_of
FROM groups AS c
LEFT JOIN quantiles AS q ON q.service = c.service AND q.g = c.g
  AND q.school_type IS NOT DISTINCT FROM c.school_type AND q.age_phase IS NOT DISTINCT FROM c.age_phase
ORDER BY service, school_type NULLS LAST, age_phase NULLS LAST, c.g
