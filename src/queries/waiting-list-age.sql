-- The age profile of the open waiting list at the end of the period: how long those still waiting have waited.
-- Parameters: 1 service (NULL = both), 2 to_month ('yyyy-mm': the list is taken on its last day), 3 locality.
-- Columns: service, band ('0-6 weeks' … '52+ weeks'), band_order (1..5), waiting (count), waiting_ckey (its cell key).
-- Read from wait_facts (src/db/enrich.sql: dates as day numbers); those waiting are first counted by days waited.
-- The parameters are used where they filter ($1…$3; see waits.sql).
WITH
bands AS (
  SELECT * FROM (VALUES (1, '0-6 weeks', 0, 6), (2, '6-12 weeks', 6, 12), (3, '12-18 weeks', 12, 18),
                        (4, '18-52 weeks', 18, 52), (5, '52+ weeks', 52, 100000)) AS b(band_order, band, low, high)
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service) WHERE $1::VARCHAR IS NULL OR s.service = $1::VARCHAR
),
waiting AS (
  SELECT e.service::VARCHAR AS service, (month_last_day($2::VARCHAR) - e.referral_day) / 7.0 AS weeks, count(*) AS n,
    sum(e.rkey)::BIGINT AS rkeys
  FROM wait_facts e
  WHERE e.referral_day <= month_last_day($2::VARCHAR)
    AND (e.contact_day IS NULL OR e.contact_day > month_last_day($2::VARCHAR))
    AND ($1::VARCHAR IS NULL OR e.service::VARCHAR = $1::VARCHAR)
    AND ($3::VARCHAR IS NULL OR e.locality = $3::VARCHAR)
  GROUP BY ALL
)
SELECT s.service, b.band, b.band_order, coalesce(sum(w.n), 0)::INTEGER AS waiting,
  (coalesce(sum(w.rkeys), 0) % 256)::INTEGER AS waiting_ckey
FROM services s CROSS JOIN bands b
LEFT JOIN waiting w ON w.service = s.service AND w.weeks >= b.low AND w.weeks < b.high
GROUP BY ALL
ORDER BY s.service, b.band_order
