-- The local waiting list at each month end, as NHS England's community services series counts its own: children
-- (accepted referrals) still waiting for a first contact on the last day of the month, and those waiting more than
-- 18 weeks by then — a stock, not a flow. For the published-context figure (src/context), never mixed with it.
-- Parameters: 1 from_month, 2 to_month ('yyyy-mm', inclusive: the published series' months), 3 locality (NULL = all).
-- Columns: month (yyyy-mm), service, waiting (count), waiting_over_18_weeks (count), waiting_ckey,
--   waiting_over_18_weeks_ckey (sum(rkey) % 256 over the same rows, for the disclosure gate).
WITH params AS (SELECT ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality),
month_ends AS (
  SELECT strftime(m, '%Y-%m') AS month, (m + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS as_of
  FROM params p, range(strptime(p.from_month, '%Y-%m'), strptime(p.to_month, '%Y-%m') + INTERVAL 1 MONTH, INTERVAL 1 MONTH) AS t(m)
),
services AS (SELECT * FROM (VALUES ('SLT'), ('OT')) AS s(service)),
waiting AS (
  SELECT me.month, e.service, e.rkey, date_diff('day', e.referral_date, me.as_of) / 7.0 AS weeks
  FROM accepted_referrals e, params p, month_ends me
  WHERE e.referral_date <= me.as_of
    AND (e.first_contact_date IS NULL OR e.first_contact_date > me.as_of)
    AND (p.locality IS NULL OR e.locality = p.locality)
)
SELECT me.month, s.service,
  count(w.weeks)::INTEGER AS waiting,
  count(w.weeks) FILTER (WHERE w.weeks > 18)::INTEGER AS waiting_over_18_weeks,
  (coalesce(sum(w.rkey), 0) % 256)::INTEGER AS waiting_ckey,
  (coalesce(sum(w.rkey) FILTER (WHERE w.weeks > 18), 0) % 256)::INTEGER AS waiting_over_18_weeks_ckey
FROM month_ends me CROSS JOIN services s
LEFT JOIN waiting w ON w.month = me.month AND w.service = s.service
GROUP BY ALL
ORDER BY s.service DESC, me.month
