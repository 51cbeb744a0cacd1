-- Reference for tests/integration/wait-facts.test.ts: src/queries/waits-monthly.sql as it was before wait_facts (issue 14),
-- reading accepted_referrals row by row, its quantiles by quantile_cont. Not used by the app.
-- Waits over time, per service and month, for the area: children seen (first contact) in the month, how many had
-- waited no longer than the target, the median wait of those seen, and the waiting list on the month's last day.
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive), 4 locality (NULL = all),
--   5 target_weeks (e.g. 18).
-- Columns: month, service, seen, seen_within_target, median_weeks (NULL when fewer than 10 seen), waiting (count at
--   the end of the month); for every count x, x_ckey = sum(rkey) % 256 over the same rows (the cell key, METHODS §7).
WITH params AS (
  SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality,
         ?::DOUBLE AS target_weeks
),
months AS (
  SELECT strftime(m, '%Y-%m') AS month, date_month_index(m)::INTEGER AS month_index
  FROM params p, range(strptime(p.from_month, '%Y-%m'), strptime(p.to_month, '%Y-%m') + INTERVAL 1 MONTH, INTERVAL 1 MONTH) t(m)
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service), params p WHERE p.service IS NULL OR s.service = p.service
),
accepted AS (
  SELECT e.service, e.referral_date, e.first_contact_date, e.rkey,
         date_diff('day', e.referral_date, e.first_contact_date) / 7.0 AS wait_weeks
  FROM accepted_referrals e, params p
  WHERE (p.service IS NULL OR e.service = p.service)
    AND (p.locality IS NULL OR e.locality = p.locality)
),
seen AS (
  SELECT a.service, strftime(a.first_contact_date, '%Y-%m') AS month,
    count(*) AS seen, sum(a.rkey) % 256 AS seen_ckey,
    count(*) FILTER (WHERE a.wait_weeks <= p.target_weeks) AS seen_within_target,
    coalesce(sum(a.rkey) FILTER (WHERE a.wait_weeks <= p.target_weeks), 0) % 256 AS seen_within_target_ckey,
    CASE WHEN count(*) >= 10 THEN quantile_cont(a.wait_weeks, 0.5) END AS median_weeks
  FROM accepted a, params p
  WHERE a.first_contact_date IS NOT NULL
  GROUP BY ALL
),
-- The list at each month end: the running sum of waiting_changes up to that month (src/db/enrich.sql).
waiting AS (
  SELECT c.service, m.month, sum(c.waiting) AS waiting, sum(c.waiting_rkeys) % 256 AS waiting_ckey
  FROM months m JOIN waiting_changes c ON c.month_index <= m.month_index, params p
  WHERE (p.service IS NULL OR c.service = p.service) AND (p.locality IS NULL OR c.locality = p.locality)
  GROUP BY ALL
)
SELECT m.month, s.service,
  coalesce(x.seen, 0)::INTEGER AS seen, coalesce(x.seen_ckey, 0)::INTEGER AS seen_ckey,
  coalesce(x.seen_within_target, 0)::INTEGER AS seen_within_target, coalesce(x.seen_within_target_ckey, 0)::INTEGER AS seen_within_target_ckey,
  x.median_weeks::DOUBLE AS median_weeks,
  coalesce(w.waiting, 0)::INTEGER AS waiting, coalesce(w.waiting_ckey, 0)::INTEGER AS waiting_ckey
FROM months m CROSS JOIN services s
LEFT JOIN seen x ON x.service = s.service AND x.month = m.month
LEFT JOIN waiting w ON w.service = s.service AND w.month = m.month
ORDER BY s.service, m.month
