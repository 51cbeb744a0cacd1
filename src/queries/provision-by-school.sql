-- Therapy provision in each school in the period, beside its need: sessions and therapist hours, referrals,
-- pupils with SLCN and with EHC plans.
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive), 4 locality (NULL = all).
-- Columns: urn, name, school_type, phase, locality, service, pupils (whole roll), pupils_slcn, pupils_ehcp,
--   imd_decile, sessions (count), therapist_hours (hours), universal_sessions (count), referrals (count),
--   months (period length). Each count x (referrals, pupils_slcn, pupils_ehcp) has x_ckey: its cell key
--   (METHODS §7: Σ record keys mod 256 for referrals; the first byte of SHA-256 of 'urn:column' for a school count).
WITH params AS (
  SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality
),
services AS (
  SELECT s.service FROM (VALUES ('SLT'), ('OT')) AS s(service), params p WHERE p.service IS NULL OR s.service = p.service
),
delivered AS (
  SELECT v.school_urn, v.service, sum(v.sessions) AS sessions, sum(v.therapist_hours) AS therapist_hours,
         sum(v.sessions) FILTER (WHERE v.delivery_model = 'universal') AS universal_sessions
  FROM provision v, params p
  WHERE v.month BETWEEN p.from_month AND p.to_month
  GROUP BY ALL
),
counts AS (
  SELECT e.school_urn, e.service, sum(e.referrals) AS referrals, sum(e.rkeys) AS rkeys
  FROM referral_cells e, params p
  WHERE e.month_index BETWEEN month_index(p.from_month) AND month_index(p.to_month)
  GROUP BY ALL
)
SELECT s.urn, s.name, s.school_type, s.phase, s.locality, v.service,
  s.pupils_on_roll AS pupils, s.pupils_slcn,
  record_key(s.urn || ':pupils_slcn') AS pupils_slcn_ckey,
  s.pupils_ehcp,
  record_key(s.urn || ':pupils_ehcp') AS pupils_ehcp_ckey,
  s.imd_decile,
  coalesce(d.sessions, 0)::INTEGER AS sessions,
  coalesce(d.therapist_hours, 0)::DOUBLE AS therapist_hours,
  coalesce(d.universal_sessions, 0)::INTEGER AS universal_sessions,
  coalesce(c.referrals, 0)::INTEGER AS referrals,
  (coalesce(c.rkeys, 0) % 256)::INTEGER AS referrals_ckey,
  (SELECT date_diff('month', strptime(from_month, '%Y-%m'), strptime(to_month, '%Y-%m')) + 1 FROM params)::INTEGER AS months
FROM schools s CROSS JOIN services v CROSS JOIN params p
LEFT JOIN delivered d ON d.school_urn = s.urn AND d.service = v.service
LEFT JOIN counts c ON c.school_urn = s.urn AND c.service = v.service
WHERE p.locality IS NULL OR s.locality = p.locality
ORDER BY v.service, s.urn
