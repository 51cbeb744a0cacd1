-- Waits over time, per service and month, for the area: children seen (first contact) in the month, how many had
-- waited no longer than the target, the median wait of those seen, and the waiting list on the month's last day.
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive), 4 locality (NULL = all),
--   5 target_weeks (e.g. 18).
-- Columns: month, service, seen, seen_within_target, median_weeks (NULL when fewer than 10 seen), waiting (count at
--   the end of the month); for every count x, x_ckey = sum(rkey) % 256 over the same rows (the cell key, METHODS §7).
-- Read from wait_counts (src/db/enrich.sql; the parameters used where they filter, $1…$5: see waits.sql); the median
-- comes off a histogram of whole-day waits exactly as
-- quantile_cont(wait_days / 7.0, 0.5) computes it (see waits.sql; tests/integration/wait-facts.test.ts).
WITH
months AS (
  SELECT strftime(m, '%Y-%m') AS month, date_month_index(m)::INTEGER AS month_index
  FROM range(strptime($2::VARCHAR, '%Y-%m'), strptime($3::VARCHAR, '%Y-%m') + INTERVAL 1 MONTH, INTERVAL 1 MONTH) t(m)
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service) WHERE $1::VARCHAR IS NULL OR s.service = $1::VARCHAR
),
-- Children seen, by service × month of first contact × wait in days.
histogram AS (
  SELECT e.service, e.contact_month AS month_index, e.wait_days, sum(e.n)::BIGINT AS n, sum(e.rkeys)::BIGINT AS rkeys
  FROM wait_counts e
  WHERE e.contact_month BETWEEN month_index($2::VARCHAR) AND month_index($3::VARCHAR)
    AND ($1::VARCHAR IS NULL OR e.service::VARCHAR = $1::VARCHAR)
    AND ($4::VARCHAR IS NULL OR e.locality = $4::VARCHAR)
  GROUP BY ALL
),
ranked AS (
  SELECT service, month_index, wait_days,
    sum(n) OVER (PARTITION BY service, month_index ORDER BY wait_days ROWS UNBOUNDED PRECEDING)::BIGINT AS upto,
    (sum(n) OVER (PARTITION BY service, month_index) - 1)::DOUBLE * 0.5 AS rn
  FROM histogram
  WHERE wait_days IS NOT NULL
),
medians AS (
  SELECT service, month_index, any_value(rn) AS rn,
    min(wait_days) FILTER (WHERE upto > floor(rn)) / 7.0 AS lo, min(wait_days) FILTER (WHERE upto > ceil(rn)) / 7.0 AS hi
  FROM ranked
  GROUP BY ALL
),
seen AS (
  SELECT h.service::VARCHAR AS service, h.month_index,
    sum(h.n)::BIGINT AS seen, sum(h.rkeys)::BIGINT % 256 AS seen_ckey,
    coalesce(sum(h.n) FILTER (WHERE h.wait_days / 7.0 <= $5::DOUBLE), 0)::BIGINT AS seen_within_target,
    coalesce(sum(h.rkeys) FILTER (WHERE h.wait_days / 7.0 <= $5::DOUBLE), 0)::BIGINT % 256 AS seen_within_target_ckey
  FROM histogram h
  GROUP BY ALL
),
-- The list at each month end: the running sum of waiting_changes up to that month (src/db/enrich.sql).
waiting AS (
  SELECT c.service, m.month, sum(c.waiting)::BIGINT AS waiting, sum(c.waiting_rkeys)::BIGINT % 256 AS waiting_ckey
  FROM months m JOIN waiting_changes c ON c.month_index <= m.month_index
  WHERE ($1::VARCHAR IS NULL OR c.service = $1::VARCHAR) AND ($4::VARCHAR IS NULL OR c.locality = $4::VARCHAR)
  GROUP BY ALL
)
SELECT m.month, s.service,
  coalesce(x.seen, 0)::INTEGER AS seen, coalesce(x.seen_ckey, 0)::INTEGER AS seen_ckey,
  coalesce(x.seen_within_target, 0)::INTEGER AS seen_within_target, coalesce(x.seen_within_target_ckey, 0)::INTEGER AS seen_within_target_ckey,
  (CASE WHEN x.seen >= 10 THEN quantile_between(q.lo, q.hi, q.rn) END)::DOUBLE AS median_weeks,
  coalesce(w.waiting, 0)::INTEGER AS waiting, coalesce(w.waiting_ckey, 0)::INTEGER AS waiting_ckey
FROM months m CROSS JOIN services s
LEFT JOIN seen x ON x.service = s.service AND x.month_index = m.month_index
LEFT JOIN medians q ON q.service::VARCHAR = s.service AND q.month_index = m.month_index
LEFT JOIN waiting w ON w.service = s.service AND w.month = m.month
ORDER BY s.service, m.month
