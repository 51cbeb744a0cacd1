-- Universal programmes: each school that adopted one (its first month of universal delivery under a named
-- programme) and its referrals before and after, beside schools of the same type and phase that never adopted
-- one, counted over the same calendar windows (the inputs to a difference-in-differences rate ratio).
-- Parameters: 1 service ('SLT' | 'OT'), 2 window_months (months before and after adoption to compare, e.g. 24),
--   3 locality (NULL = all).
-- Columns: adopter_urn, adopter_name, programme, adoption_month ('yyyy-mm'), group_kind ('adopter' |
--   'comparison'), schools (count in the group), period ('before' | 'after'), referrals (count), referrals_ckey
--   (its cell key, METHODS §7),
--   pupil_months (sum of roll × months: the denominator), months (window length).
WITH params AS (SELECT ?::VARCHAR AS service, ?::INTEGER AS window_months, ?::VARCHAR AS locality),
bounds AS (SELECT month_text(min(month_index)) AS first_month, month_text(max(month_index)) AS last_month FROM referral_cells),
adoptions AS (
  SELECT v.school_urn, min(v.month) AS adoption_month, arg_min(v.programme, v.month) AS programme
  FROM provision v, params p
  WHERE v.delivery_model = 'universal' AND coalesce(v.programme, '') <> '' AND v.service = p.service
  GROUP BY v.school_urn
),
adopters AS (
  SELECT a.*, s.name, s.school_type, s.phase FROM adoptions a JOIN schools s ON s.urn = a.school_urn, params p, bounds b
  WHERE (p.locality IS NULL OR s.locality = p.locality)
    AND a.adoption_month > b.first_month
),
windows AS (
  SELECT a.school_urn AS adopter_urn, a.name AS adopter_name, a.programme, a.adoption_month, a.school_type, a.phase,
    'before' AS period,
    strftime(greatest(strptime(a.adoption_month, '%Y-%m') - to_months(p.window_months), strptime(b.first_month, '%Y-%m')), '%Y-%m') AS from_month,
    strftime(strptime(a.adoption_month, '%Y-%m') - INTERVAL 1 MONTH, '%Y-%m') AS to_month
  FROM adopters a, params p, bounds b
  UNION ALL
  SELECT a.school_urn, a.name, a.programme, a.adoption_month, a.school_type, a.phase, 'after',
    a.adoption_month,
    strftime(least(strptime(a.adoption_month, '%Y-%m') + to_months(p.window_months - 1), strptime(b.last_month, '%Y-%m')), '%Y-%m')
  FROM adopters a, params p, bounds b
),
members AS (
  SELECT w.*, 'adopter' AS group_kind, w.adopter_urn AS urn FROM windows w
  UNION ALL
  SELECT w.*, 'comparison', s.urn FROM windows w JOIN schools s
    ON s.school_type = w.school_type AND s.phase = w.phase AND s.urn <> w.adopter_urn
   AND s.urn NOT IN (SELECT school_urn FROM adoptions), params p
  WHERE p.locality IS NULL OR s.locality = p.locality
),
counted AS (
  SELECT m.adopter_urn, m.adopter_name, m.programme, m.adoption_month, m.group_kind, m.period, m.urn,
    date_diff('month', strptime(m.from_month, '%Y-%m'), strptime(m.to_month, '%Y-%m')) + 1 AS months,
    coalesce(sum(e.referrals), 0) AS referrals, coalesce(sum(e.rkeys), 0) AS rkeys
  FROM members m CROSS JOIN params p
  LEFT JOIN referral_cells e ON e.school_urn = m.urn AND e.service = p.service
    AND e.month_index BETWEEN month_index(m.from_month) AND month_index(m.to_month)
  GROUP BY m.adopter_urn, m.adopter_name, m.programme, m.adoption_month, m.group_kind, m.period, m.urn, m.from_month, m.to_month
)
SELECT c.adopter_urn, c.adopter_name, c.programme, c.adoption_month, c.group_kind,
  count(*)::INTEGER AS schools, c.period,
  sum(c.referrals)::INTEGER AS referrals,
  (sum(c.rkeys) % 256)::INTEGER AS referrals_ckey,
  sum(s.pupils_on_roll * c.months)::DOUBLE AS pupil_months,
  max(c.months)::INTEGER AS months
FROM counted c JOIN schools s ON s.urn = c.urn
GROUP BY c.adopter_urn, c.adopter_name, c.programme, c.adoption_month, c.group_kind, c.period
ORDER BY c.adopter_urn, c.group_kind, c.period DESC
