-- Waits from referral to first contact, for accepted referrals whose first contact fell in the period, and the
-- open waiting list at the end of the period, by service × school type × age phase with subtotals (NULL = all).
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive), 4 locality (NULL = all),
--   5 school_urn (NULL = all schools).
-- Columns: service, school_type, age_phase, seen (count of first contacts), median_weeks, p90_weeks (weeks,
--   linear interpolation as quantile_cont), seen_within_18_weeks (count), waiting (count still waiting at the end
--   of the period), waiting_over_18_weeks, waiting_over_52_weeks (counts), as_of (date: the last day of to_month).
--   Each count x has x_ckey beside it: its cell key (Σ record keys mod 256, METHODS §7).
-- Read from wait_facts (src/db/enrich.sql: ENUM keys, dates as day numbers). Waits are whole days, so each group's
-- waits are first counted by wait in days (a histogram: a few hundred rows per group instead of every referral),
-- and the median and 90th percentile are read off it exactly as quantile_cont(wait_days / 7.0, q) computes them:
-- with n waits sorted, RN = (n − 1) × q, lo and hi the waits at positions floor(RN) and ceil(RN) (0-based), the
-- result lo when RN is whole, else lo × (1 − d) + hi × d with d = RN − floor(RN) (DuckDB's interpolation of
-- DOUBLEs: the quantile_between macro of enrich.sql) — the same doubles, so the same value to the last bit
-- (tests/integration/wait-facts.test.ts).
WITH params AS (
  SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality,
         ?::VARCHAR AS school_urn
),
bounds AS (
  SELECT day_number(strptime(from_month, '%Y-%m')::DATE) AS start_day,
         (strptime(to_month, '%Y-%m') + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS as_of,
         day_number((strptime(to_month, '%Y-%m') + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE) AS as_of_day
  FROM params
),
accepted AS (
  SELECT e.service, e.school_type, e.age_phase, e.rkey,
    coalesce(e.contact_day BETWEEN b.start_day AND b.as_of_day, false) AS seen,
    e.contact_day - e.referral_day AS wait_days,
    b.as_of_day - e.referral_day AS waiting_days,
    e.referral_day <= b.as_of_day AND (e.contact_day IS NULL OR e.contact_day > b.as_of_day) AS waiting_at_end
  FROM wait_facts e, params p, bounds b
  WHERE (p.service IS NULL OR e.service::VARCHAR = p.service)
    AND (p.locality IS NULL OR e.locality = p.locality)
    AND (p.school_urn IS NULL OR e.school_urn = p.school_urn)
),
-- One row per group × seen or not × wait in days (NULL for those not seen), with every count the query needs.
histogram AS (
  SELECT service, school_type, age_phase, seen, CASE WHEN seen THEN wait_days END AS wait_days,
    count(*) AS n, sum(rkey) AS rkeys,
    count(*) FILTER (WHERE waiting_at_end) AS waiting,
    coalesce(sum(rkey) FILTER (WHERE waiting_at_end), 0) AS waiting_rkeys,
    count(*) FILTER (WHERE waiting_at_end AND waiting_days > 126) AS over_18,
    coalesce(sum(rkey) FILTER (WHERE waiting_at_end AND waiting_days > 126), 0) AS over_18_rkeys,
    count(*) FILTER (WHERE waiting_at_end AND waiting_days > 364) AS over_52,
    coalesce(sum(rkey) FILTER (WHERE waiting_at_end AND waiting_days > 364), 0) AS over_52_rkeys
  FROM accepted
  GROUP BY ALL
),
-- The subtotals, from the histogram; g (GROUPING) tells a subtotal's NULL from a group whose value is NULL.
sets AS (
  SELECT service, school_type, age_phase, GROUPING(school_type, age_phase) AS g, seen, wait_days,
    sum(n) AS n, sum(rkeys) AS rkeys, sum(waiting) AS waiting, sum(waiting_rkeys) AS waiting_rkeys,
    sum(over_18) AS over_18, sum(over_18_rkeys) AS over_18_rkeys, sum(over_52) AS over_52, sum(over_52_rkeys) AS over_52_rkeys
  FROM histogram
  GROUP BY GROUPING SETS ((service, school_type, age_phase, seen, wait_days), (service, school_type, seen, wait_days),
    (service, age_phase, seen, wait_days), (service, seen, wait_days))
),
-- Each group's waits in order: upto = how many waits are ≤ this one, total = the group's waits (n of the quantile).
ranked AS (
  SELECT service, school_type, age_phase, g, wait_days,
    sum(n) OVER (PARTITION BY service, school_type, age_phase, g ORDER BY wait_days ROWS UNBOUNDED PRECEDING) AS upto,
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
    (coalesce(sum(rkeys) FILTER (WHERE seen), 0) % 256)::INTEGER AS seen_ckey,
    coalesce(sum(n) FILTER (WHERE seen AND wait_days <= 126), 0)::INTEGER AS seen_within_18_weeks,
    (coalesce(sum(rkeys) FILTER (WHERE seen AND wait_days <= 126), 0) % 256)::INTEGER AS seen_within_18_weeks_ckey,
    sum(waiting)::INTEGER AS waiting, (sum(waiting_rkeys) % 256)::INTEGER AS waiting_ckey,
    sum(over_18)::INTEGER AS waiting_over_18_weeks, (sum(over_18_rkeys) % 256)::INTEGER AS waiting_over_18_weeks_ckey,
    sum(over_52)::INTEGER AS waiting_over_52_weeks, (sum(over_52_rkeys) % 256)::INTEGER AS waiting_over_52_weeks_ckey
  FROM sets
  GROUP BY ALL
)
SELECT
  c.service::VARCHAR AS service, c.school_type::VARCHAR AS school_type, c.age_phase::VARCHAR AS age_phase,
  c.seen, c.seen_ckey,
  quantile_between(q.lo50, q.hi50, q.rn50) AS median_weeks, quantile_between(q.lo90, q.hi90, q.rn90) AS p90_weeks,
  c.seen_within_18_weeks, c.seen_within_18_weeks_ckey, c.waiting, c.waiting_ckey, c.waiting_over_18_weeks,
  c.waiting_over_18_weeks_ckey, c.waiting_over_52_weeks, c.waiting_over_52_weeks_ckey, (SELECT as_of FROM bounds) AS as_of
FROM groups AS c
LEFT JOIN quantiles AS q ON q.service = c.service AND q.g = c.g
  AND q.school_type IS NOT DISTINCT FROM c.school_type AND q.age_phase IS NOT DISTINCT FROM c.age_phase
ORDER BY service, school_type NULLS LAST, age_phase NULLS LAST, c.g
