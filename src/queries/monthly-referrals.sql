-- Monthly referral counts for SPC charts and forecasts: the area, each school type and each age phase (GROUPING
-- SETS; group_kind says which), zero-filled over every month of the period.
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive), 4 locality (NULL = all),
--   5 school_urn (NULL = all schools; set it for one school's series).
-- Columns: month ('yyyy-mm'), service, group_kind ('area' | 'school_type' | 'age_phase'), group_value (NULL for
--   the area), referrals (count in the month), referrals_ckey (its cell key, METHODS §7).
WITH params AS (
  SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality,
         ?::VARCHAR AS school_urn
),
months AS (
  SELECT strftime(m, '%Y-%m') AS month, date_month_index(m)::INTEGER AS month_index
  FROM params p, range(strptime(p.from_month, '%Y-%m'), strptime(p.to_month, '%Y-%m') + INTERVAL 1 MONTH, INTERVAL 1 MONTH) t(m)
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service), params p WHERE p.service IS NULL OR s.service = p.service
),
filtered AS (
  SELECT e.* FROM referral_cells e, params p
  WHERE e.month_index BETWEEN month_index(p.from_month) AND month_index(p.to_month)
    AND (p.service IS NULL OR e.service = p.service)
    AND (p.locality IS NULL OR e.locality = p.locality)
    AND (p.school_urn IS NULL OR e.school_urn = p.school_urn)
),
grouped AS (
  SELECT month_index, service,
    CASE WHEN GROUPING(school_type) = 0 THEN 'school_type' WHEN GROUPING(age_phase) = 0 THEN 'age_phase' ELSE 'area' END AS group_kind,
    coalesce(school_type, age_phase) AS group_value,
    sum(referrals) AS referrals, sum(rkeys) AS rkeys
  FROM filtered
  GROUP BY GROUPING SETS ((month_index, service), (month_index, service, school_type), (month_index, service, age_phase))
),
groups AS (
  SELECT 'area' AS group_kind, NULL::VARCHAR AS group_value
  UNION ALL SELECT DISTINCT 'school_type', school_type FROM filtered
  UNION ALL SELECT DISTINCT 'age_phase', age_phase FROM filtered
)
SELECT m.month, s.service, g.group_kind, g.group_value, coalesce(c.referrals, 0)::INTEGER AS referrals,
  (coalesce(c.rkeys, 0) % 256)::INTEGER AS referrals_ckey
FROM months m CROSS JOIN services s CROSS JOIN groups g
LEFT JOIN grouped c ON c.month_index = m.month_index AND c.service = s.service AND c.group_kind = g.group_kind
  AND c.group_value IS NOT DISTINCT FROM g.group_value
ORDER BY s.service, g.group_kind, g.group_value NULLS FIRST, m.month
