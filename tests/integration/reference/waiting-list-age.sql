-- Reference for tests/integration/wait-facts.test.ts: src/queries/waiting-list-age.sql as it was before wait_facts (issue 14),
-- reading accepted_referrals row by row, its quantiles by quantile_cont. Not used by the app.
-- The age profile of the open waiting list at the end of the period: how long those still waiting have waited.
-- Parameters: 1 service (NULL = both), 2 to_month ('yyyy-mm': the list is taken on its last day), 3 locality.
-- Columns: service, band ('0-6 weeks' … '52+ weeks'), band_order (1..5), waiting (count), waiting_ckey (its cell key).
WITH params AS (SELECT ?::VARCHAR AS service, ?::VARCHAR AS to_month, ?::VARCHAR AS locality),
bounds AS (SELECT (strptime(to_month, '%Y-%m') + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS as_of FROM params),
bands AS (
  SELECT * FROM (VALUES (1, '0-6 weeks', 0, 6), (2, '6-12 weeks', 6, 12), (3, '12-18 weeks', 12, 18),
                        (4, '18-52 weeks', 18, 52), (5, '52+ weeks', 52, 100000)) AS b(band_order, band, low, high)
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service), params p WHERE p.service IS NULL OR s.service = p.service
),
waiting AS (
  SELECT e.service, e.rkey, date_diff('day', e.referral_date, b.as_of) / 7.0 AS weeks
  FROM accepted_referrals e, params p, bounds b
  WHERE e.referral_date <= b.as_of
    AND (e.first_contact_date IS NULL OR e.first_contact_date > b.as_of)
    AND (p.service IS NULL OR e.service = p.service)
    AND (p.locality IS NULL OR e.locality = p.locality)
)
SELECT s.service, b.band, b.band_order, count(w.weeks)::INTEGER AS waiting,
  (coalesce(sum(w.rkey), 0) % 256)::INTEGER AS waiting_ckey
FROM services s CROSS JOIN bands b
LEFT JOIN waiting w ON w.service = s.service AND w.weeks >= b.low AND w.weeks < b.high
GROUP BY ALL
ORDER BY s.service, b.band_order
