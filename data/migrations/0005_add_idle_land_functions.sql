-- SQL twins of geo/calendar_years.ts `fullYearsBetween` and geo/idle_land.ts `assessIdleLand`
-- (its status class only), used by the metrics aggregation in api/db/metrics_sql.ts.
-- Thresholds are parameters passed from geo/thresholds.ts; tests/api/metrics_parity.test.ts holds
-- both definitions equal.

-- Full calendar years from from_date to to_date: anniversaries, 29 Feb → 28 Feb in common years.
CREATE FUNCTION za_full_years(from_date date, to_date date) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  -- One expression (no FROM) so the planner inlines it into the metrics statement.
  SELECT (extract(year FROM to_date) - extract(year FROM from_date))::integer
    - CASE WHEN (from_date + make_interval(years => (extract(year FROM to_date) - extract(year FROM from_date))::integer))::date
                > to_date THEN 1 ELSE 0 END
$$;

-- 'idle' | 'not_idle' | 'undetermined' for supplied, under-construction and built plots; NULL otherwise.
-- tol: relative tolerance under which a value equal to a threshold is not "below" it.
CREATE FUNCTION za_idle_class(
  status text, agreed date, extended date, actual date, suspended date,
  developed_ratio double precision, invested double precision, total double precision, as_of date,
  fee_years integer, suspended_years integer, dev_min double precision, inv_min double precision,
  tol double precision
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status NOT IN ('supplied', 'under_construction', 'built') THEN NULL
    WHEN status = 'built' THEN 'not_idle'
    WHEN NOT (CASE WHEN actual IS NULL THEN status = 'under_construction' ELSE actual <= as_of END) THEN
      CASE
        WHEN coalesce(extended, agreed) IS NULL THEN 'undetermined'
        WHEN as_of < coalesce(extended, agreed) THEN 'not_idle'
        WHEN za_full_years(coalesce(extended, agreed), as_of) < fee_years THEN 'not_idle'
        ELSE 'idle'
      END
    WHEN suspended IS NULL OR as_of < suspended THEN 'not_idle'
    WHEN za_full_years(suspended, as_of) < suspended_years THEN 'not_idle'
    WHEN (developed_ratio IS NOT NULL AND developed_ratio < dev_min - tol * abs(dev_min))
      OR (invested IS NOT NULL AND total > 0 AND invested / total < inv_min - tol * abs(inv_min)) THEN 'idle'
    WHEN developed_ratio IS NULL OR invested IS NULL OR total IS NULL OR total <= 0 THEN 'undetermined'
    ELSE 'not_idle'
  END
$$;
