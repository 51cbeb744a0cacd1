-- Every school, for the school picker and "similar settings" (same type and phase).
-- Parameters: none.
-- Columns: urn, name, school_type, phase, locality, pupils_on_roll (headcount).
SELECT urn, name, school_type, phase, locality, pupils_on_roll FROM schools ORDER BY name
