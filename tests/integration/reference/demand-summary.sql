-- Reference for tests/integration/wait-facts.test.ts: src/queries/demand-summary.sql as it was before its waiting list
-- came from waiting_changes (issue 14), counting the accepted referrals row by row. Not used by the app.
-- What the capacity calculator starts from, per service, over the period: referrals and how many were accepted,
-- the therapist hours delivered one-to-one or in small groups (specialist + targeted), and the waiting list at
-- the end of the period.
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive), 4 locality (NULL = all).
-- Columns: service, referrals (count), accepted (count), direct_hours (therapist hours), waiting (count at the end
--   of to_month), months (period length). Each count x has x_ckey: its cell key (METHODS §7).
WITH params AS (
  SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality
),
bounds AS (SELECT (strptime(to_month, '%Y-%m') + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS as_of FROM params),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service), params p WHERE p.service IS NULL OR s.service = p.service
),
refs AS (
  SELECT e.service,
    sum(e.referrals) AS referrals,
    sum(e.rkeys) AS referrals_keys,
    sum(e.accepted) AS accepted,
    sum(e.accepted_rkeys) AS accepted_keys
  FROM referral_cells e, params p
  WHERE e.month_index BETWEEN month_index(p.from_month) AND month_index(p.to_month)
    AND (p.locality IS NULL OR e.locality = p.locality)
  GROUP BY e.service
),
open_list AS (
  SELECT e.service, count(*) AS waiting, sum(e.rkey) AS waiting_keys
  FROM accepted_referrals e, params p, bounds b
  WHERE e.referral_date <= b.as_of AND (e.first_contact_date IS NULL OR e.first_contact_date > b.as_of)
    AND (p.locality IS NULL OR e.locality = p.locality)
  GROUP BY e.service
),
hours AS (
  SELECT v.service, sum(v.therapist_hours) AS direct_hours
  FROM provision v JOIN schools s ON s.urn = v.school_urn, params p
  WHERE v.month BETWEEN p.from_month AND p.to_month AND v.delivery_model IN ('specialist', 'targeted')
    AND (p.locality IS NULL OR s.locality = p.locality)
  GROUP BY v.service
)
SELECT s.service,
  coalesce(r.referrals, 0)::INTEGER AS referrals, (coalesce(r.referrals_keys, 0) % 256)::INTEGER AS referrals_ckey,
  coalesce(r.accepted, 0)::INTEGER AS accepted, (coalesce(r.accepted_keys, 0) % 256)::INTEGER AS accepted_ckey,
  coalesce(h.direct_hours, 0)::DOUBLE AS direct_hours,
  coalesce(w.waiting, 0)::INTEGER AS waiting, (coalesce(w.waiting_keys, 0) % 256)::INTEGER AS waiting_ckey,
  (SELECT date_diff('month', strptime(from_month, '%Y-%m'), strptime(to_month, '%Y-%m')) + 1 FROM params)::INTEGER AS months
FROM services s LEFT JOIN refs r ON r.service = s.service LEFT JOIN open_list w ON w.service = s.service
  LEFT JOIN hours h ON h.service = s.service
ORDER BY s.service
