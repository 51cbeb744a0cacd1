-- Therapists in post and vacant each month (the optional workforce table; empty when not loaded).
-- Parameters: 1 service (NULL = both), 2 from_month, 3 to_month ('yyyy-mm', inclusive).
-- Columns: month ('yyyy-mm'), service, fte_in_post, fte_vacant (whole-time equivalents).
WITH params AS (SELECT ?::VARCHAR AS service, ?::VARCHAR AS from_month, ?::VARCHAR AS to_month)
SELECT w.month, w.service, w.fte_in_post, w.fte_vacant
FROM workforce w, params p
WHERE (p.service IS NULL OR w.service = p.service) AND w.month BETWEEN p.from_month AND p.to_month
ORDER BY w.service, w.month
