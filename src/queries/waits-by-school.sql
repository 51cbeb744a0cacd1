-- Waits counts per school, for pooling schools (My setting's "similar settings") without one query per school:
-- first contacts in the period, how many within 18 weeks, and the open waiting list at the end of the period.
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive).
-- Columns: service, school_urn, seen, seen_within_18_weeks, waiting (counts), each with x_ckey: its cell key
--   (Σ record keys mod 256, METHODS §7), so pooled counts are cells too.
WITH params AS (SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month),
bounds AS (
  SELECT strptime(from_month, '%Y-%m')::DATE AS start_date,
         (strptime(to_month, '%Y-%m') + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS as_of
  FROM params
),
accepted AS (
  SELECT e.service, e.school_urn, e.rkey,
         date_diff('day', e.referral_date, e.first_contact_date) / 7.0 AS wait_weeks,
         e.first_contact_date BETWEEN b.start_date AND b.as_of AS seen_in_period,
         e.referral_date <= b.as_of AND (e.first_contact_date IS NULL OR e.first_contact_date > b.as_of) AS waiting_at_end
  FROM accepted_referrals e, params p, bounds b
  WHERE (p.service IS NULL OR e.service = p.service)
)
SELECT service, school_urn,
  count(*) FILTER (WHERE seen_in_period)::INTEGER AS seen,
  (coalesce(sum(rkey) FILTER (WHERE seen_in_period), 0) % 256)::INTEGER AS seen_ckey,
  count(*) FILTER (WHERE seen_in_period AND wait_weeks <= 18)::INTEGER AS seen_within_18_weeks,
  (coalesce(sum(rkey) FILTER (WHERE seen_in_period AND wait_weeks <= 18), 0) % 256)::INTEGER AS seen_within_18_weeks_ckey,
  count(*) FILTER (WHERE waiting_at_end)::INTEGER AS waiting,
  (coalesce(sum(rkey) FILTER (WHERE waiting_at_end), 0) % 256)::INTEGER AS waiting_ckey
FROM accepted
GROUP BY service, school_urn
ORDER BY service, school_urn
