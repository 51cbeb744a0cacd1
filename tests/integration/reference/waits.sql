-- Reference for tests/integration/wait-facts.test.ts: src/queries/waits.sql as it was before wait_facts (issue 14),
-- reading accepted_referrals row by row, its quantiles by quantile_cont. Not used by the app.
-- Waits from referral to first contact, for accepted referrals whose first contact fell in the period, and the
-- open waiting list at the end of the period, by service × school type × age phase with subtotals (NULL = all).
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive), 4 locality (NULL = all),
--   5 school_urn (NULL = all schools).
-- Columns: service, school_type, age_phase, seen (count of first contacts), median_weeks, p90_weeks (weeks,
--   linear interpolation as quantile_cont), seen_within_18_weeks (count), waiting (count still waiting at the end
--   of the period), waiting_over_18_weeks, waiting_over_52_weeks (counts), as_of (date: the last day of to_month).
--   Each count x has x_ckey beside it: its cell key (Σ record keys mod 256, METHODS §7).
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
-- Both quantiles come from one holistic aggregate (each group's waits gathered and sorted once, not twice: the
-- grouping sets made this query the slowest of the figures at 1M rows); the outer SELECT names them.
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
