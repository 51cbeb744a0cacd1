-- The data's extent, for defaults and the period picker.
-- Parameters: none.
-- Columns: first_month, last_month (yyyy-mm, referrals), months (count), referrals (count), schools (count).
SELECT
  month_text(min(month_index)) AS first_month,
  month_text(max(month_index)) AS last_month,
  count(DISTINCT month_index) AS months,
  coalesce(sum(referrals), 0)::BIGINT AS referrals,
  (SELECT count(*) FROM schools) AS schools
FROM referral_cells
