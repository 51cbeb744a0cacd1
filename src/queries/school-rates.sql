-- Each school's referrals and pupils for the funnel plot and the per-school table.
-- Parameters: 1 service ('SLT' | 'OT' | NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive),
--   4 locality (NULL = all), 5 age_phase (NULL = all: the whole roll), 6 school_type (NULL = all).
-- Columns: urn, name, school_type, phase, locality, service, referrals (count), pupils (roll in the age phase, or
--   the whole roll), expected (referrals expected in the period if each of the school's age phases referred at the
--   rate of that phase across all schools here: indirect standardisation for age mix), pupils_slcn, pupils_ehcp,
--   imd_decile, months (period length).
WITH params AS (
  SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality,
         ?::VARCHAR AS age_phase, ?::VARCHAR AS school_type
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service), params p WHERE p.service IS NULL OR s.service = p.service
),
in_scope AS (
  SELECT r.* FROM school_phase_rolls r, params p
  WHERE (p.age_phase IS NULL OR r.age_phase = p.age_phase)
    AND (p.locality IS NULL OR r.locality = p.locality)
    AND (p.school_type IS NULL OR r.school_type = p.school_type)
),
counts AS (
  SELECT e.school_urn, e.service, count(*) AS referrals
  FROM referrals_enriched e, params p
  WHERE e.month BETWEEN p.from_month AND p.to_month
    AND (p.age_phase IS NULL OR e.age_phase = p.age_phase)
  GROUP BY ALL
),
phase_counts AS (
  SELECT e.service, e.age_phase, count(*) AS referrals
  FROM referrals_enriched e JOIN (SELECT DISTINCT urn FROM in_scope) s ON s.urn = e.school_urn, params p
  WHERE e.month BETWEEN p.from_month AND p.to_month
  GROUP BY ALL
),
phase_rates AS (
  SELECT v.service, r.age_phase, coalesce(c.referrals, 0) / sum(r.roll) AS per_pupil
  FROM in_scope r CROSS JOIN services v
  LEFT JOIN phase_counts c ON c.service = v.service AND c.age_phase = r.age_phase
  GROUP BY v.service, r.age_phase, c.referrals
  HAVING sum(r.roll) > 0
),
rolls AS (
  SELECT r.urn, v.service, sum(r.roll) AS pupils, sum(r.roll * coalesce(pr.per_pupil, 0)) AS expected
  FROM in_scope r CROSS JOIN services v
  LEFT JOIN phase_rates pr ON pr.service = v.service AND pr.age_phase = r.age_phase
  GROUP BY r.urn, v.service
)
SELECT
  s.urn, s.name, s.school_type, s.phase, s.locality, v.service,
  coalesce(c.referrals, 0)::INTEGER AS referrals,
  coalesce(r.pupils, 0)::INTEGER AS pupils,
  coalesce(r.expected, 0)::DOUBLE AS expected,
  s.pupils_slcn, s.pupils_ehcp, s.imd_decile,
  (SELECT date_diff('month', strptime(from_month, '%Y-%m'), strptime(to_month, '%Y-%m')) + 1 FROM params)::INTEGER AS months
FROM schools s
CROSS JOIN services v
CROSS JOIN params p
LEFT JOIN rolls r ON r.urn = s.urn AND r.service = v.service
LEFT JOIN counts c ON c.school_urn = s.urn AND c.service = v.service
WHERE (p.locality IS NULL OR s.locality = p.locality)
  AND (p.school_type IS NULL OR s.school_type = p.school_type)
ORDER BY v.service, s.urn
