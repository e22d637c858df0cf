-- Vector tiles (api/tiles/): per-layer data versions for cache invalidation, and the stored
-- assessment (亩均 grade, flags, indicators per plot and statistics year) that plot tiles carry.
--
-- Every statement that writes a table a tile layer draws on bumps that layer's version and
-- NOTIFYs channel `za_layer_versions` with {"schema", "layer", "version"} on commit, so every API
-- process on this database drops its cached tiles of that layer (LISTEN, api/tiles/layer_versions.ts).
-- Writes that change a plot's assessment inputs queue its park in `za_assessment_queue` and NOTIFY
-- `za_assessment_queue`; the API re-assesses a queued park with geo/ (the one definition) before it
-- renders a plot tile over that park.

CREATE TABLE za_layer_versions (
  layer text PRIMARY KEY CHECK (layer IN ('plots', 'parks', 'constraints')),
  version bigint NOT NULL DEFAULT 1
);
INSERT INTO za_layer_versions (layer) VALUES ('plots'), ('parks'), ('constraints');

CREATE FUNCTION za_bump_layer_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  l text;
  v bigint;
BEGIN
  FOREACH l IN ARRAY TG_ARGV LOOP
    UPDATE za_layer_versions SET version = version + 1 WHERE layer = l RETURNING version INTO v;
    PERFORM pg_notify('za_layer_versions',
      json_build_object('schema', TG_TABLE_SCHEMA, 'layer', l, 'version', v)::text);
  END LOOP;
  RETURN NULL;
END $$;

-- Stored per plot and statistics year by api/metrics/assessment_refresh.ts (geo/ assessPlot).
CREATE TABLE plot_assessments (
  plot_id integer NOT NULL REFERENCES plots (id) ON DELETE CASCADE,
  year integer NOT NULL,
  as_of date NOT NULL,
  output_per_mu_wan double precision,
  tax_per_mu_wan double precision,
  far double precision,
  coverage_ratio double precision,
  grade text CHECK (grade IN ('A', 'B', 'C', 'D')),
  is_idle boolean NOT NULL,
  is_low_efficiency boolean NOT NULL,
  is_approved_unsupplied boolean NOT NULL,
  PRIMARY KEY (year, plot_id)
);
CREATE INDEX plot_assessments_plot ON plot_assessments (plot_id);

CREATE TABLE za_assessment_queue (
  park_id integer PRIMARY KEY REFERENCES parks (id) ON DELETE CASCADE,
  queued_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION za_queue_parks(park_ids integer[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  INSERT INTO za_assessment_queue (park_id)
  SELECT DISTINCT p FROM unnest(park_ids) p WHERE p IS NOT NULL AND EXISTS (SELECT 1 FROM parks WHERE id = p)
  ON CONFLICT (park_id) DO UPDATE SET queued_at = now();
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    PERFORM pg_notify('za_assessment_queue', json_build_object('schema', current_schema())::text);
  END IF;
END $$;

CREATE FUNCTION za_queue_plot_parks() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM za_queue_parks(ARRAY(SELECT park_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM za_queue_parks(ARRAY(SELECT park_id FROM old_rows));
  ELSE
    PERFORM za_queue_parks(ARRAY(SELECT park_id FROM new_rows UNION SELECT park_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

-- Statistics and enterprise changes reach the parks holding the enterprise's plots.
CREATE FUNCTION za_queue_enterprise_parks() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT enterprise_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT enterprise_id FROM old_rows);
  ELSE
    ids := ARRAY(SELECT enterprise_id FROM new_rows UNION SELECT enterprise_id FROM old_rows);
  END IF;
  PERFORM za_queue_parks(ARRAY(SELECT DISTINCT park_id FROM plots WHERE enterprise_id = ANY (ids)));
  RETURN NULL;
END $$;

CREATE FUNCTION za_queue_enterprise_row_parks() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM za_queue_parks(ARRAY(SELECT DISTINCT park_id FROM plots
    WHERE enterprise_id IN (SELECT id FROM new_rows UNION SELECT id FROM old_rows)));
  RETURN NULL;
END $$;

CREATE TRIGGER plots_queue_insert AFTER INSERT ON plots REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_queue_plot_parks();
CREATE TRIGGER plots_queue_update AFTER UPDATE ON plots REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_queue_plot_parks();
CREATE TRIGGER plots_queue_delete AFTER DELETE ON plots REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_queue_plot_parks();

CREATE TRIGGER enterprise_stats_queue_insert AFTER INSERT ON enterprise_stats REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_queue_enterprise_parks();
CREATE TRIGGER enterprise_stats_queue_update AFTER UPDATE ON enterprise_stats
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_queue_enterprise_parks();
CREATE TRIGGER enterprise_stats_queue_delete AFTER DELETE ON enterprise_stats REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_queue_enterprise_parks();

-- An enterprise update (industry code, scale class) changes grades and FAR minimums of its plots.
CREATE TRIGGER enterprises_queue_update AFTER UPDATE ON enterprises
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION za_queue_enterprise_row_parks();

-- Versions: which layers each table's writes can change.
CREATE TRIGGER plots_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plots
  FOR EACH STATEMENT EXECUTE FUNCTION za_bump_layer_version('plots');
CREATE TRIGGER plot_assessments_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plot_assessments
  FOR EACH STATEMENT EXECUTE FUNCTION za_bump_layer_version('plots');
CREATE TRIGGER enterprises_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprises
  FOR EACH STATEMENT EXECUTE FUNCTION za_bump_layer_version('plots');
CREATE TRIGGER enterprise_stats_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise_stats
  FOR EACH STATEMENT EXECUTE FUNCTION za_bump_layer_version('plots');
CREATE TRIGGER parks_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parks
  FOR EACH STATEMENT EXECUTE FUNCTION za_bump_layer_version('parks', 'plots');
CREATE TRIGGER constraint_layers_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON constraint_layers
  FOR EACH STATEMENT EXECUTE FUNCTION za_bump_layer_version('constraints');
CREATE TRIGGER constraint_features_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON constraint_features
  FOR EACH STATEMENT EXECUTE FUNCTION za_bump_layer_version('constraints');
