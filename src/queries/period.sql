-- The data's extent, for defaults and the period picker.
-- Parameters: none.
-- Columns: first_month, last_month (yyyy-mm, referrals), months (count), referrals (count), schools (count).
SELECT
  min(month) AS first_month,
  max(month) AS last_month,
  count(DISTINCT month) AS months,
  count(*) AS referrals,
  (SELECT count(*) FROM schools) AS schools
FROM referrals_enriched
