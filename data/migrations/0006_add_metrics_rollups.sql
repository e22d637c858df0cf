-- Two rollups the zone metrics read instead of recomputing them from a scan (docs/performance.md,
-- bench/metrics). Both are kept by triggers in the same statement as the write, so a reader always
-- sees them consistent with the plots and statistics it can see; they are derived, never edited.

-- enterprises.land_m2: Σ plots.area_m2 over the enterprise's plots in every park, summed in plot-id
-- order (the order geo/aggregate.ts uses), so it is the value a fresh sum would give.
ALTER TABLE enterprises ADD COLUMN land_m2 double precision NOT NULL DEFAULT 0;

-- enterprise_stats.fai_cumulative_wan: Σ fixed_asset_investment_wan over the enterprise's rows with
-- year ≤ this row's year, in year order; NULL when none of them reported investment.
ALTER TABLE enterprise_stats ADD COLUMN fai_cumulative_wan double precision;

-- Backfill existing rows (one pass each, before the triggers exist).
UPDATE enterprises e SET land_m2 = l.m2
  FROM (SELECT enterprise_id, sum(area_m2 ORDER BY id) AS m2 FROM plots WHERE enterprise_id IS NOT NULL GROUP BY 1) l
 WHERE l.enterprise_id = e.id;
UPDATE enterprise_stats es SET fai_cumulative_wan = w.c
  FROM (SELECT enterprise_id, year,
               sum(fixed_asset_investment_wan) OVER (PARTITION BY enterprise_id ORDER BY year) AS c
          FROM enterprise_stats) w
 WHERE es.enterprise_id = w.enterprise_id AND es.year = w.year AND w.c IS NOT NULL;

CREATE FUNCTION za_refresh_enterprise_land(ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE enterprises e
     SET land_m2 = coalesce((SELECT sum(p.area_m2 ORDER BY p.id) FROM plots p WHERE p.enterprise_id = e.id), 0)
   WHERE e.id = ANY(ids)
$$;

CREATE FUNCTION za_refresh_fai_cumulative(ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE enterprise_stats es SET fai_cumulative_wan = w.c
    FROM (SELECT enterprise_id, year,
                 sum(fixed_asset_investment_wan) OVER (PARTITION BY enterprise_id ORDER BY year) AS c
            FROM enterprise_stats WHERE enterprise_id = ANY(ids)) w
   WHERE es.enterprise_id = w.enterprise_id AND es.year = w.year
     AND es.fai_cumulative_wan IS DISTINCT FROM w.c
$$;

-- Statement-level triggers with transition tables: a bulk insert refreshes each enterprise once.
-- Updates refresh only enterprises whose plots changed owner or area (or whose rows changed key).
CREATE FUNCTION za_plots_enterprise_land() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT enterprise_id FROM new_rows WHERE enterprise_id IS NOT NULL);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT enterprise_id FROM old_rows WHERE enterprise_id IS NOT NULL);
  ELSE
    ids := ARRAY(
      SELECT DISTINCT x.id FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
       CROSS JOIN LATERAL (VALUES (o.enterprise_id), (n.enterprise_id)) x(id)
       WHERE x.id IS NOT NULL
         AND (o.id IS NULL OR n.id IS NULL OR o.enterprise_id IS DISTINCT FROM n.enterprise_id
              OR o.area_m2 IS DISTINCT FROM n.area_m2));
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM za_refresh_enterprise_land(ids); END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER plots_enterprise_land_ins AFTER INSERT ON plots REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_plots_enterprise_land();
CREATE TRIGGER plots_enterprise_land_upd AFTER UPDATE ON plots REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_plots_enterprise_land();
CREATE TRIGGER plots_enterprise_land_del AFTER DELETE ON plots REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_plots_enterprise_land();

-- The refresh itself updates enterprise_stats. That update changes only fai_cumulative_wan, so its own
-- trigger finds no changed key or investment and refreshes nothing (statement triggers fire even for
-- zero rows, hence the cardinality guard: without it the chain would never end).
CREATE FUNCTION za_enterprise_stats_fai() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT enterprise_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT enterprise_id FROM old_rows);
  ELSE
    ids := ARRAY(
      SELECT DISTINCT x.id FROM old_rows o FULL JOIN new_rows n ON n.enterprise_id = o.enterprise_id AND n.year = o.year
       CROSS JOIN LATERAL (VALUES (o.enterprise_id), (n.enterprise_id)) x(id)
       WHERE x.id IS NOT NULL
         AND (o.year IS NULL OR n.year IS NULL
              OR o.fixed_asset_investment_wan IS DISTINCT FROM n.fixed_asset_investment_wan));
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM za_refresh_fai_cumulative(ids); END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER enterprise_stats_fai_ins AFTER INSERT ON enterprise_stats REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_enterprise_stats_fai();
CREATE TRIGGER enterprise_stats_fai_upd AFTER UPDATE ON enterprise_stats
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_enterprise_stats_fai();
CREATE TRIGGER enterprise_stats_fai_del AFTER DELETE ON enterprise_stats REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_enterprise_stats_fai();
