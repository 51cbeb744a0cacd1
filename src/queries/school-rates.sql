-- Each school's referrals and pupils by age phase, for the funnel plot, the per-school table and My setting. One
-- row per school × service × age phase in scope (its roll in that phase, possibly 0), plus, when no age phase is
-- filtered, a row with age_phase NULL and roll 0 for referrals whose age phase is unknown. The analytics layer
-- adds the rows up: a school's count and its expected count for its age mix (indirect standardisation) are both
-- built from these cells, so each is computed from counts that passed the disclosure gate.
-- Parameters: 1 service ('SLT' | 'OT' | NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive),
--   4 locality (NULL = all), 5 age_phase (NULL = all), 6 school_type (NULL = all).
-- Columns: urn, name, school_type, phase, locality, service, age_phase (NULL: unknown), roll (pupils on roll in
--   that age phase), referrals (count), referrals_ckey (its cell key, METHODS §7), months (period length).
WITH params AS (
  SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality,
         ?::VARCHAR AS age_phase, ?::VARCHAR AS school_type
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service), params p WHERE p.service IS NULL OR s.service = p.service
),
in_scope AS (
  SELECT r.urn, r.age_phase, r.roll FROM school_phase_rolls r, params p
  WHERE (p.age_phase IS NULL OR r.age_phase = p.age_phase)
    AND (p.locality IS NULL OR r.locality = p.locality)
    AND (p.school_type IS NULL OR r.school_type = p.school_type)
),
counts AS (
  SELECT e.school_urn, e.service, e.age_phase, sum(e.referrals) AS referrals, sum(e.rkeys) AS rkeys
  FROM referral_cells e, params p
  WHERE e.month_index BETWEEN month_index(p.from_month) AND month_index(p.to_month)
    AND (p.service IS NULL OR e.service = p.service)
    AND (p.age_phase IS NULL OR e.age_phase = p.age_phase)
    AND e.school_urn IN (SELECT urn FROM in_scope)
  GROUP BY ALL
),
cells AS (
  SELECT r.urn, v.service, r.age_phase, r.roll FROM in_scope r CROSS JOIN services v
  UNION ALL
  SELECT c.school_urn, c.service, NULL, 0 FROM counts c WHERE c.age_phase IS NULL
)
SELECT
  s.urn, s.name, s.school_type, s.phase, s.locality, c.service, c.age_phase,
  c.roll::INTEGER AS roll,
  coalesce(k.referrals, 0)::INTEGER AS referrals,
  (coalesce(k.rkeys, 0) % 256)::INTEGER AS referrals_ckey,
  (SELECT date_diff('month', strptime(from_month, '%Y-%m'), strptime(to_month, '%Y-%m')) + 1 FROM params)::INTEGER AS months
FROM cells c
JOIN schools s ON s.urn = c.urn
LEFT JOIN counts k ON k.school_urn = c.urn AND k.service = c.service AND k.age_phase IS NOT DISTINCT FROM c.age_phase
ORDER BY c.service, s.urn, c.age_phase NULLS LAST
