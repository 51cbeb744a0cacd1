-- The age profile of the open waiting list at the end of the period: how long those still waiting have waited.
-- Parameters: 1 service (NULL = both), 2 to_month ('yyyy-mm': the list is taken on its last day), 3 locality.
-- Columns: service, band ('0-6 weeks' … '52+ weeks'), band_order (1..5), waiting (count), waiting_ckey (its cell key).
-- Read from wait_facts (src/db/enrich.sql: dates as day numbers); those waiting are first counted by days waited.
WITH params AS (SELECT ?::VARCHAR AS service, ?::VARCHAR AS to_month, ?::VARCHAR AS locality),
bounds AS (
  SELECT day_number((strptime(to_month, '%Y-%m') + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE) AS as_of_day
  FROM params
),
bands AS (
  SELECT * FROM (VALUES (1, '0-6 weeks', 0, 6), (2, '6-12 weeks', 6, 12), (3, '12-18 weeks', 12, 18),
                        (4, '18-52 weeks', 18, 52), (5, '52+ weeks', 52, 100000)) AS b(band_order, band, low, high)
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service), params p WHERE p.service IS NULL OR s.service = p.service
),
waiting AS (
  SELECT e.service::VARCHAR AS service, (b.as_of_day - e.referral_day) / 7.0 AS weeks, count(*) AS n, sum(e.rkey) AS rkeys
  FROM wait_facts e, params p, bounds b
  WHERE e.referral_day <= b.as_of_day
    AND (e.contact_day IS NULL OR e.contact_day > b.as_of_day)
    AND (p.service IS NULL OR e.service::VARCHAR = p.service)
    AND (p.locality IS NULL OR e.locality = p.locality)
  GROUP BY ALL
)
SELECT s.service, b.band, b.band_order, coalesce(sum(w.n), 0)::INTEGER AS waiting,
  (coalesce(sum(w.rkeys), 0) % 256)::INTEGER AS waiting_ckey
FROM services s CROSS JOIN bands b
LEFT JOIN waiting w ON w.service = s.service AND w.weeks >= b.low AND w.weeks < b.high
GROUP BY ALL
ORDER BY s.service, b.band_order
