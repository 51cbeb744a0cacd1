-- Schools that receive referrals from year groups outside their statutory age range (age_low to age_high − 1 on
-- 31 August), for `validate` to warn about (not refuse): such referrals count in an age phase whose pupils the
-- school may not have, so its rates by phase mislead. Only schools whose age range is given are checked; a
-- referral's year group gives its age (N1 2, N2 3, R 4, year n → n + 4).
-- Parameters: none.
-- Columns: urn, name, age_low, age_high, referrals (count outside the range), youngest, oldest (year groups seen
--   outside it). This is a data check on the analyst's own file, never published.
WITH aged AS (
  SELECT r.school_urn, r.year_group,
    CASE r.year_group WHEN 'N1' THEN 2 WHEN 'N2' THEN 3 WHEN 'R' THEN 4 ELSE TRY_CAST(r.year_group AS INTEGER) + 4 END AS age
  FROM referrals r
  WHERE r.year_group IS NOT NULL
)
SELECT s.urn, s.name, s.age_low, s.age_high, count(*)::INTEGER AS referrals,
  arg_min(a.year_group, a.age) AS youngest, arg_max(a.year_group, a.age) AS oldest
FROM aged a JOIN schools s ON s.urn = a.school_urn
WHERE s.age_low IS NOT NULL AND s.age_high IS NOT NULL AND (a.age < s.age_low OR a.age >= s.age_high)
GROUP BY s.urn, s.name, s.age_low, s.age_high
ORDER BY s.urn
