-- Referrals and pupils by service × school type × age phase, with the subtotals needed for the heat table's
-- margins and the area benchmark (GROUPING SETS: a NULL school_type or age_phase means "all").
-- Parameters (positional ?): 1 service ('SLT' | 'OT' | NULL = both), 2 from_month ('yyyy-mm', inclusive),
--   3 to_month ('yyyy-mm', inclusive), 4 locality (NULL = all).
-- Columns: service, school_type (NULL = all), age_phase (NULL = all), referrals (count in the period) and
--   referrals_ckey (its cell key: Σ record keys mod 256, METHODS §7),
--   pupils (pupils on roll in that age phase at the census: the denominator), months (period length in months).
-- Denominators: each school's roll in each age phase (school_phase_rolls), so a cell's pupils partition the area.
WITH params AS (
  SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service), params p WHERE p.service IS NULL OR s.service = p.service
),
rolls AS (
  SELECT r.school_type, r.age_phase, sum(r.roll) AS pupils
  FROM school_phase_rolls r, params p
  WHERE p.locality IS NULL OR r.locality = p.locality
  GROUP BY ALL
),
counts AS (
  SELECT e.service, e.school_type, e.age_phase, sum(e.referrals) AS referrals, sum(e.rkeys) AS rkeys
  FROM referral_cells e, params p
  WHERE e.month_index BETWEEN month_index(p.from_month) AND month_index(p.to_month)
    AND (p.service IS NULL OR e.service = p.service)
    AND (p.locality IS NULL OR e.locality = p.locality)
  GROUP BY ALL
),
cells AS (
  SELECT s.service, r.school_type, r.age_phase, coalesce(c.referrals, 0) AS referrals, coalesce(c.rkeys, 0) AS rkeys, r.pupils
  FROM services s CROSS JOIN rolls r
  LEFT JOIN counts c ON c.service = s.service AND c.school_type = r.school_type AND c.age_phase = r.age_phase
  WHERE r.pupils > 0 OR c.referrals > 0
)
SELECT
  service, school_type, age_phase,
  sum(referrals)::INTEGER AS referrals,
  (sum(rkeys) % 256)::INTEGER AS referrals_ckey,
  sum(pupils)::INTEGER AS pupils,
  (SELECT date_diff('month', strptime(from_month, '%Y-%m'), strptime(to_month, '%Y-%m')) + 1 FROM params)::INTEGER AS months
FROM cells
GROUP BY GROUPING SETS ((service, school_type, age_phase), (service, school_type), (service, age_phase), (service))
ORDER BY service, school_type NULLS LAST, age_phase NULLS LAST
