-- The local waiting list at each month end, as NHS England's community services series counts its own: children
-- (accepted referrals) still waiting for a first contact on the last day of the month, and those waiting more than
-- 18 weeks by then — a stock, not a flow. For the published-context figure (src/context), never mixed with it.
-- Parameters: 1 from_month, 2 to_month ('yyyy-mm', inclusive: the published series' months), 3 locality (NULL = all).
-- Columns: month (yyyy-mm), service, waiting (count), waiting_over_18_weeks (count), waiting_ckey,
--   waiting_over_18_weeks_ckey (sum(rkey) % 256 over the same rows, for the disclosure gate).
WITH params AS (SELECT ?::VARCHAR AS from_month, ?::VARCHAR AS to_month, ?::VARCHAR AS locality),
month_ends AS (
  SELECT strftime(m, '%Y-%m') AS month, date_month_index(m)::INTEGER AS month_index
  FROM params p, range(strptime(p.from_month, '%Y-%m'), strptime(p.to_month, '%Y-%m') + INTERVAL 1 MONTH, INTERVAL 1 MONTH) AS t(m)
),
services AS (SELECT * FROM (VALUES ('SLT'), ('OT')) AS s(service)),
-- The list at each month end: the running sum of waiting_changes up to that month (src/db/enrich.sql).
waiting AS (
  SELECT me.month, c.service, sum(c.waiting) AS waiting, sum(c.waiting_rkeys) AS waiting_rkeys,
    sum(c.over_18_weeks) AS over_18_weeks, sum(c.over_18_weeks_rkeys) AS over_18_weeks_rkeys
  FROM month_ends me JOIN waiting_changes c ON c.month_index <= me.month_index, params p
  WHERE p.locality IS NULL OR c.locality = p.locality
  GROUP BY ALL
)
SELECT me.month, s.service,
  coalesce(w.waiting, 0)::INTEGER AS waiting,
  coalesce(w.over_18_weeks, 0)::INTEGER AS waiting_over_18_weeks,
  (coalesce(w.waiting_rkeys, 0) % 256)::INTEGER AS waiting_ckey,
  (coalesce(w.over_18_weeks_rkeys, 0) % 256)::INTEGER AS waiting_over_18_weeks_ckey
FROM month_ends me CROSS JOIN services s
LEFT JOIN waiting w ON w.month = me.month AND w.service = s.service
ORDER BY s.service DESC, me.month
